// The branch's own plan library in `<data>/library/`: published versions (immutable files, byte for byte), the
// log that says which version of each plan is published (library.jsonl, hash-chained) and one draft per plan.
// Bundled plans are templates: each is published here as version 1 at first start, and a newer template after an
// app update is offered as an update, never taken silently. What Home offers is this library's published versions.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDetail, PlanSummary } from '../../shared/api/channels';
import { ApiError, notFound } from '../../shared/api/errors';
import type { JournalEvent } from '../../shared/journal/format';
import { API_MESSAGES } from '../../shared/messages/api';
import { LIBRARY_MESSAGES as m } from '../../shared/messages/library';
import { followOnFindings } from '../../shared/plan/analysis';
import { checkPlanDocument } from '../../shared/plan/checkPlan';
import { checkPlanText, type PlacedFinding } from '../../shared/plan/checkPlanText';
import { DRAFT_FORMAT, DraftSchema, type Draft, type DraftOrigin } from '../../shared/library/draft';
import { countBySeverity, finding, type Finding } from '../../shared/plan/findings';
import {
  LIBRARY_LOG_FORMAT,
  libraryStateOf,
  nextVersionNumber,
  offeredVersion,
  versionFilePath,
  type ActionRef,
  type LibraryState,
  type PersonRef,
  type PlanHistory,
  type Publication,
  type VersionSource,
} from '../../shared/library/libraryLog';
import type { Plan } from '../../shared/plan/schema';
import type { Text } from '../../shared/text';
import { unfilledContacts, type PhoneDirectory } from '../../shared/contacts/directory';
import { writeFileAtomic } from '../files/atomicFile';
import { ChainLog, type ChainLogSpec } from '../journal/chainLog';
import { contentHashOf } from './contentHash';
import { PlanLibrary, planSummary } from './planLibrary';
import type { PlanSource } from './planSource';

export const LIBRARY_DIR = 'library';
export const LIBRARY_LOG_FILE = 'library.jsonl';

export interface BranchLibraryOptions {
  /** The data folder; the library lives in `<dataDir>/library`. */
  dataDir: string;
  /** The bundled plans, as templates. */
  templatesDir: string;
  installation: string;
  now?: () => Date;
  /** A data folder that cannot be written: the library is seeded and kept in memory. */
  readOnly?: boolean;
  onChange?: () => void;
  /**
   * The branch's contact directory: a draft naming a contact with no number here or in the plan cannot be
   * submitted (a published one shows it as a warning). Absent (tools, tests of other things): not checked.
   */
  directory?: () => PhoneDirectory;
}

/** A draft as the API shows it: the stored draft plus what a check of its plan finds now. */
export interface DraftView {
  draft: Draft;
  findings: Finding[];
  /** The hash its plan would publish with (absent while it does not match the schema). */
  contentHash?: string;
}

/** One published version as history lists it. */
export interface VersionEntry extends Publication {
  /** This version is the one offered now. */
  offered: boolean;
}

/** A version file read and checked against what the log says of it. */
interface VersionRead {
  plan?: Plan;
  findings: Finding[];
  file: string;
}

/** What an import decided: a new draft, or why the file was refused (nothing changed then). */
export type ImportResult = { accepted: true; draft: DraftView } | { accepted: false; findings: PlacedFinding[] };

export class BranchLibrary implements PlanSource {
  private state: LibraryState;
  private readonly versions = new Map<string, VersionRead>();
  private details = new Map<string, PlanDetail>();
  /** Templates that could not be written into the library at start: offered from the bundled file meanwhile. */
  private readonly unseeded = new Map<string, PlanDetail>();

  private constructor(
    private readonly dir: string,
    private readonly log: ChainLog,
    private readonly templates: PlanLibrary,
    private readonly drafts: Map<string, Draft>,
    private readonly options: BranchLibraryOptions,
    /** Damage found at start (the log kept aside, a draft file unreadable), for managers to see. */
    readonly problems: Text[],
  ) {
    this.state = libraryStateOf(log.entries);
  }

