// The one API between renderer and backend: channel → input and output schemas, plus push events.
// The Electron host (IPC) and the web host (HTTP + SSE) both serve exactly this map.
import { z } from 'zod';
import { type Finding } from '../plan/findings';
import type { ChecklistFinding } from '../checklist/findings';
import { CategorySchema, LocationSchema, PlanSchema, SeveritySchema, SlugSchema } from '../plan/schema';
import {
  HeadOfficeConsoleSettingsSchema,
  HeadOfficeSettingsSchema,
  PreferencesPatchSchema,
  SettingsPatchSchema,
  SettingsSchema,
} from '../settings/schema';
import { USER_NAME_MAX } from '../people/roles';
import { PublicUserSchema, RoleSchema } from '../people/userSchema';
import { PinInputSchema, SessionViewSchema } from '../people/session';
import { AuditEntrySchema } from '../audit/events';
import { CHANNEL_NAMES, PUSH_EVENT_NAMES } from './names';
import { DRAFT_ORIGINS, DraftNoteSchema, DraftSchema } from '../library/draft';
import { libraryLogData, VERSION_SOURCES } from '../library/libraryLog';
import { RunModeSchema } from '../journal/events';
import { RunCommandSchema } from '../run/commands';
import { RunSummarySchema, RunViewSchema } from '../run/runViewSchema';
import { rangeInstant, RecordPageSchema, RecordQuerySchema } from '../records/recordQuery';
import { RunRecordSchema } from '../records/runSummary';
import { TextSchema } from '../textSchema';
import { LocalDateSchema, ReleaseScopeSchema } from '../hq/release';
import { ExerciseSpecSchema } from '../drills/exercise';
import { ExerciseViewSchema } from '../drills/exerciseView';
import { evaluationData, RatingSchema } from '../drills/evaluation';
import { EvaluationViewSchema } from '../drills/evaluationView';
import { CoverageViewSchema } from '../drills/coverageView';
import { QuizGradeSchema, QuizOutSchema, TrainingRecordsSchema } from '../drills/trainingView';
import { ActionSpecSchema, OwnerSchema } from '../actions/actionLog';
import { ActionViewSchema } from '../actions/actionView';
import { ChecklistSchema, CHECKLIST_USES } from '../checklist/schema';
import { AnswerSchema, InspectorsSchema, RectificationSpecSchema } from '../inspections/inspection';
import { InspectionPlanSchema } from '../inspections/inspectionLog';
import { InspectionSummarySchema, InspectionViewSchema } from '../inspections/inspectionView';
import { ScorecardViewSchema } from '../inspections/scorecardView';
import {
  ACTION_LIMITS,
  EXERCISE_LIMITS,
  INSPECTION_LIMITS,
  BRANCH_CODE_MAX,
  PLAN_FILE_NAME_MAX,
  RECORD_RANGE_BOUND_MAX,
  RUN_ID_PATTERN,
  SLUG_PATTERN,
} from '../limits';

const FindingSchema: z.ZodType<Finding & { line?: number; column?: number }> = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  stepId: z.string().optional(),
  path: z.string(),
  message: TextSchema,
  line: z.number().int().optional(),
  column: z.number().int().optional(),
}) as unknown as z.ZodType<Finding & { line?: number; column?: number }>;

