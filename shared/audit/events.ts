// The audit trail of administrative actions: its event types and their data. It uses the run journal's line
// format and hash chain (shared/journal/format.ts), so one verifier checks both.
import { z } from 'zod';
import { SlugSchema } from '../plan/schema';
import { RoleSchema } from '../people/userSchema';
import type { ChainFormat } from '../journal/verify';
import { DRAFT_ORIGINS } from '../library/draft';
import { ReleaseScopeSchema } from '../hq/release';

/** What can happen to an exercise, as the audit trail names it. */
export const EXERCISE_ACTIONS = [
  'planned',
  'updated',
  'cancelled',
  'started',
  'declared',
  'paused',
  'resumed',
  'injectFired',
  'evaluated',
] as const;
export type ExerciseAction = (typeof EXERCISE_ACTIONS)[number];

const userRef = { userId: SlugSchema, name: z.string() };

export const auditEventData = {
  /**
   * The first line of a trail. When the trail before it was found damaged, it was kept aside and this one
   * names it: the damage is on record, and administration goes on.
   */
  'audit.started': z.object({
    installation: z.string(),
    afterDamaged: z.object({ file: z.string(), line: z.number().int(), reason: z.string() }).optional(),
  }),
  /** The first administrator, created at first start without a PIN (nobody could have one yet). */
  'user.setup': z.object({ ...userRef, role: RoleSchema }),
  'user.added': z.object({ ...userRef, role: RoleSchema }),
  /** Each changed field with its value before and after. */
  'user.changed': z.object({
    ...userRef,
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  }),
  'user.pinReset': z.object(userRef),
  'user.pinChanged': z.object(userRef),
  'user.lockoutCleared': z.object(userRef),
  /** A wrong PIN: how many in a row, and whether it locked the user out. */
  'pin.failed': z.object({ ...userRef, failures: z.number().int(), lockedOut: z.boolean() }),
  'session.unlocked': z.object({ ...userRef, role: RoleSchema }),
  /** A user confirmed a run's sign-off with their PIN (the journal's `run.signedOff` says what was signed). */
  'signOff.pinConfirmed': z.object({ ...userRef, runId: z.string() }),
  /** Who said they were on duty (no PIN); null: nobody. */
  'duty.changed': z.object({ userId: SlugSchema.nullable(), name: z.string().nullable() }),
  'settings.changed': z.object({ changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) }),
  /** Records handed out as files: which runs (or which range) and how. */
  'records.exported': z.object({
    format: z.enum(['json', 'csv', 'zip']),
    runId: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    runs: z.number().int().optional(),
  }),
  /** A draft of a plan was opened (a revision, a rollback, a template update or an import), and from what. */
  'plan.draftStarted': z.object({
    planId: SlugSchema,
    origin: z.enum(DRAFT_ORIGINS),
    base: z.string().nullable(),
    fileName: z.string().optional(),
  }),
  'plan.draftDiscarded': z.object({ planId: SlugSchema, revision: z.number().int() }),
  /** Submitted for review: the content hash the reviewer will approve and why it changed. */
  'plan.submitted': z.object({ planId: SlugSchema, contentHash: z.string(), note: z.string() }),
  'plan.sentBack': z.object({ planId: SlugSchema, contentHash: z.string(), comment: z.string() }),
  /** A version published: the hash offered before and after, who wrote it, and whether its author approved it. */
  'plan.published': z.object({
    planId: SlugSchema,
    version: z.number().int(),
    before: z.string().nullable(),
    after: z.string(),
    author: z.string(),
    selfApproved: z.boolean(),
  }),
  'plan.retired': z.object({
    planId: SlugSchema,
    version: z.number().int(),
    contentHash: z.string(),
    note: z.string(),
  }),
  'plan.templateDismissed': z.object({ planId: SlugSchema, templateHash: z.string() }),
  /** A plan version handed out as a file. */
  'plan.exported': z.object({ planId: SlugSchema, version: z.number().int() }),
  /**
   * A drill exercise planned, changed, cancelled, started, declared on a live run, paused, resumed, or an inject
   * fired by hand: which exercise (and run, inject, reason where there is one).
   */
  'exercise.changed': z.object({
    exerciseId: SlugSchema,
    title: z.string(),
    planId: SlugSchema,
    action: z.enum(EXERCISE_ACTIONS),
    runId: z.string().optional(),
    injectId: SlugSchema.optional(),
    reason: z.string().optional(),
  }),
  /**
   * An inspection planned, cancelled, begun or signed and sealed (with its score and verdict); an unannounced one
   * planned ahead is named by id only, so reading the trail does not give it away.
   */
  'inspection.changed': z.object({
    inspectionId: SlugSchema,
    checklistId: SlugSchema.optional(),
    action: z.enum(['planned', 'cancelled', 'started', 'signedOff']),
    announced: z.boolean().optional(),
    percent: z.number().nullable().optional(),
    passed: z.boolean().optional(),
    reason: z.string().optional(),
  }),
  /**
   * A checklist template's lifecycle, as plan.* records a plan's: a draft started (from a revision, a rollback, an
   * import or a template update) or discarded, submitted, sent back, published (with the hashes before and after),
   * retired, a template update dismissed, a version exported.
   */
  'checklist.changed': z.object({
    checklistId: SlugSchema,
    action: z.enum([
      'draftStarted',
      'draftDiscarded',
      'submitted',
      'sentBack',
      'published',
      'retired',
      'templateDismissed',
      'exported',
    ]),
    version: z.number().int().optional(),
    origin: z.string().optional(),
    before: z.string().nullable().optional(),
    contentHash: z.string().optional(),
    selfApproved: z.boolean().optional(),
    note: z.string().optional(),
  }),
  /** A rectification reported fixed (with how many evidence files), or its fix checked (accepted or sent back). */
  'rectification.changed': z.object({
    actionId: SlugSchema,
    action: z.enum(['fixed', 'accepted', 'rejected']),
    files: z.number().int().optional(),
    note: z.string().optional(),
  }),
  /** Head office's connection set or changed (never the password: only whether it was changed). */
  'sync.configured': z.object({
    host: z.string(),
    port: z.number().int(),
    database: z.string(),
    user: z.string(),
    sslMode: z.string(),
    /** The pinned head-office key's fingerprint (empty: none pinned). */
    keyFingerprint: z.string(),
    passwordChanged: z.boolean(),
  }),
  /** The head-office console's connection (a head-office viewer login) set or changed; never the password. */
  'hq.configured': z.object({
    host: z.string(),
    port: z.number().int(),
    database: z.string(),
    user: z.string(),
    sslMode: z.string(),
    passwordChanged: z.boolean(),
  }),
  /**
   * A plan version of this library published to branches from the head-office console (signed with this
   * installation's key), on the console's login `where` (user@host:port/database); `alreadyPublished`: the same
   * release was there already and nothing new was stored.
   */
  'hq.published': z.object({
    planId: SlugSchema,
    version: z.number().int(),
    contentHash: z.string(),
    scope: ReleaseScopeSchema,
    mandatory: z.boolean(),
    effectiveDate: z.string(),
    where: z.string(),
    alreadyPublished: z.boolean(),
  }),
  /** The user store was unreadable and an earlier copy was taken; the damaged file was kept aside. */
  'users.restored': z.object({ from: z.string(), damagedCopy: z.string(), reason: z.string() }),
  /**
   * The app was started on a data folder other than the default (`--data-dir`, GUARDBOOK_DATA_DIR): another
   * folder has its own key and its own records, so who pointed the app elsewhere must be on record.
   */
  'app.dataDir': z.object({ dir: z.string(), source: z.enum(['argument', 'environment']) }),
  /** A torn last line was moved aside when the trail was reopened. */
  'audit.recovered': z.object({ sidecar: z.string(), bytes: z.number().int(), reason: z.string() }),
} as const;

export type AuditEventType = keyof typeof auditEventData;
export type AuditEventData<T extends AuditEventType> = z.infer<(typeof auditEventData)[T]>;
export const AUDIT_EVENT_TYPES = Object.keys(auditEventData) as AuditEventType[];

export const AUDIT_FORMAT: ChainFormat = { firstType: 'audit.started', dataSchemas: auditEventData };

/** One entry as the API shows it (the stored line, with its hashes). */
export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.enum(AUDIT_EVENT_TYPES as [AuditEventType, ...AuditEventType[]]),
  by: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  prev: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