  static async open(options: BranchLibraryOptions): Promise<BranchLibrary> {
    const now = options.now ?? (() => new Date());
    const dir = join(options.dataDir, LIBRARY_DIR);
    const templates = await PlanLibrary.loadBundled(options.templatesDir);
    const problems: Text[] = [];
    const spec = librarySpec(options.installation);
    let log: ChainLog;
    if (options.readOnly) log = ChainLog.openInMemory(dir, spec, now);
    else {
      const opened = ChainLog.open(dir, spec, now);
      log = opened.log;
      if (opened.report.damaged) {
        // The publications that still verify are carried over: the branch keeps its own versions rather than
        // falling back to the templates. What followed the damage is lost to the log, hence the notice.
        const { file, line, reason } = opened.report.damaged;
        const carried = (opened.report.intactBeforeDamage ?? []).filter((e) => e.type !== 'library.started');
        for (const entry of carried) log.append(entry.type, entry.by, carriedData(entry, file));
        problems.push(m.libraryDamaged(line, reason, file, carried.filter((e) => e.type === 'plan.published').length));
      }
    }
    if (!options.readOnly) removeTempFiles(dir); // the log's lock is ours: no other writer has a write under way
    const drafts = options.readOnly ? new Map<string, Draft>() : readDrafts(join(dir, 'drafts'), now, problems);
    const library = new BranchLibrary(dir, log, templates, drafts, { ...options, now }, problems);
    library.seedTemplates();
    library.clearPublishedDrafts();
    library.rebuild();
    return library;
  }

  // ---- reading ----

  list(): PlanSummary[] {
    return [...this.details.values()].map((d) => d.summary);
  }

  /** The plan as offered now (or, for a retired or never-published plan, as it last was: managers still read it). */
  get(id: string): PlanDetail {
    const detail = this.details.get(id);
    if (!detail) throw notFound(API_MESSAGES.planNotFound(id));
    return detail;
  }

  /** Every published version of a plan, oldest first, with who wrote and approved it and why. */
  history(planId: string): { planId: string; versions: VersionEntry[]; retired?: PlanHistory['retired'] } {
    const history = this.state.plans.get(planId);
    if (!history && !this.drafts.has(planId)) throw notFound(API_MESSAGES.planNotFound(planId));
    const offered = history ? offeredVersion(history) : undefined;
    return {
      planId,
      versions: (history?.versions ?? []).map((v) => ({ ...v, offered: v === offered })),
      ...(history?.retired ? { retired: history.retired } : {}),
    };
  }

  /** One published version, checked against its hash: what a record of a run that followed it shows. */
  version(
    planId: string,
    version: number,
  ): { publication: Publication; plan?: Plan; findings: Finding[]; file: string } {
    const publication = this.state.plans.get(planId)?.versions.find((v) => v.version === version);
    if (!publication) throw notFound(m.versionNotFound(planId, version));
    return { publication, ...this.readVersion(publication) };
  }

  /** A version as a plan file to hand over (the stored bytes, which are what the hash was taken of). */
  exportVersion(planId: string, version?: number): { fileName: string; content: string; version: number } {
    const history = this.state.plans.get(planId);
    const publication =
      version === undefined
        ? history && (offeredVersion(history) ?? history.versions.at(-1))
        : history?.versions.find((v) => v.version === version);
    if (!publication) throw notFound(version ? m.versionNotFound(planId, version) : API_MESSAGES.planNotFound(planId));
    const read = this.readVersion(publication);
    if (!read.plan) throw new ApiError({ code: 'storage', message: m.versionDamaged(planId, publication.version) });
    return {
      fileName: `${planId}-v${publication.version}.json`,
      content: versionText(read.plan),
      version: publication.version,
    };
  }

  hasDraft(planId: string): boolean {
    return this.drafts.has(planId);
  }

  draft(planId: string): DraftView {
    const draft = this.drafts.get(planId);
    if (!draft) throw notFound(m.noDraft(planId));
    return this.viewOf(draft);
  }

  // ---- drafts ----

  /** Opens a draft of the plan from its latest version (the existing draft, if one is open). */
  revise(planId: string, by: PersonRef, forAction?: ActionRef): DraftView {
    const existing = this.drafts.get(planId);
    if (existing) {
      // A revision already open takes the action on too: one draft of a plan at a time.
      if (!forAction || existing.forActions?.some((a) => a.actionId === forAction.actionId))
        return this.viewOf(existing);
      if (existing.status === 'in-review')
        throw new ApiError({ code: 'invalid-input', message: m.draftInReview(planId) });
      return this.writeDraft({ ...existing, forActions: [...(existing.forActions ?? []), forAction] });
    }
    const history = this.state.plans.get(planId);
    const base = history?.versions.at(-1);
    if (!history || !base) throw notFound(API_MESSAGES.planNotFound(planId));
    const plan = this.readVersion(base).plan;
    if (!plan) throw new ApiError({ code: 'storage', message: m.versionDamaged(planId, base.version) });
    return this.startDraft(planId, 'revision', plan, by, forAction ? { forActions: [forAction] } : {});
  }