export const PlanSummarySchema = z.object({
  id: SlugSchema,
  /** The version shown: the one offered, else (retired) the last one; 0 for a plan that is only a draft. */
  version: z.number().int(),
  /** Where that version's content came from (a bundled template, a revision, an import…). */
  source: z.enum([...VERSION_SOURCES]),
  /** `published`: offered on Home; `retired`: readable, not offered; `unpublished`: only a draft so far. */
  status: z.enum(['published', 'retired', 'unpublished']),
  publishedAt: z.string().optional(),
  /** The open draft of this plan, if any. */
  draft: z
    .object({
      status: z.enum(['draft', 'in-review']),
      revision: z.number().int(),
      origin: z.enum(DRAFT_ORIGINS),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .optional(),
  /** A newer bundled template than the one this plan came from: offered to the manager, never taken silently. */
  templateUpdate: z.object({ version: z.number().int(), contentHash: z.string() }).optional(),
  category: CategorySchema,
  severity: SeveritySchema,
  locations: z.array(LocationSchema),
  title: TextSchema,
  /** For launcher tiles: the plan's short title, else its title. */
  shortTitle: TextSchema,
  summary: TextSchema,
  contentHash: z.string(),
  stepCount: z.number().int(),
  /** Errors found by analysis: a plan with any is never offered to a guard. */
  errors: z.number().int(),
  warnings: z.number().int(),
  /** Lower-case search keys: titles in both languages and pinyin (initials and full). */
  searchKeys: z.array(z.string()),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const PlanDetailSchema = z.object({
  summary: PlanSummarySchema,
  /** Absent when the file does not match the schema; the findings then say why. */
  plan: PlanSchema.optional(),
  file: z.string(),
  findings: z.array(FindingSchema),
});
export type PlanDetail = z.infer<typeof PlanDetailSchema>;

const PublicationSchema = libraryLogData['plan.published'].extend({ at: z.string() });

export const PlanHistorySchema = z.object({
  planId: SlugSchema,
  /** Oldest first; `offered` marks the one on Home now. */
  versions: z.array(PublicationSchema.extend({ offered: z.boolean() })),
  retired: libraryLogData['plan.retired'].extend({ at: z.string() }).optional(),
});
export type PlanHistoryView = z.infer<typeof PlanHistorySchema>;

export const DraftViewSchema = z.object({
  draft: DraftSchema,
  findings: z.array(FindingSchema),
  /** The hash the draft would publish with (absent while it does not match the plan format). */
  contentHash: z.string().optional(),
});
export type DraftViewOutput = z.infer<typeof DraftViewSchema>;

/** A checklist template's finding (../checklist/findings), with its line where it came from a file. */
const ChecklistFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  itemId: z.string().optional(),
  sectionId: z.string().optional(),
  path: z.string(),
  message: TextSchema,
  line: z.number().int().optional(),
  column: z.number().int().optional(),
}) as unknown as z.ZodType<ChecklistFinding & { line?: number; column?: number }>;

/** A checklist template in the branch's checklist library, as lists show it (the plan summary's lifecycle fields). */
export const ChecklistSummarySchema = PlanSummarySchema.pick({
  id: true,
  version: true,
  source: true,
  status: true,
  publishedAt: true,
  draft: true,
  templateUpdate: true,
  title: true,
  contentHash: true,
  errors: true,
  warnings: true,
}).extend({
  use: z.enum(CHECKLIST_USES).optional(),
  sections: z.number().int(),
  items: z.number().int(),
  critical: z.number().int(),
});
export type ChecklistSummary = z.infer<typeof ChecklistSummarySchema>;

export const ChecklistDetailSchema = z.object({
  summary: ChecklistSummarySchema,
  /** Absent when the file does not match the schema; the findings then say why. */
  checklist: ChecklistSchema.optional(),
  file: z.string(),
  findings: z.array(ChecklistFindingSchema),
});
export type ChecklistDetail = z.infer<typeof ChecklistDetailSchema>;

export const ChecklistDraftViewSchema = DraftViewSchema.extend({ findings: z.array(ChecklistFindingSchema) });
export type ChecklistDraftView = z.infer<typeof ChecklistDraftViewSchema>;

export const ReleaseOfferSchema = z.object({
  planId: SlugSchema,
  version: z.number().int(),
  contentHash: z.string(),
  title: TextSchema,
  mandatory: z.boolean(),
  effectiveDate: z.string(),
  receivedAt: z.string(),
  state: z.enum(['offered', 'adopted', 'overdue']),
});
export type ReleaseOfferView = z.infer<typeof ReleaseOfferSchema>;

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  state: z.enum(['off', 'idle', 'syncing', 'waiting']),
  queued: z.number().int(),
  lastAttemptAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  failure: z.object({ at: z.string(), message: TextSchema }).optional(),
  nextAttemptAt: z.string().optional(),
  conflicts: z.array(
    z.object({ kind: z.string(), recordId: z.string(), head: z.string(), storedHead: z.string(), at: z.string() }),
  ),
  unreadable: z.array(z.string()),
  releases: z.object({
    received: z.number().int(),
    refused: z.array(z.object({ planId: z.string(), version: z.number().int(), reason: z.string() })),
  }),
  /** The connection as configured (never the password), for the settings form. */
  headOffice: HeadOfficeSettingsSchema,
  /** Whether a password is stored, and how: by the OS (desktop) or in a file only its owner reads. */
  password: z.enum(['none', 'os', 'file']),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

export const SyncConfigureSchema = HeadOfficeSettingsSchema.extend({
  /** Omitted: keep the stored password. */
  password: z.string().min(1).max(200).optional(),
}).strict();

// ——— The head-office console (electron/hq/dashboard.ts): what head office received from its branches ———

export const HqStatusSchema = z.object({
  /** A host, a viewer login and a stored password: the console can ask head office's database. */
  configured: z.boolean(),
  /** The connection as configured (never the password), for the settings form. */
  console: HeadOfficeConsoleSettingsSchema,
  password: z.enum(['none', 'os', 'file']),
});
export type HqStatusView = z.infer<typeof HqStatusSchema>;

export const HqConfigureSchema = HeadOfficeConsoleSettingsSchema.extend({
  /** Omitted: keep the stored password. */
  password: z.string().min(1).max(200).optional(),
}).strict();

const CoverageStatusSchema = z.enum(['never', 'ok', 'due-soon', 'overdue']);
const HqDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const BranchCodeSchema = z.string().max(BRANCH_CODE_MAX).regex(SLUG_PATTERN);
const RecordKindSchema = z.enum(['run', 'exercise', 'evaluation', 'inspection']);
/** A record id as head office's schema takes one (received_records.record_id). */
const HqRecordIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const CheckStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('verified') }),
  z.object({ status: z.literal('failed'), reason: z.string() }),
  z.object({ status: z.literal('unchecked') }),
]);
const CoverageCellSchema = z.object({
  planId: z.string(),
  lastDrill: z.object({ recordId: z.string(), startedAt: z.string(), localDate: z.string() }).optional(),
  dueDate: z.string().optional(),
  daysLeft: z.number().int().optional(),
  status: CoverageStatusSchema,
  failed: z.number().int(),
});
export const HqDashboardSchema = z.object({
  coverage: z.object({
    today: z.string(),
    zone: z.string(),
    staleDays: z.number().int(),
    plans: z.array(
      z.object({ planId: z.string(), version: z.number().int(), title: TextSchema, everyDays: z.number().int() }),
    ),
    branches: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        region: z.string(),
        lastReceiptAt: z.string().nullable(),
        stale: z.boolean(),
        cells: z.array(CoverageCellSchema.nullable()),
        failedRecords: z.number().int(),
        worst: CoverageStatusSchema.nullable(),
      }),
    ),
  }),
  range: z.object({ from: z.string(), to: z.string() }),
  incidents: z.array(
    z.object({
      month: z.string(),
      region: z.string(),
      category: z.string(),
      runs: z.number().int(),
      verified: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  inspections: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      region: z.string(),
      inspections: z.number().int(),
      averageScore: z.number().nullable(),
      failed: z.number().int(),
      flagged: z.number().int(),
      unchecked: z.number().int(),
      openRectifications: z.number().int(),
      overdueRectifications: z.number().int(),
    }),
  ),
  unsynced: z.array(
    z.object({ code: z.string(), name: z.string(), region: z.string(), lastReceiptAt: z.string().nullable() }),
  ),
});
export type HqDashboardView = z.infer<typeof HqDashboardSchema>;

const HqBranchInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string(),
  keyId: z.string(),
  enrolledAt: z.string(),
  disabledAt: z.string().nullable(),
});
const HqRecordSummarySchema = z.object({
  kind: z.string(),
  recordId: z.string(),
  planId: z.string().nullable(),
  planVersion: z.number().int().nullable(),
  planTitle: TextSchema.nullable(),
  category: z.string().nullable(),
  isDrill: z.boolean().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  receivedAt: z.string(),
  check: CheckStateSchema,
});
export const HqHistoryCursorSchema = z.strictObject({
  startedAt: z.string().max(40).nullable(),
  kind: RecordKindSchema,
  recordId: HqRecordIdSchema,
});
export const HqBranchSchema = z.object({
  branch: HqBranchInfoSchema,
  records: z.array(HqRecordSummarySchema),
  next: HqHistoryCursorSchema.optional(),
});
export type HqBranchView = z.infer<typeof HqBranchSchema>;
export const HqRecordSchema = z.object({
  branch: HqBranchInfoSchema,
  summary: HqRecordSummarySchema,
  headHash: z.string(),
  keyId: z.string(),
  checks: z.array(
    z.object({
      status: z.enum(['verified', 'failed']),
      reason: z.string().nullable(),
      checkedAt: z.string(),
      checkedBy: z.string(),
    }),
  ),
  recheck: z.discriminatedUnion('status', [
    z.object({ status: z.literal('verified') }),
    z.object({ status: z.literal('failed'), reason: z.string() }),
  ]),
  events: z.array(
    z.object({
      seq: z.number().int().nullable(),
      at: z.string().nullable(),
      type: z.string(),
      by: z.string().nullable(),
      description: TextSchema,
    }),
  ),
});
export type HqRecordView = z.infer<typeof HqRecordSchema>;