  /** A draft whose content is an earlier version's: publishing it is the rollback (history is never rewritten). */
  rollback(planId: string, toVersion: number, by: PersonRef): DraftView {
    this.refuseOpenDraft(planId);
    const { plan } = this.version(planId, toVersion);
    if (!plan) throw new ApiError({ code: 'storage', message: m.versionDamaged(planId, toVersion) });
    return this.startDraft(planId, 'rollback', plan, by, { rollbackOf: toVersion });
  }

  /** A draft from the newer bundled template offered for this plan. */
  takeTemplateUpdate(planId: string, by: PersonRef): DraftView {
    this.refuseOpenDraft(planId);
    const update = this.templateUpdateOf(planId);
    if (!update) throw new ApiError({ code: 'invalid-input', message: m.noTemplateUpdate(planId) });
    return this.startDraft(planId, 'template-update', update.plan, by, { templateHash: update.contentHash });
  }

  /** The manager does not take this template update; a still newer template will be offered again. */
  dismissTemplateUpdate(planId: string, by: PersonRef): string {
    const update = this.templateUpdateOf(planId);
    if (!update) throw new ApiError({ code: 'invalid-input', message: m.noTemplateUpdate(planId) });
    this.log.append('template.dismissed', by.userId, { planId, templateHash: update.contentHash, by });
    this.changed();
    return update.contentHash;
  }

  /** Autosave: the plan as edited, checked on every read, never refused for its findings. */
  saveDraft(planId: string, plan: Record<string, unknown>, revision: number, by: PersonRef): DraftView {
    const draft = this.requireDraft(planId);
    if (draft.status === 'in-review') throw new ApiError({ code: 'invalid-input', message: m.draftInReview(planId) });
    if (revision !== draft.revision) {
      throw new ApiError({ code: 'invalid-input', message: m.staleRevision(planId, revision, draft.revision) });
    }
    // The id and version are the library's to set: a draft always becomes the next version of this plan.
    const next = nextVersionNumber(this.state.plans.get(planId));
    // An autosave comes every few hundred milliseconds while someone types: other windows are told (plans.changed,
    // which makes each load the list again) only when the draft changes hands, not at every keystroke's save.
    const notify = draft.updatedBy.userId !== by.userId;
    return this.writeDraft(
      {
        ...draft,
        plan: { ...plan, id: planId, version: next },
        revision: draft.revision + 1,
        updatedAt: this.now(),
        updatedBy: by,
      },
      notify,
    );
  }

  discardDraft(planId: string): Draft {
    const draft = this.requireDraft(planId);
    if (!this.options.readOnly) rmSync(this.draftFile(planId), { force: true });
    this.drafts.delete(planId);
    this.changed();
    return draft;
  }

  /** Submits a draft without errors for review, with the reason for the change. */
  submit(planId: string, note: string, by: PersonRef): DraftView {
    const draft = this.requireDraft(planId);
    if (draft.status === 'in-review') throw new ApiError({ code: 'invalid-input', message: m.draftInReview(planId) });
    const { contentHash } = this.publishable(draft);
    return this.writeDraft({
      ...draft,
      status: 'in-review',
      submitted: { at: this.now(), by, note, contentHash },
      updatedAt: this.now(),
      updatedBy: by,
    });
  }

  /** The reviewer sends the draft back for more work, saying why. */
  sendBack(planId: string, comment: string, by: PersonRef): DraftView {
    const draft = this.requireDraft(planId);
    if (draft.status !== 'in-review') {
      throw new ApiError({ code: 'invalid-input', message: m.draftNotInReview(planId) });
    }
    const { submitted: _submitted, ...rest } = draft;
    return this.writeDraft({ ...rest, status: 'draft', sentBack: { at: this.now(), by, comment } });
  }

  /**
   * Publishes a draft in review as the plan's next version. `contentHash` is what the reviewer saw; the caller
   * has checked the approver's PIN and decided whether self-approval is allowed here.
   */
  approve(
    planId: string,
    approver: PersonRef,
    contentHash: string,
    selfApprovalAllowed: boolean,
  ): { publication: Publication; before: Publication | undefined } {
    const draft = this.requireDraft(planId);
    if (draft.status !== 'in-review' || !draft.submitted) {
      throw new ApiError({ code: 'invalid-input', message: m.draftNotInReview(planId) });
    }
    const { plan } = this.publishable(draft);
    if (draft.submitted.contentHash !== contentHash || contentHashOf(plan) !== contentHash) {
      throw new ApiError({ code: 'invalid-input', message: m.reviewedOtherContent(planId) });
    }
    const selfApproved = draft.submitted.by.userId === approver.userId;
    if (selfApproved && !selfApprovalAllowed)
      throw new ApiError({ code: 'forbidden', message: m.selfApprovalRefused() });
    const history = this.state.plans.get(planId);
    const before = history ? offeredVersion(history) : undefined;
    const publication = this.publish(plan, {
      source: draft.origin,
      derivedFrom: draft.base,
      ...(draft.templateHash ? { templateHash: draft.templateHash } : {}),
      author: draft.submitted.by,
      approver,
      selfApproved,
      note: draft.submitted.note,
      ...(draft.forActions?.length ? { forActions: draft.forActions } : {}),
    });
    // Logged first: a crash before the draft is removed leaves a draft that clearPublishedDrafts removes at start.
    if (!this.options.readOnly) rmSync(this.draftFile(planId), { force: true });
    this.drafts.delete(planId);
    this.changed();
    return { publication, before };
  }

  /** Takes the plan off Home; its versions stay readable, and publishing a new version brings it back. */
  retire(planId: string, note: string, by: PersonRef): Publication {
    const history = this.state.plans.get(planId);
    const offered = history && offeredVersion(history);
    if (!offered) throw new ApiError({ code: 'invalid-input', message: m.nothingToRetire(planId) });
    this.log.append('plan.retired', by.userId, { planId, version: offered.version, by, note });
    this.changed();
    return offered;
  }

  /**
   * A plan file from elsewhere (another branch, head office): checked on the way in, and either refused with its
   * findings (nothing changes) or kept as a draft of that plan. It never replaces a published version.
   */
  importFile(fileName: string, text: string, by: PersonRef): ImportResult {
    const check = checkPlanText(text);
    const refused = (findings: PlacedFinding[]): ImportResult => ({ accepted: false, findings });
    if (!check.plan || countBySeverity(check.findings).errors > 0) return refused(check.findings);
    const plan = check.plan;
    const history = this.state.plans.get(plan.id);
    const hash = contentHashOf(plan);
    const sameNumber = history?.versions.find((v) => v.version === plan.version);
    if (sameNumber && sameNumber.contentHash !== hash) {
      return refused([conflictFinding(plan.id, plan.version, sameNumber.contentHash, hash)]);
    }
    // Nothing to review, or a draft in the way: refused outright (these are not faults of the file).
    const offered = history && offeredVersion(history);
    if (offered && offered.contentHash === hash) {
      throw new ApiError({ code: 'invalid-input', message: m.importIdentical(plan.id, offered.version) });
    }
    this.refuseOpenDraft(plan.id);
    return {
      accepted: true,
      draft: this.startDraft(plan.id, history ? 'import' : 'new', plan, by, { importedFrom: fileName }),
    };
  }

  /** Something the findings depend on changed outside the library (the contact directory): summaries again. */
  refresh(): void {
    this.changed();
  }

  close(): void {
    this.log.close();
  }

  // ---- internals ----

  private now(): string {
    return this.options.now!().toISOString();
  }

  private changed(notify = true): void {
    this.state = libraryStateOf(this.log.entries);
    this.rebuild();
    if (notify) this.options.onChange?.();
  }

  private draftFile(planId: string): string {
    return join(this.dir, 'drafts', `${planId}.json`);
  }

  private requireDraft(planId: string): Draft {
    const draft = this.drafts.get(planId);
    if (!draft) throw notFound(m.noDraft(planId));
    return draft;
  }