/** A release head office published (plan_versions), as the console lists it: the signed terms, when and by whom. */
export const HqReleaseSchema = z.object({
  planId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  scope: ReleaseScopeSchema,
  mandatory: z.boolean(),
  effectiveDate: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type HqReleaseView = z.infer<typeof HqReleaseSchema>;
export const HqPublishedSchema = z.object({
  release: HqReleaseSchema,
  /** The very same release was published before: nothing new was stored. */
  alreadyPublished: z.boolean(),
  /** Enabled branches the scope reaches now; regions or codes it names that match no enrolled branch. */
  reach: z.object({ branches: z.number().int(), unmatched: z.array(z.string()) }),
});
export type HqPublishedView = z.infer<typeof HqPublishedSchema>;

const ChecklistIdInput = z.strictObject({ checklistId: SlugSchema });
const ChecklistVersionInput = z.strictObject({
  checklistId: SlugSchema,
  version: z.number().int().min(1).max(1_000_000),
});

const PlanVersionRefInput = z.strictObject({ planId: SlugSchema, version: z.number().int().min(1).max(1_000_000) });

export const SettingsNoticeSchema = z.object({
  code: z.literal('settings-reset'),
  /** Where the unreadable settings file was kept. */
  backupFile: z.string(),
  reason: TextSchema,
});

export const SettingsStateSchema = z.object({
  settings: SettingsSchema,
  notice: SettingsNoticeSchema.optional(),
});
export type SettingsState = z.infer<typeof SettingsStateSchema>;

export const AppInfoSchema = z.object({
  name: z.literal('Guardbook'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  /** Where the data folder came from: anything but the default is shown on every screen (issue 10). */
  dataDirSource: z.enum(['default', 'argument', 'environment']),
  platform: z.string(),
  /**
   * Set when nothing can be recorded (a read-only or unusable data folder): runs can still be followed on
   * screen, and every screen says that nothing is recorded and to use paper.
   */
  recordingUnavailable: TextSchema.optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const NoInput = z.strictObject({});
/** Run ids name journal files: letters, digits and hyphens only (no path can be smuggled in). */
export const RunIdSchema = z.string().regex(RUN_ID_PATTERN);

const ExerciseIdInput = z.strictObject({ exerciseId: SlugSchema });
const InspectionIdInput = z.strictObject({ inspectionId: SlugSchema });
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
/** A photo or PDF sent as base64 (the backend decodes it, checks what it is and its size, and stores it). */
const AttachmentUploadSchema = z.strictObject({
  name: z.string().trim().min(1).max(INSPECTION_LIMITS.fileName),
  base64: z
    .string()
    .max(Math.ceil(INSPECTION_LIMITS.attachmentBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const FileOutSchema = z.object({ name: z.string(), mime: z.string(), base64: z.string() });
/** An exercise that has its run now, and that run. */
const ExerciseStartedSchema = z.object({ exercise: ExerciseViewSchema, run: RunViewSchema });

const RangeBoundSchema = z
  .string()
  .max(RECORD_RANGE_BOUND_MAX)
  .refine((value) => rangeInstant(value, 'start') !== undefined, {
    message: 'an ISO date (2026-03-01) or a time with its offset (2026-03-01T08:00:00+08:00)',
  });

/**
 * An inclusive range of start times (a bare date is a whole local day of the branch's time zone, as in the
 * history's filter), and the history's other filters: the archive holds exactly the runs the list shows.
 */
export const ExportRangeSchema = z
  .strictObject({
    from: RangeBoundSchema,
    to: RangeBoundSchema,
    mode: RecordQuerySchema.shape.mode,
    planId: RecordQuerySchema.shape.planId,
    category: RecordQuerySchema.shape.category,
    outcome: RecordQuerySchema.shape.outcome,
    operator: RecordQuerySchema.shape.operator,
    text: RecordQuerySchema.shape.text,
  })
  .refine(
    ({ from, to }) => {
      const [start, end] = [rangeInstant(from, 'start'), rangeInstant(to, 'end')];
      return start === undefined || end === undefined || start <= end;
    },
    { path: ['to'], message: 'the range ends before it starts' },
  );

export const BatchExportSchema = z.object({
  fileName: z.string(),
  mime: z.literal('application/zip'),
  /** The archive's bytes: the API carries JSON, and a zip is binary. */
  base64: z.string(),
});

const UserNameSchema = z.string().trim().min(1).max(USER_NAME_MAX);

export const AuditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(AuditEntrySchema),
  total: z.number().int(),
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  failure: z
    .object({ line: z.number().int(), offset: z.number().int(), reason: z.string(), message: TextSchema })
    .optional(),
});

/** What "verified" rests on: the installation's key and the register of seals, for writing down or sending away. */
export const RecordsIntegritySchema = z.object({
  key: z
    .object({
      keyId: z.string(),
      /** SHA-256 of the public key (SPKI DER), hex in groups of four: what an auditor pins from paper. */
      fingerprint: z.string(),
      /** How the private key is kept: by the OS (Electron safeStorage) or in a file only the user can read. */
      protection: z.enum(['os', 'file']),
    })
    .nullable(),
  register: z.object({
    seals: z.number().int(),
    /** The register's head hash: a later register whose history differs from this one was rewritten. */
    head: z.string(),
    /** Set when the register was found damaged at start (kept aside; a new one names it). */
    problem: TextSchema.optional(),
  }),
  /** The background re-check of every record against the disk, the key and the register. */
  check: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type RecordsIntegrity = z.infer<typeof RecordsIntegritySchema>;

export const channels = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  'plans.list': { input: NoInput, output: z.array(PlanSummarySchema) },
  'plans.get': { input: z.strictObject({ id: SlugSchema }), output: PlanDetailSchema },
  /** Every published version of a plan with its author, approver, time, change note and hash. */
  'plans.history': { input: z.strictObject({ planId: SlugSchema }), output: PlanHistorySchema },
  /** One published version as it was published ("plan as followed"), checked against its hash. */
  'plans.version': {
    input: PlanVersionRefInput,
    output: z.object({ plan: PlanSchema.optional(), findings: z.array(FindingSchema), file: z.string() }),
  },
  /** A version (the offered one when none is named) as a plan file. */
  'plans.export': {
    input: z.strictObject({ planId: SlugSchema, version: z.number().int().min(1).max(1_000_000).optional() }),
    output: z.object({ fileName: z.string(), mime: z.literal('application/json'), content: z.string() }),
  },
  /** Opens a draft from the plan's latest version (or answers the draft already open). */
  'plans.revise': { input: z.strictObject({ planId: SlugSchema }), output: DraftViewSchema },
  /** The open draft of a plan, with what a check of it finds now. */
  'plans.draft': { input: z.strictObject({ planId: SlugSchema }), output: DraftViewSchema },
  /** Autosave of the editor: refused only when another save came first (`revision`) or the draft is in review. */
  'plans.saveDraft': {
    input: z.strictObject({
      planId: SlugSchema,
      revision: z.number().int().min(0),
      plan: z.record(z.string(), z.unknown()),
    }),
    output: DraftViewSchema,
  },
  /** A draft without errors goes to review, with why it changed. */
  'plans.submit': { input: z.strictObject({ planId: SlugSchema, note: DraftNoteSchema }), output: DraftViewSchema },
  'plans.sendBack': {
    input: z.strictObject({ planId: SlugSchema, comment: DraftNoteSchema }),
    output: DraftViewSchema,
  },
  'plans.discardDraft': { input: z.strictObject({ planId: SlugSchema }), output: z.object({}) },
  /** A draft whose content is an earlier version's; published after review like any other. */
  'plans.rollback': { input: PlanVersionRefInput, output: DraftViewSchema },
  /**
   * A second manager (or the only one, recorded as self-approved) approves the draft in review with their PIN:
   * `contentHash` is the content they reviewed. Publishes it as the next version.
   */
  'plans.approve': {
    input: z.strictObject({ planId: SlugSchema, contentHash: z.string(), pin: PinInputSchema }),
    output: PlanSummarySchema,
  },
  'plans.retire': { input: z.strictObject({ planId: SlugSchema, note: DraftNoteSchema }), output: PlanSummarySchema },
  /** A plan file from elsewhere: refused with its findings (nothing changes), or kept as a draft. */
  'plans.import': {
    input: z.strictObject({ fileName: z.string().max(PLAN_FILE_NAME_MAX), content: z.string() }),
    output: z.discriminatedUnion('accepted', [
      z.object({ accepted: z.literal(true), draft: DraftViewSchema }),
      z.object({ accepted: z.literal(false), findings: z.array(FindingSchema) }),
    ]),
  },
  /** Takes the newer bundled template offered for a plan as a draft, or dismisses it. */
  'plans.takeTemplateUpdate': { input: z.strictObject({ planId: SlugSchema }), output: DraftViewSchema },
  'plans.dismissTemplateUpdate': { input: z.strictObject({ planId: SlugSchema }), output: PlanSummarySchema },
  /** Plan versions head office released to this branch: offered, adopted, or mandatory and past their date. */
  'plans.releases': { input: NoInput, output: z.array(ReleaseOfferSchema) },
  /** A draft from a head-office release, for the manager to fill local details in and send for review. */
  'plans.takeRelease': {
    input: z.strictObject({ planId: SlugSchema, version: z.number().int().min(1).max(1_000_000) }),
    output: DraftViewSchema,
  },
  'settings.get': { input: NoInput, output: SettingsStateSchema },
  /** Branch, phone numbers, idle lock: what guards rely on, so a manager's PIN is needed. */
  'settings.update': { input: SettingsPatchSchema, output: SettingsStateSchema },
  /** Language, theme, sound: whoever is at the PC may set them. */
  'settings.setPreferences': { input: PreferencesPatchSchema, output: SettingsStateSchema },
  'settings.dismissNotice': { input: NoInput, output: SettingsStateSchema },
  /** This window's session: who is on duty, who unlocked it and until when. */
  'session.get': { input: NoInput, output: SessionViewSchema },
  /** Who is on duty at this PC (no PIN: a claim, recorded as such); null: nobody named. */
  'session.setOnDuty': { input: z.strictObject({ userId: SlugSchema.nullable() }), output: SessionViewSchema },
  'session.unlock': { input: z.strictObject({ userId: SlugSchema, pin: PinInputSchema }), output: SessionViewSchema },
  'session.lock': { input: NoInput, output: SessionViewSchema },
  /** The window is in use: push back its idle lock (the backend only sees API calls, not keystrokes). */
  'session.touch': { input: NoInput, output: SessionViewSchema },
  /** Names and roles, for the on-duty picker and the PIN prompt; never PIN hashes. */
  'users.list': { input: NoInput, output: z.array(PublicUserSchema) },
  /** First start only: creates the administrator and unlocks this window as them. */
  'users.setup': { input: z.strictObject({ name: UserNameSchema, pin: PinInputSchema }), output: SessionViewSchema },
  'users.add': {
    input: z.strictObject({ name: UserNameSchema, role: RoleSchema, pin: PinInputSchema }),
    output: PublicUserSchema,
  },
  'users.update': {
    input: z.strictObject({
      userId: SlugSchema,
      name: UserNameSchema.optional(),
      role: RoleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    output: PublicUserSchema,
  },
  /** An administrator sets a new PIN for someone who forgot theirs (and lifts a lockout). */
  'users.resetPin': { input: z.strictObject({ userId: SlugSchema, pin: PinInputSchema }), output: PublicUserSchema },
  /** The unlocked user changes their own PIN, giving the current one again. */
  'users.changePin': {
    input: z.strictObject({ currentPin: PinInputSchema, newPin: PinInputSchema }),
    output: PublicUserSchema,
  },
  'users.clearLockout': { input: z.strictObject({ userId: SlugSchema }), output: PublicUserSchema },
  /** The audit trail, newest first. */
  'audit.list': {
    input: z.strictObject({
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: AuditPageSchema,
  },
  /** Checks the whole trail's hash chain from the file on disk. */
  'audit.verify': { input: NoInput, output: AuditVerificationSchema },
  /** Starts a run at once: no login, no dialog (who is on duty is recorded as best known). */
  'runs.start': { input: z.strictObject({ planId: SlugSchema, mode: RunModeSchema }), output: RunViewSchema },
  /**
   * Starts the follow-on plan `planId` that run `runId` offers now (escalation), in the same mode; both runs' journals
   * name the other. Answers the new run.
   */
  'runs.escalate': { input: z.strictObject({ runId: RunIdSchema, planId: SlugSchema }), output: RunViewSchema },
  'runs.get': { input: z.strictObject({ runId: RunIdSchema }), output: RunViewSchema },
  /** Resolves only after the event is written and fsynced: the UI shows a tap as done only then. */
  'runs.command': { input: z.strictObject({ runId: RunIdSchema, command: RunCommandSchema }), output: RunViewSchema },
  'runs.unfinished': { input: NoInput, output: z.array(RunSummarySchema) },
  /** Drill exercises, planned and past: a trainer's (an unannounced one must never reach a guard before it is run). */
  'drills.list': { input: NoInput, output: z.array(ExerciseViewSchema) },
  'drills.get': { input: ExerciseIdInput, output: ExerciseViewSchema },
  /** Plans an exercise against the plan's published version (refused, with where, when it does not fit). */
  'drills.plan': { input: z.strictObject({ spec: ExerciseSpecSchema }), output: ExerciseViewSchema },
  /** Changes an exercise until it starts. */
  'drills.update': {
    input: z.strictObject({ exerciseId: SlugSchema, spec: ExerciseSpecSchema }),
    output: ExerciseViewSchema,
  },
  'drills.cancel': {
    input: z.strictObject({ exerciseId: SlugSchema, reason: z.string().trim().max(EXERCISE_LIMITS.cancelReason) }),
    output: ExerciseViewSchema,
  },
  /** Starts an announced exercise: a drill run of its plan, its scheduled injects delivered as scenario time passes. */
  'drills.start': { input: ExerciseIdInput, output: ExerciseStartedSchema },
  /** Declares a live run of the plan an unannounced drill of the exercise (appended to its journal). */
  'drills.declare': {
    input: z.strictObject({ exerciseId: SlugSchema, runId: RunIdSchema }),
    output: ExerciseStartedSchema,
  },
  'drills.pause': { input: ExerciseIdInput, output: ExerciseViewSchema },
  'drills.resume': { input: ExerciseIdInput, output: ExerciseViewSchema },
  /** Delivers an inject now (a contingency inject, or a scheduled one early); answers the run. */
  'drills.fire': { input: z.strictObject({ exerciseId: SlugSchema, injectId: SlugSchema }), output: RunViewSchema },
  /** The exercise's evaluation so far (null before the first rating). */
  'drills.evaluation': { input: ExerciseIdInput, output: EvaluationViewSchema.nullable() },
  /** An evaluator rates an objective or a step (达标/基本达标/未达标/未观察); the latest rating of each evaluator counts. */
  'drills.rate': {
    input: z.strictObject({
      exerciseId: SlugSchema,
      target: z.union([z.strictObject({ objectiveId: SlugSchema }), z.strictObject({ stepId: SlugSchema })]),
      rating: RatingSchema,
      observation: z.string().trim().max(EXERCISE_LIMITS.text).optional(),
    }),
    output: EvaluationViewSchema,
  },
  /** A strength or an area for improvement found in the drill. */
  'drills.note': {
    input: z.strictObject({
      exerciseId: SlugSchema,
      ...evaluationData['finding.noted'].omit({ findingId: true, by: true }).shape,
    }),
    output: EvaluationViewSchema,
  },
  /** The hot-wash (复盘): closes and seals the evaluation once the drill has ended. */
  'drills.close': {
    input: z.strictObject({ exerciseId: SlugSchema, hotWash: z.string().trim().max(EXERCISE_LIMITS.scenario) }),
    output: EvaluationViewSchema,
  },
  /** The drill report as a PDF, made by the Electron host (the browser edition prints instead). */
  'drills.reportPdf': {
    input: ExerciseIdInput,
    output: z.object({ fileName: z.string(), mime: z.literal('application/pdf'), base64: z.string() }),
  },
  /** Per published plan: last drill, next due by its policy (branch-local calendar days), status; the calendar. */
  'drills.coverage': { input: NoInput, output: CoverageViewSchema },
  /**
   * Per drill that ran, oldest first: when, the plan, the share of rated objectives met (达标) and the time the
   * journal gave its first step — the dashboard's trends.
   */
  'drills.trends': {
    input: NoInput,
    output: z.array(
      z.object({
        exerciseId: z.string(),
        title: z.string(),
        planId: z.string(),
        at: z.string(),
        /** Objectives rated 达标 among those rated (未观察 left out); absent before any rating. */
        shareMet: z.number().min(0).max(1).optional(),
        /** Seconds the run spent on its first step, and that step's target. */
        firstStep: z.object({ seconds: z.number(), targetSeconds: z.number().optional() }).optional(),
      }),
    ),
  },
  /** Improvement actions (整改措施), open ones first by due date, each with the local days left (negative: overdue). */
  'actions.list': { input: NoInput, output: z.array(ActionViewSchema) },
  /** An area for improvement becomes an action with an owner and a due date. */
  'actions.open': { input: z.strictObject({ spec: ActionSpecSchema }), output: ActionViewSchema },
  'actions.update': {
    input: z.strictObject({
      actionId: SlugSchema,
      owner: OwnerSchema.optional(),
      due: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      status: z.literal('in-progress').optional(),
      note: z.string().trim().max(ACTION_LIMITS.note).optional(),
    }),
    output: ActionViewSchema,
  },
  /** Done by hand, or dropped, with why. */
  'actions.finish': {
    input: z.strictObject({
      actionId: SlugSchema,
      status: z.enum(['done', 'dropped']),
      note: z.string().trim().max(ACTION_LIMITS.note),
    }),
    output: ActionViewSchema,
  },
  /** Opens a draft of the action's plan that names the action: publishing it closes the action with that version. */
  'actions.revisePlan': { input: z.strictObject({ actionId: SlugSchema }), output: DraftViewSchema },
  /** The actions owned by whoever unlocked the window (a guard sees the rectifications that are theirs). */
  'actions.mine': { input: NoInput, output: z.array(ActionViewSchema) },
  /** Reported put right, with the evidence (photos or PDFs): one the caller owns, or anyone's for trainers up. */
  'actions.fix': {
    input: z.strictObject({
      actionId: SlugSchema,
      note: z.string().trim().max(ACTION_LIMITS.note),
      files: z.array(AttachmentUploadSchema).max(ACTION_LIMITS.evidenceFiles),
    }),
    output: ActionViewSchema,
  },
  /** A second person checks a reported fix: accepted closes it (verified), rejected sends it back with why. */
  'actions.check': {
    input: z.strictObject({
      actionId: SlugSchema,
      accepted: z.boolean(),
      note: z.string().trim().max(ACTION_LIMITS.note),
    }),
    output: ActionViewSchema,
  },
  /** An evidence file of an action, checked against its hash. */
  'actions.evidence': {
    input: z.strictObject({ actionId: SlugSchema, sha256: Sha256Schema }),
    output: FileOutSchema,
  },
  /** The checklist templates, each with its version, hash and findings (one with errors is never used). */
  'inspections.checklists': {
    input: NoInput,
    output: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        contentHash: z.string(),
        use: z.enum(CHECKLIST_USES).optional(),
        title: TextSchema,
        items: z.number().int(),
        critical: z.number().int(),
        errors: z.number().int(),
        warnings: z.number().int(),
      }),
    ),
  },
  /** One template whole (to preview before an inspection). */
  'inspections.checklist': {
    input: z.strictObject({ checklistId: SlugSchema }),
    output: z.object({ checklist: ChecklistSchema, version: z.number().int(), contentHash: z.string() }),
  },
  /** Inspections the caller may see, newest first: an unannounced one planned ahead only by whoever planned it. */
  'inspections.list': { input: NoInput, output: z.array(InspectionSummarySchema) },
  'inspections.get': { input: InspectionIdInput, output: InspectionViewSchema },
  'inspections.plan': { input: z.strictObject({ plan: InspectionPlanSchema }), output: InspectionSummarySchema },
  'inspections.cancel': {
    input: z.strictObject({ inspectionId: SlugSchema, reason: z.string().trim().max(INSPECTION_LIMITS.cancelReason) }),
    output: InspectionSummarySchema,
  },
  /** Begins one planned ahead, or one now with its template, announced or not, place and inspectors. */
  'inspections.start': {
    input: z.union([
      InspectionIdInput,
      z.strictObject({
        checklistId: SlugSchema,
        announced: z.boolean(),
        place: z.string().trim().max(INSPECTION_LIMITS.place),
        inspectors: InspectorsSchema,
      }),
    ]),
    output: InspectionViewSchema,
  },
  /** One answer, durable (fsynced) before it is answered; a changed answer is a new line and the last counts. */
  'inspections.answer': {
    input: z.strictObject({ inspectionId: SlugSchema, itemId: SlugSchema, answer: AnswerSchema }),
    output: InspectionViewSchema,
  },
  'inspections.note': {
    input: z.strictObject({
      inspectionId: SlugSchema,
      itemId: SlugSchema,
      note: z.string().trim().min(1).max(INSPECTION_LIMITS.note),
    }),
    output: InspectionViewSchema,
  },
  /** A photo or PDF for an item: stored beside the record, its SHA-256 in the journal. */
  'inspections.attach': {
    input: z.strictObject({ inspectionId: SlugSchema, itemId: SlugSchema, file: AttachmentUploadSchema }),
    output: InspectionViewSchema,
  },
  'inspections.attachment': {
    input: z.strictObject({ inspectionId: SlugSchema, sha256: Sha256Schema }),
    output: FileOutSchema,
  },
  /**
   * Signed with the inspector's PIN (asked again) and the branch representative's name; every failed item needs its
   * rectification (owner, due date, evidence). Seals the record and opens the rectifications.
   */
  'inspections.signOff': {
    input: z.strictObject({
      inspectionId: SlugSchema,
      summary: z.string().trim().max(INSPECTION_LIMITS.summary),
      branchRepresentative: z.string().trim().min(1).max(INSPECTION_LIMITS.inspector),
      rectifications: z.array(RectificationSpecSchema).max(500),
      pin: PinInputSchema,
    }),
    output: InspectionViewSchema,
  },
  /** The inspection report as a PDF, made by the Electron host (the browser edition prints instead). */
  'inspections.reportPdf': {
    input: InspectionIdInput,
    output: z.object({ fileName: z.string(), mime: z.literal('application/pdf'), base64: z.string() }),
  },
  /** Scores over time per checklist, recurring failed items, rectifications closed on time. */
  'inspections.scorecard': { input: NoInput, output: ScorecardViewSchema },
  // Checklist templates: the plans' lifecycle (draft, review, approval with a PIN, publish) on the branch's own
  // checklist library (electron/checklists/checklistLibrary.ts). History is the library log's, as for plans.
  /** Every template the library or a draft knows, with its state (inspections use the published ones). */
  'checklists.list': { input: NoInput, output: z.array(ChecklistSummarySchema) },
  'checklists.get': { input: ChecklistIdInput, output: ChecklistDetailSchema },
  'checklists.history': { input: ChecklistIdInput, output: PlanHistorySchema },
  'checklists.version': {
    input: ChecklistVersionInput,
    output: z.object({
      checklist: ChecklistSchema.optional(),
      findings: z.array(ChecklistFindingSchema),
      file: z.string(),
    }),
  },
  'checklists.export': {
    input: z.strictObject({ checklistId: SlugSchema, version: z.number().int().min(1).max(1_000_000).optional() }),
    output: z.object({ fileName: z.string(), mime: z.literal('application/json'), content: z.string() }),
  },
  'checklists.revise': { input: ChecklistIdInput, output: ChecklistDraftViewSchema },
  'checklists.draft': { input: ChecklistIdInput, output: ChecklistDraftViewSchema },
  'checklists.saveDraft': {
    input: z.strictObject({
      checklistId: SlugSchema,
      revision: z.number().int().min(0),
      checklist: z.record(z.string(), z.unknown()),
    }),
    output: ChecklistDraftViewSchema,
  },
  'checklists.submit': {
    input: z.strictObject({ checklistId: SlugSchema, note: DraftNoteSchema }),
    output: ChecklistDraftViewSchema,
  },
  'checklists.sendBack': {
    input: z.strictObject({ checklistId: SlugSchema, comment: DraftNoteSchema }),
    output: ChecklistDraftViewSchema,
  },
  'checklists.discardDraft': { input: ChecklistIdInput, output: z.object({}) },
  'checklists.rollback': { input: ChecklistVersionInput, output: ChecklistDraftViewSchema },
  /** As plans.approve: a second manager (or the only one, self-approved) with their PIN, for the hash reviewed. */
  'checklists.approve': {
    input: z.strictObject({ checklistId: SlugSchema, contentHash: z.string(), pin: PinInputSchema }),
    output: ChecklistSummarySchema,
  },
  'checklists.retire': {
    input: z.strictObject({ checklistId: SlugSchema, note: DraftNoteSchema }),
    output: ChecklistSummarySchema,
  },
  /** A template file from elsewhere (head office, another branch): refused with its findings, or kept as a draft. */
  'checklists.import': {
    input: z.strictObject({ fileName: z.string().max(PLAN_FILE_NAME_MAX), content: z.string() }),
    output: z.discriminatedUnion('accepted', [
      z.object({ accepted: z.literal(true), draft: ChecklistDraftViewSchema }),
      z.object({ accepted: z.literal(false), findings: z.array(ChecklistFindingSchema) }),
    ]),
  },
  'checklists.takeTemplateUpdate': { input: ChecklistIdInput, output: ChecklistDraftViewSchema },
  'checklists.dismissTemplateUpdate': { input: ChecklistIdInput, output: ChecklistSummarySchema },
  // Head office (electron/sync/): where it is, how this branch logs in and whose key its releases must carry (an
  // administrator's), and how the exchange is going (managers). Nothing here ever waits on the network for a guard.
  'sync.status': { input: NoInput, output: SyncStatusSchema },
  'sync.configure': { input: SyncConfigureSchema, output: SyncStatusSchema },
  /** A pass now rather than at the next interval; its failure is in the status, not an error. */
  'sync.now': { input: NoInput, output: SyncStatusSchema },
  // The head-office console (a head-office installation's): its own viewer login (an administrator's to set), and
  // the dashboard read through it (managers). Nothing is asked of head office until a connection is configured.
  'hq.status': { input: NoInput, output: HqStatusSchema },
  'hq.configure': { input: HqConfigureSchema, output: HqStatusSchema },
  /** Coverage, incidents and inspections over a range (the last twelve months by default), unsynced branches. */
  'hq.dashboard': {
    input: z.strictObject({
      today: HqDateSchema.optional(),
      staleDays: z.number().int().min(1).max(365).default(7),
      from: HqDateSchema.optional(),
      to: HqDateSchema.optional(),
    }),
    output: HqDashboardSchema,
  },
  /** One branch's records, newest first, a page at a time. */
  'hq.branch': {
    input: z.strictObject({
      code: BranchCodeSchema,
      limit: z.number().int().min(1).max(200).default(50),
      before: HqHistoryCursorSchema.optional(),
    }),
    output: HqBranchSchema,
  },
  /** One record, read-only: its summary, every check, its events, and a check made again now. */
  'hq.record': {
    input: z.strictObject({ code: BranchCodeSchema, kind: RecordKindSchema, recordId: HqRecordIdSchema }),
    output: HqRecordSchema,
  },
  /** The releases head office published so far, by plan and version. */
  'hq.releases': { input: NoInput, output: z.array(HqReleaseSchema) },
  /**
   * Publishes a published version of this installation's plan library to a scope of branches, signed with this
   * installation's key (head office's); the PIN is asked again, as for approving a plan.
   */
  'hq.publish': {
    input: z.strictObject({
      planId: SlugSchema,
      version: z.number().int().min(1).max(1_000_000),
      scope: ReleaseScopeSchema,
      mandatory: z.boolean(),
      effectiveDate: LocalDateSchema,
      pin: PinInputSchema,
    }),
    output: HqPublishedSchema,
  },
  /** A self-study quiz drawn from the published plans (all, or some), without its answers. */
  'training.quiz': {
    input: z.strictObject({
      count: z.number().int().min(1).max(20).default(5),
      planIds: z.array(SlugSchema).max(100).optional(),
    }),
    output: QuizOutSchema,
  },
  /** Grades the questions shown (unanswered: wrong), with the plan's own words, and keeps the result. */
  'training.submit': {
    input: z.strictObject({
      questionIds: z.array(z.string().max(300)).min(1).max(20),
      answers: z.record(z.string().max(300), z.string().max(200)),
    }),
    output: QuizGradeSchema,
  },
  /** Each person's training record, and who has not studied a plan since it was revised. */
  'training.records': { input: NoInput, output: TrainingRecordsSchema },
  /** The history, newest first, filtered and paged (from the rebuildable index). */
  'records.list': { input: RecordQuerySchema, output: RecordPageSchema },
  /** The printable record as a PDF, made by the Electron host (printToPDF); the browser edition prints instead. */
  'records.reportPdf': {
    input: z.strictObject({ runId: RunIdSchema }),
    output: z.object({ fileName: z.string(), mime: z.literal('application/pdf'), base64: z.string() }),
  },
  /** One run's history line: integrity, outcome, who took part. */
  'records.get': { input: z.strictObject({ runId: RunIdSchema }), output: RunRecordSchema },
  /** The installation key's fingerprint, the seal register's head and how far the re-check has come. */
  'records.integrity': { input: NoInput, output: RecordsIntegritySchema },
  /** One run as a file to hand over: JSON (journal + public key, verifiable) or CSV for Excel. */
  'records.export': {
    input: z.strictObject({ runId: RunIdSchema, format: z.enum(['json', 'csv']) }),
    output: z.object({ fileName: z.string(), mime: z.string(), content: z.string() }),
  },
  /** Every run that started in [from, to] as one zip (journals, CSVs, index, public key, README), base64. */
  'records.exportBatch': { input: ExportRangeSchema, output: BatchExportSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
// Compile-time check that the name lists used by the preload match this map exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelNamesMatch: Same<Channel, (typeof CHANNEL_NAMES)[number]> = true;
void channelNamesMatch;
export type ChannelInput<K extends Channel> = z.input<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends Channel> = z.output<(typeof channels)[K]['output']>;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/** Events the backend pushes to every window. */
export const pushEvents = {
  'settings.changed': SettingsStateSchema,
  'plans.changed': z.object({}),
  'run.changed': RunViewSchema,
  /** Users or who is on duty changed: every window asks again (session.get, users.list), as its own view differs. */
  'people.changed': z.object({}),
  /** Records changed outside a run's own pushes (the background re-check found something, or finished). */
  'records.changed': z.object({}),
  /** An exercise was planned, changed, started or paused, or an inject fell due: trainers' screens load again. */
  'drills.changed': z.object({}),
  /** An improvement action was opened, changed or closed. */
  'actions.changed': z.object({}),
  /** An inspection was planned, begun, answered or sealed. */
  'inspections.changed': z.object({}),
  /** A checklist template's draft, review or publication changed. */
  'checklists.changed': z.object({}),
  /** The exchange with head office moved on (a pass began or ended, a release arrived). */
  'sync.changed': z.object({}),
} as const satisfies Record<string, z.ZodType>;

export type PushEvent = keyof typeof pushEvents;
const pushNamesMatch: Same<PushEvent, (typeof PUSH_EVENT_NAMES)[number]> = true;
void pushNamesMatch;
export type PushPayload<K extends PushEvent> = z.output<(typeof pushEvents)[K]>;
export const PUSH_EVENTS: readonly PushEvent[] = PUSH_EVENT_NAMES;

/** What a transport gives the renderer: call a channel, listen to pushes. */
export interface ApiTransport {
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  subscribe(listener: (event: PushEvent, payload: unknown) => void): () => void;
}