  private refuseOpenDraft(planId: string): void {
    const existing = this.drafts.get(planId);
    if (existing) {
      throw new ApiError({ code: 'invalid-input', message: m.draftExists(planId, existing.updatedBy.name) });
    }
  }

  private startDraft(
    planId: string,
    origin: DraftOrigin,
    plan: Plan,
    by: PersonRef,
    extra: Pick<Draft, 'templateHash' | 'rollbackOf' | 'importedFrom' | 'forActions'>,
  ): DraftView {
    const history = this.state.plans.get(planId);
    const base = history?.versions.at(-1);
    const at = this.now();
    const { $schema: _hint, ...body } = plan;
    return this.writeDraft({
      format: DRAFT_FORMAT,
      planId,
      origin,
      base: base ? { version: base.version, contentHash: base.contentHash } : null,
      ...extra,
      plan: { ...body, id: planId, version: nextVersionNumber(history) },
      revision: 0,
      status: 'draft',
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    });
  }

  private writeDraft(draft: Draft, notify = true): DraftView {
    if (!this.options.readOnly) {
      mkdirSync(join(this.dir, 'drafts'), { recursive: true, mode: 0o700 });
      writeFileAtomic(this.draftFile(draft.planId), `${JSON.stringify(draft, null, 2)}\n`);
    }
    this.drafts.set(draft.planId, draft);
    this.changed(notify);
    return this.viewOf(draft);
  }

  private viewOf(draft: Draft): DraftView {
    const { plan, findings } = this.checkDraft(draft);
    return { draft, findings, ...(plan ? { contentHash: contentHashOf(plan) } : {}) };
  }

  private checkDraft(draft: Draft): { plan?: Plan; findings: Finding[] } {
    const check = checkPlanDocument(draft.plan);
    if (!check.plan) return check;
    return { plan: check.plan, findings: [...check.findings, ...this.libraryFindings(check.plan)] };
  }

  /** The draft's plan, when it may be submitted or published: it matches the schema and has no errors. */
  private publishable(draft: Draft): { plan: Plan; contentHash: string } {
    const { plan, findings } = this.checkDraft(draft);
    if (!plan) throw new ApiError({ code: 'invalid-input', message: m.draftNotAPlan(draft.planId) });
    const { errors } = countBySeverity(findings);
    if (errors > 0) throw new ApiError({ code: 'invalid-input', message: m.draftHasErrors(draft.planId, errors) });
    return { plan, contentHash: contentHashOf(plan) };
  }

  /**
   * What only the library can say of a plan: follow-ons to plans it does not hold, and contacts the branch has not
   * filled in — an error in a draft (it cannot be submitted), a warning on a version already published (it stays on
   * Home; the manager sees it).
   */
  private libraryFindings(plan: Plan, published = false): Finding[] {
    const known = new Set([...this.state.plans.keys(), ...this.drafts.keys()]);
    const followOns = followOnFindings(plan, known).filter((f) => f.code === 'unknown-follow-on');
    const directory = this.options.directory?.();
    if (!directory) return followOns;
    const unfilled = unfilledContacts(plan, directory).map((contact) => {
      const index = plan.contacts.findIndex((c) => c.id === contact);
      return finding(
        'unfilled-contact',
        index >= 0 ? `contacts[${index}]` : 'contacts',
        { contact },
        published ? { severity: 'warning' } : {},
      );
    });
    return [...followOns, ...unfilled];
  }

  /**
   * Writes the version file (temp + fsync + exclusive link + folder fsync), then logs it: until the log line is
   * fsynced the old version stays offered, so a crash at any moment leaves one whole version offered.
   */
  private publish(
    plan: Plan,
    meta: {
      source: VersionSource;
      derivedFrom: Publication['derivedFrom'];
      templateHash?: string;
      author: PersonRef | null;
      approver: PersonRef | null;
      selfApproved: boolean;
      note: string;
      forActions?: ActionRef[];
    },
  ): Publication {
    const version = nextVersionNumber(this.state.plans.get(plan.id));
    const { $schema: _hint, ...rest } = plan;
    const body = { ...rest, version } as Plan;
    const file = versionFilePath(plan.id, version);
    const text = versionText(body);
    if (!this.options.readOnly) {
      const path = join(this.dir, file);
      mkdirSync(join(this.dir, 'versions', plan.id), { recursive: true, mode: 0o700 });
      // A file by this name that the log does not know was written by a publish that crashed before its log line:
      // it was never offered. Kept aside rather than overwritten, so no bytes are ever replaced in place.
      if (existsSync(path)) renameSync(path, `${path}.unlogged-${Date.now()}`);
      writeFileAtomic(path, text, { exclusive: true });
    }
    const contentHash = contentHashOf(body);
    const data = { planId: plan.id, version, contentHash, file, ...meta };
    const entry = this.log.append('plan.published', meta.approver?.userId ?? 'system', data);
    this.versions.set(`${plan.id}@${version}`, { plan: body, findings: [], file });
    this.state = libraryStateOf(this.log.entries);
    return { ...data, at: entry.at };
  }

  /**
   * First start (and new templates after an app update): each bundled plan becomes its own version 1 here. Where
   * that cannot be written (a full disk), the template is offered as it is and the problem shown: an emergency
   * plan is never missing from Home because the library could not be written.
   */
  private seedTemplates(): void {
    for (const template of this.templates.list()) {
      if (this.state.plans.has(template.id) || this.drafts.has(template.id)) continue;
      const detail = this.templates.get(template.id);
      // A template that does not check cleanly is not put in front of guards (plans check catches it in CI).
      if (!detail.plan || template.errors > 0 || detail.plan.id !== template.id) continue;
      try {
        this.publish(
          { ...detail.plan, version: 1 },
          {
            source: 'template',
            derivedFrom: null,
            templateHash: template.contentHash,
            author: null,
            approver: null,
            selfApproved: false,
            note: '',
          },
        );
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        this.unseeded.set(template.id, detail);
        this.problems.push(m.templateNotSeeded(template.id, code));
      }
    }
  }

  /** A draft whose submitted content was published (a crash between the log line and removing it) is done. */
  private clearPublishedDrafts(): void {
    for (const [planId, draft] of this.drafts) {
      const published = this.state.plans
        .get(planId)
        ?.versions.some(
          (v) => draft.submitted && v.contentHash === draft.submitted.contentHash && v.at >= draft.submitted.at,
        );
      if (!published) continue;
      if (!this.options.readOnly) rmSync(this.draftFile(planId), { force: true });
      this.drafts.delete(planId);
    }
  }

  private templateUpdateOf(planId: string): { plan: Plan; contentHash: string; version: number } | undefined {
    const history = this.state.plans.get(planId);
    if (!history?.templateHash) return undefined;
    let detail: PlanDetail;
    try {
      detail = this.templates.get(planId);
    } catch {
      return undefined; // the template is no longer shipped
    }
    const hash = detail.summary.contentHash;
    if (!detail.plan || detail.summary.errors > 0) return undefined;
    if (hash === history.templateHash || history.dismissedTemplates.has(hash)) return undefined;
    return { plan: detail.plan, contentHash: hash, version: detail.plan.version };
  }

  /** Reads and checks a version file once (versions never change; a damaged one is reported, never offered). */
  private readVersion(publication: Publication): VersionRead {
    const key = `${publication.planId}@${publication.version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const path = join(this.dir, publication.file);
    const damaged = (reason: Text): VersionRead => ({
      findings: [
        finding('version-damaged', '', {
          version: publication.version,
          file: path,
          zh: reason['zh-CN'],
          en: reason.en,
        }),
      ],
      file: path,
    });
    let read: VersionRead;
    try {
      const check = checkPlanText(readFileSync(path, 'utf8'));
      if (!check.plan) read = { findings: check.findings, file: path };
      else if (check.plan.id !== publication.planId || check.plan.version !== publication.version) {
        read = damaged(m.versionFileNamesOther(check.plan.id, check.plan.version));
      } else if (contentHashOf(check.plan) !== publication.contentHash) {
        read = damaged(m.versionHashMismatch(publication.contentHash.slice(0, 19)));
      } else read = { plan: check.plan, findings: check.findings, file: path };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      read = damaged(code === 'ENOENT' ? m.versionFileMissing() : m.versionFileUnreadable(code));
    }
    this.versions.set(key, read);
    return read;
  }

  /** The summaries and details every list and start reads: one per plan the library or a draft knows. */
  private rebuild(): void {
    const details = new Map<string, PlanDetail>();
    const conflicts = new Map<string, Finding[]>();
    for (const c of this.state.conflicts) {
      const list = conflicts.get(c.planId) ?? [];
      list.push(conflictFinding(c.planId, c.version, c.hashes[0], c.hashes[1]));
      conflicts.set(c.planId, list);
    }
    for (const history of this.state.plans.values()) {
      const latest = history.versions.at(-1);
      if (!latest) continue;
      const offered = offeredVersion(history);
      const shown = offered ?? latest;
      const read = this.readVersion(shown);
      const findings = [
        ...read.findings,
        ...(read.plan ? this.libraryFindings(read.plan, true) : []),
        ...(conflicts.get(history.planId) ?? []),
      ];
      const summary: PlanSummary = {
        ...planSummary(read.plan, history.planId, findings),
        version: shown.version,
        contentHash: shown.contentHash,
        source: shown.source,
        status: offered ? 'published' : 'retired',
        publishedAt: shown.at,
        ...this.draftAndUpdate(history.planId),
      };
      details.set(history.planId, { summary, file: read.file, findings, ...(read.plan ? { plan: read.plan } : {}) });
    }
    for (const [planId, template] of this.unseeded) if (!details.has(planId)) details.set(planId, template);
    // A plan that exists only as a draft (imported, or new): listed for managers, never on Home.
    for (const draft of this.drafts.values()) {
      if (details.has(draft.planId)) continue;
      const { plan, findings } = this.checkDraft(draft);
      const summary: PlanSummary = {
        ...planSummary(plan, draft.planId, findings),
        version: 0,
        contentHash: '',
        source: draft.origin,
        status: 'unpublished',
        ...this.draftAndUpdate(draft.planId),
      };
      details.set(draft.planId, { summary, file: this.draftFile(draft.planId), findings, ...(plan ? { plan } : {}) });
    }
    this.details = details;
  }

  private draftAndUpdate(planId: string): Pick<PlanSummary, 'draft' | 'templateUpdate'> {
    const draft = this.drafts.get(planId);
    const update = this.templateUpdateOf(planId);
    return {
      ...(draft
        ? {
            draft: {
              status: draft.status,
              revision: draft.revision,
              origin: draft.origin,
              updatedAt: draft.updatedAt,
              updatedBy: draft.updatedBy.name,
            },
          }
        : {}),
      ...(update ? { templateUpdate: { version: update.version, contentHash: update.contentHash } } : {}),
    };
  }
}

/** A version file's bytes: the plan as indented JSON, which is also what export hands out. */
export function versionText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

function conflictFinding(planId: string, version: number, first: string, second: string): Finding {
  return finding('version-conflict', 'version', {
    plan: planId,
    version,
    first: first.slice(0, 19),
    second: second.slice(0, 19),
  });
}

function librarySpec(installation: string): ChainLogSpec {
  return {
    format: LIBRARY_LOG_FORMAT,
    fileName: LIBRARY_LOG_FILE,
    recoveredType: 'library.recovered',
    startData: (afterDamaged) => ({ installation, ...(afterDamaged ? { afterDamaged } : {}) }),
  };
}

/** An entry taken over from a damaged log, marked with the file it came from. */
function carriedData(entry: JournalEvent, file: string): unknown {
  return entry.type === 'plan.published' ? { ...(entry.data as object), carried: file } : entry.data;
}

/** Temp files of whole-file writes a crash interrupted (`writeFileAtomic`): never read, so removed at start. */
function removeTempFiles(dir: string): void {
  const versions = join(dir, 'versions');
  const folders = [
    join(dir, 'drafts'),
    ...(existsSync(versions) ? readdirSync(versions).map((id) => join(versions, id)) : []),
  ];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
  }
}

/** Reads every draft; an unreadable one is moved aside (its bytes kept) and reported, never silently dropped. */
function readDrafts(dir: string, now: () => Date, problems: Text[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  if (!existsSync(dir)) return drafts;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const path = join(dir, name);
    try {
      const draft = DraftSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      if (`${draft.planId}.json` !== name) throw new Error(`names plan ${draft.planId}`);
      drafts.set(draft.planId, draft);
    } catch (error) {
      const aside = `${path}.damaged-${now().getTime()}`;
      renameSync(path, aside);
      problems.push(m.draftUnreadable(name, (error as Error).message.split('\n')[0] ?? '', aside));
    }
  }
  return drafts;
}
