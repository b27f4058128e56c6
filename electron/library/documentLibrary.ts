// A branch's own library of one kind of versioned document — emergency plans in `<data>/library/`, checklist
// templates in `<data>/checklists/` — with one lifecycle for both: published versions (immutable files, byte for
// byte), the log that says which version of each document is published (hash-chained, the library log format),
// one draft per document, review with a reason, approval by a second manager with their PIN, rollback, retirement,
// import. Bundled files are templates: each is published here as version 1 at first start, and a newer template
// after an app update is offered as an update, never taken silently. What a kind adds (how it is checked and
// hashed, what only the library can say of it, how it is summarised) comes in through `DocumentKind`.
//
// The log and draft formats name the document `planId`/`plan`: they were the plan library's first and a branch's
// files are kept as they are; in a checklist library those fields hold a checklist's id and content.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, notFound } from '../../shared/api/errors';
import type { TextPosition } from '../../shared/json/locatedJson';
import type { JournalEvent } from '../../shared/journal/format';
import { DRAFT_FORMAT, DraftSchema, type Draft, type DraftOrigin } from '../../shared/library/draft';
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
import type { LibraryWording } from '../../shared/messages/library';
import { countBySeverity, type Severity } from '../../shared/plan/findings';
import type { Text } from '../../shared/text';
import { writeFileAtomic } from '../files/atomicFile';
import { ChainLog, type ChainLogSpec } from '../journal/chainLog';

export const LIBRARY_LOG_FILE = 'library.jsonl';

/** What every kept document has: an id (a slug) and a version number the library sets. */
export interface LibraryDocument {
  id: string;
  version: number;
  $schema?: string | undefined;
}

/** What every kind's findings have (plans and checklists each have their own catalogue of codes). */
export interface LibraryFinding {
  severity: Severity;
  code: string;
  path: string;
  message: Text;
}

/** A bundled file, checked: the template a document is seeded from or updated to. */
export interface LibraryTemplate<D, F> {
  id: string;
  doc?: D;
  findings: F[];
  contentHash: string;
  file: string;
}

/** The open draft of a document as lists show it. */
export interface DraftState {
  status: Draft['status'];
  revision: number;
  origin: DraftOrigin;
  updatedAt: string;
  updatedBy: string;
}

/** One document as the library holds it now: what lists, starts and detail views are built from. */
export interface LibraryEntry<D, F> {
  id: string;
  /** The version shown (absent when its file does not check; the findings say why). */
  doc?: D;
  findings: F[];
  file: string;
  /** The version shown: the one offered, else (retired) the last one; 0 for a document that is only a draft. */
  version: number;
  contentHash: string;
  source: VersionSource;
  status: 'published' | 'retired' | 'unpublished';
  publishedAt?: string;
  draft?: DraftState;
  templateUpdate?: { version: number; contentHash: string };
}

/** What a kind of document brings to the library. */
export interface DocumentKind<D extends LibraryDocument, F extends LibraryFinding, Detail> {
  /** The library's folder inside the data folder. */
  folder: string;
  /** The kind's wording of the library's messages (预案 / 检查表). */
  messages: LibraryWording;
  /** Checks a parsed document (a draft's content): the schema and the analysis. */
  check(value: unknown): { doc?: D; findings: F[] };
  /** Checks a file's text (a version file, an import), findings placed by line. */
  checkText(text: string): { doc?: D; findings: Placed<F>[] };
  hash(doc: D): string;
  /** The bundled templates, each under a unique id. */
  loadTemplates(dir: string): Promise<LibraryTemplate<D, F>[]>;
  /** A version file that cannot be used (missing, unreadable, naming another version, not its hash). */
  damagedFinding(version: number, file: string, reason: Text): F;
  /** One id and version published with two contents. */
  conflictFinding(id: string, version: number, first: string, second: string): F;
  /**
   * What only the library can say of a document (others it names that the library does not hold, details the
   * branch has not filled in): errors in a draft, warnings on a version already published.
   */
  libraryFindings(doc: D, known: ReadonlySet<string>, published: boolean): F[];
  /** The entry as the API shows it. */
  detail(entry: LibraryEntry<D, F>): Detail;
}

export interface DocumentLibraryOptions {
  dataDir: string;
  /** The bundled documents, as templates. */
  templatesDir: string;
  installation: string;
  now?: () => Date;
  /** A data folder that cannot be written: the library is seeded and kept in memory. */
  readOnly?: boolean;
  onChange?: () => void;
}

/** A draft as the API shows it: the stored draft plus what a check of its content finds now. */
export interface DraftView<F> {
  draft: Draft;
  findings: F[];
  /** The hash its content would publish with (absent while it does not match the schema). */
  contentHash?: string;
}

/** One published version as history lists it. */
export interface VersionEntry extends Publication {
  /** This version is the one offered now. */
  offered: boolean;
}

/** A version file read and checked against what the log says of it. */
interface VersionRead<D, F> {
  doc?: D;
  findings: F[];
  file: string;
}

/** A finding of a file's text, with its line and column where it has one. */
export type Placed<F> = F & Partial<TextPosition>;

/** What an import decided: a new draft, or why the file was refused (nothing changed then). */
export type ImportResult<F> = { accepted: true; draft: DraftView<F> } | { accepted: false; findings: Placed<F>[] };

export class DocumentLibrary<D extends LibraryDocument, F extends LibraryFinding, Detail> {
  private state: LibraryState;
  private readonly versions = new Map<string, VersionRead<D, F>>();
  private details = new Map<string, Detail>();
  /** Templates that could not be written into the library at start: offered from the bundled file meanwhile. */
  private readonly unseeded = new Map<string, LibraryTemplate<D, F>>();
  private readonly m: LibraryWording;

  protected constructor(
    private readonly kind: DocumentKind<D, F, Detail>,
    private readonly dir: string,
    private readonly log: ChainLog,
    private readonly templates: Map<string, LibraryTemplate<D, F>>,
    private readonly drafts: Map<string, Draft>,
    private readonly options: DocumentLibraryOptions & { now: () => Date },
    /** Damage found at start (the log kept aside, a draft file unreadable), for managers to see. */
    readonly problems: Text[],
  ) {
    this.m = kind.messages;
    this.state = libraryStateOf(log.entries);
  }

  /** Seeding and tidying after construction: each kind's `open` constructs from `openParts`, then calls this. */
  protected start(): void {
    this.seedTemplates();
    this.clearPublishedDrafts();
    this.rebuild();
  }

  // ---- reading ----

  /** Every document the library or a draft knows, as the API shows it. */
  all(): Detail[] {
    return [...this.details.values()];
  }

  /** The document as offered now (or, for a retired or never-published one, as it last was: managers still read it). */
  detail(id: string): Detail {
    const detail = this.details.get(id);
    if (!detail) throw notFound(this.m.notFound(id));
    return detail;
  }

  /** Every published version of a document, oldest first, with who wrote and approved it and why. */
  history(planId: string): { planId: string; versions: VersionEntry[]; retired?: PlanHistory['retired'] } {
    const history = this.state.plans.get(planId);
    if (!history && !this.drafts.has(planId)) throw notFound(this.m.notFound(planId));
    const offered = history ? offeredVersion(history) : undefined;
    return {
      planId,
      versions: (history?.versions ?? []).map((v) => ({ ...v, offered: v === offered })),
      ...(history?.retired ? { retired: history.retired } : {}),
    };
  }

  /** One published version, checked against its hash: what a record that followed it shows. */
  versionOf(planId: string, version: number): { publication: Publication; doc?: D; findings: F[]; file: string } {
    const publication = this.state.plans.get(planId)?.versions.find((v) => v.version === version);
    if (!publication) throw notFound(this.m.versionNotFound(planId, version));
    return { publication, ...this.readVersion(publication) };
  }

  /** The version offered now, whole and checked against its hash, or why there is none to use. */
  offered(planId: string): { publication: Publication; doc: D } | undefined {
    const history = this.state.plans.get(planId);
    const publication = history && offeredVersion(history);
    if (!publication) return undefined;
    const doc = this.readVersion(publication).doc;
    return doc ? { publication, doc } : undefined;
  }

  /** A version as a file to hand over (the stored bytes, which are what the hash was taken of). */
  exportVersion(planId: string, version?: number): { fileName: string; content: string; version: number } {
    const history = this.state.plans.get(planId);
    const publication =
      version === undefined
        ? history && (offeredVersion(history) ?? history.versions.at(-1))
        : history?.versions.find((v) => v.version === version);
    if (!publication) throw notFound(version ? this.m.versionNotFound(planId, version) : this.m.notFound(planId));
    const read = this.readVersion(publication);
    if (!read.doc) throw new ApiError({ code: 'storage', message: this.m.versionDamaged(planId, publication.version) });
    return {
      fileName: `${planId}-v${publication.version}.json`,
      content: versionText(read.doc),
      version: publication.version,
    };
  }

  hasDraft(planId: string): boolean {
    return this.drafts.has(planId);
  }

  draft(planId: string): DraftView<F> {
    const draft = this.drafts.get(planId);
    if (!draft) throw notFound(this.m.noDraft(planId));
    return this.viewOf(draft);
  }

  // ---- drafts ----

  /** Opens a draft of the document from its latest version (the existing draft, if one is open). */
  revise(planId: string, by: PersonRef, forAction?: ActionRef): DraftView<F> {
    const existing = this.drafts.get(planId);
    if (existing) {
      // A revision already open takes the action on too: one draft of a document at a time.
      if (!forAction || existing.forActions?.some((a) => a.actionId === forAction.actionId))
        return this.viewOf(existing);
      if (existing.status === 'in-review')
        throw new ApiError({ code: 'invalid-input', message: this.m.draftInReview(planId) });
      return this.writeDraft({ ...existing, forActions: [...(existing.forActions ?? []), forAction] });
    }
    const history = this.state.plans.get(planId);
    const base = history?.versions.at(-1);
    if (!history || !base) throw notFound(this.m.notFound(planId));
    const doc = this.readVersion(base).doc;
    if (!doc) throw new ApiError({ code: 'storage', message: this.m.versionDamaged(planId, base.version) });
    return this.startDraft(planId, 'revision', doc, by, forAction ? { forActions: [forAction] } : {});
  }

  /** A draft whose content is an earlier version's: publishing it is the rollback (history is never rewritten). */
  rollback(planId: string, toVersion: number, by: PersonRef): DraftView<F> {
    this.refuseOpenDraft(planId);
    const { doc } = this.versionOf(planId, toVersion);
    if (!doc) throw new ApiError({ code: 'storage', message: this.m.versionDamaged(planId, toVersion) });
    return this.startDraft(planId, 'rollback', doc, by, { rollbackOf: toVersion });
  }

  /** A draft from the newer bundled template offered for this document. */
  takeTemplateUpdate(planId: string, by: PersonRef): DraftView<F> {
    this.refuseOpenDraft(planId);
    const update = this.templateUpdateOf(planId);
    if (!update) throw new ApiError({ code: 'invalid-input', message: this.m.noTemplateUpdate(planId) });
    return this.startDraft(planId, 'template-update', update.doc, by, { templateHash: update.contentHash });
  }

  /**
   * A draft from a version head office released (verified against the pinned key before it got here): the manager
   * fills in the branch's local details, submits and approves it as any draft; its publication records the release.
   */
  takeRelease(planId: string, release: { version: number; contentHash: string; doc: D }, by: PersonRef): DraftView<F> {
    this.refuseOpenDraft(planId);
    const { version, contentHash } = release;
    return this.startDraft(planId, 'head-office', release.doc, by, { release: { version, contentHash } });
  }

  /** The newest release a published version of this document adopted. */
  adoptedRelease(planId: string): number | undefined {
    return this.state.plans.get(planId)?.adoptedRelease;
  }

  /** The manager does not take this template update; a still newer template will be offered again. */
  dismissTemplateUpdate(planId: string, by: PersonRef): string {
    const update = this.templateUpdateOf(planId);
    if (!update) throw new ApiError({ code: 'invalid-input', message: this.m.noTemplateUpdate(planId) });
    this.log.append('template.dismissed', by.userId, { planId, templateHash: update.contentHash, by });
    this.changed();
    return update.contentHash;
  }

  /** Autosave: the content as edited, checked on every read, never refused for its findings. */
  saveDraft(planId: string, content: Record<string, unknown>, revision: number, by: PersonRef): DraftView<F> {
    const draft = this.requireDraft(planId);
    if (draft.status === 'in-review')
      throw new ApiError({ code: 'invalid-input', message: this.m.draftInReview(planId) });
    if (revision !== draft.revision) {
      throw new ApiError({ code: 'invalid-input', message: this.m.staleRevision(planId, revision, draft.revision) });
    }
    // The id and version are the library's to set: a draft always becomes the next version of this document.
    const next = nextVersionNumber(this.state.plans.get(planId));
    // An autosave comes every few hundred milliseconds while someone types: other windows are told (which makes
    // each load the list again) only when the draft changes hands, not at every keystroke's save.
    const notify = draft.updatedBy.userId !== by.userId;
    return this.writeDraft(
      {
        ...draft,
        plan: { ...content, id: planId, version: next },
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
  submit(planId: string, note: string, by: PersonRef): DraftView<F> {
    const draft = this.requireDraft(planId);
    if (draft.status === 'in-review')
      throw new ApiError({ code: 'invalid-input', message: this.m.draftInReview(planId) });
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
  sendBack(planId: string, comment: string, by: PersonRef): DraftView<F> {
    const draft = this.requireDraft(planId);
    if (draft.status !== 'in-review') {
      throw new ApiError({ code: 'invalid-input', message: this.m.draftNotInReview(planId) });
    }
    const { submitted: _submitted, ...rest } = draft;
    return this.writeDraft({ ...rest, status: 'draft', sentBack: { at: this.now(), by, comment } });
  }

  /**
   * Publishes a draft in review as the document's next version. `contentHash` is what the reviewer saw; the caller
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
      throw new ApiError({ code: 'invalid-input', message: this.m.draftNotInReview(planId) });
    }
    const { doc } = this.publishable(draft);
    if (draft.submitted.contentHash !== contentHash || this.kind.hash(doc) !== contentHash) {
      throw new ApiError({ code: 'invalid-input', message: this.m.reviewedOtherContent(planId) });
    }
    const selfApproved = draft.submitted.by.userId === approver.userId;
    if (selfApproved && !selfApprovalAllowed)
      throw new ApiError({ code: 'forbidden', message: this.m.selfApprovalRefused() });
    const history = this.state.plans.get(planId);
    const before = history ? offeredVersion(history) : undefined;
    const publication = this.publish(doc, {
      source: draft.origin,
      derivedFrom: draft.base,
      ...(draft.templateHash ? { templateHash: draft.templateHash } : {}),
      author: draft.submitted.by,
      approver,
      selfApproved,
      note: draft.submitted.note,
      ...(draft.forActions?.length ? { forActions: draft.forActions } : {}),
      ...(draft.release ? { release: draft.release } : {}),
    });
    // Logged first: a crash before the draft is removed leaves a draft that clearPublishedDrafts removes at start.
    if (!this.options.readOnly) rmSync(this.draftFile(planId), { force: true });
    this.drafts.delete(planId);
    this.changed();
    return { publication, before };
  }

  /** Takes the document out of use; its versions stay readable, and publishing a new version brings it back. */
  retire(planId: string, note: string, by: PersonRef): Publication {
    const history = this.state.plans.get(planId);
    const offered = history && offeredVersion(history);
    if (!offered) throw new ApiError({ code: 'invalid-input', message: this.m.nothingToRetire(planId) });
    this.log.append('plan.retired', by.userId, { planId, version: offered.version, by, note });
    this.changed();
    return offered;
  }

  /**
   * A file from elsewhere (another branch, head office): checked on the way in, and either refused with its
   * findings (nothing changes) or kept as a draft of that document. It never replaces a published version.
   */
  importFile(fileName: string, text: string, by: PersonRef): ImportResult<F> {
    const check = this.kind.checkText(text);
    const refused = (findings: Placed<F>[]): ImportResult<F> => ({ accepted: false, findings });
    if (!check.doc || countBySeverity(check.findings).errors > 0) return refused(check.findings);
    const doc = check.doc;
    const history = this.state.plans.get(doc.id);
    const hash = this.kind.hash(doc);
    const sameNumber = history?.versions.find((v) => v.version === doc.version);
    if (sameNumber && sameNumber.contentHash !== hash) {
      return refused([this.kind.conflictFinding(doc.id, doc.version, sameNumber.contentHash, hash)]);
    }
    // Nothing to review, or a draft in the way: refused outright (these are not faults of the file).
    const offered = history && offeredVersion(history);
    if (offered && offered.contentHash === hash) {
      throw new ApiError({ code: 'invalid-input', message: this.m.importIdentical(doc.id, offered.version) });
    }
    this.refuseOpenDraft(doc.id);
    return {
      accepted: true,
      draft: this.startDraft(doc.id, history ? 'import' : 'new', doc, by, { importedFrom: fileName }),
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
    return this.options.now().toISOString();
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
    if (!draft) throw notFound(this.m.noDraft(planId));
    return draft;
  }

  private refuseOpenDraft(planId: string): void {
    const existing = this.drafts.get(planId);
    if (existing) {
      throw new ApiError({ code: 'invalid-input', message: this.m.draftExists(planId, existing.updatedBy.name) });
    }
  }

  private startDraft(
    planId: string,
    origin: DraftOrigin,
    doc: D,
    by: PersonRef,
    extra: Pick<Draft, 'templateHash' | 'rollbackOf' | 'importedFrom' | 'forActions' | 'release'>,
  ): DraftView<F> {
    const history = this.state.plans.get(planId);
    const base = history?.versions.at(-1);
    const at = this.now();
    const { $schema: _hint, ...body } = doc;
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

  private writeDraft(draft: Draft, notify = true): DraftView<F> {
    if (!this.options.readOnly) {
      mkdirSync(join(this.dir, 'drafts'), { recursive: true, mode: 0o700 });
      writeFileAtomic(this.draftFile(draft.planId), `${JSON.stringify(draft, null, 2)}\n`);
    }
    this.drafts.set(draft.planId, draft);
    this.changed(notify);
    return this.viewOf(draft);
  }

  private viewOf(draft: Draft): DraftView<F> {
    const { doc, findings } = this.checkDraft(draft);
    return { draft, findings, ...(doc ? { contentHash: this.kind.hash(doc) } : {}) };
  }

  private checkDraft(draft: Draft): { doc?: D; findings: F[] } {
    const check = this.kind.check(draft.plan);
    if (!check.doc) return check;
    return { doc: check.doc, findings: [...check.findings, ...this.libraryFindings(check.doc, false)] };
  }

  private libraryFindings(doc: D, published: boolean): F[] {
    const known = new Set([...this.state.plans.keys(), ...this.drafts.keys()]);
    return this.kind.libraryFindings(doc, known, published);
  }

  /** The draft's content, when it may be submitted or published: it matches the schema and has no errors. */
  private publishable(draft: Draft): { doc: D; contentHash: string } {
    const { doc, findings } = this.checkDraft(draft);
    if (!doc) throw new ApiError({ code: 'invalid-input', message: this.m.draftNotAPlan(draft.planId) });
    const { errors } = countBySeverity(findings);
    if (errors > 0) throw new ApiError({ code: 'invalid-input', message: this.m.draftHasErrors(draft.planId, errors) });
    return { doc, contentHash: this.kind.hash(doc) };
  }

  /**
   * Writes the version file (temp + fsync + exclusive link + folder fsync), then logs it: until the log line is
   * fsynced the old version stays offered, so a crash at any moment leaves one whole version offered.
   */
  private publish(
    doc: D,
    meta: {
      source: VersionSource;
      derivedFrom: Publication['derivedFrom'];
      templateHash?: string;
      author: PersonRef | null;
      approver: PersonRef | null;
      selfApproved: boolean;
      note: string;
      forActions?: ActionRef[];
      release?: Publication['release'];
    },
  ): Publication {
    const version = nextVersionNumber(this.state.plans.get(doc.id));
    const { $schema: _hint, ...rest } = doc;
    const body = { ...rest, version } as D;
    const file = versionFilePath(doc.id, version);
    const text = versionText(body);
    if (!this.options.readOnly) {
      const path = join(this.dir, file);
      mkdirSync(join(this.dir, 'versions', doc.id), { recursive: true, mode: 0o700 });
      // A file by this name that the log does not know was written by a publish that crashed before its log line:
      // it was never offered. Kept aside rather than overwritten, so no bytes are ever replaced in place.
      if (existsSync(path)) renameSync(path, `${path}.unlogged-${Date.now()}`);
      writeFileAtomic(path, text, { exclusive: true });
    }
    const contentHash = this.kind.hash(body);
    const data = { planId: doc.id, version, contentHash, file, ...meta };
    const entry = this.log.append('plan.published', meta.approver?.userId ?? 'system', data);
    this.versions.set(`${doc.id}@${version}`, { doc: body, findings: [], file });
    this.state = libraryStateOf(this.log.entries);
    return { ...data, at: entry.at };
  }

  /**
   * First start (and new templates after an app update): each bundled document becomes its own version 1 here.
   * Where that cannot be written (a full disk), the template is offered as it is and the problem shown: an
   * emergency plan is never missing from Home because the library could not be written.
   */
  private seedTemplates(): void {
    for (const template of this.templates.values()) {
      if (this.state.plans.has(template.id) || this.drafts.has(template.id)) continue;
      // A template that does not check cleanly is not put in use (`plans check` / `checklists check` catch it in CI).
      if (!template.doc || countBySeverity(template.findings).errors > 0 || template.doc.id !== template.id) continue;
      try {
        this.publish(
          { ...template.doc, version: 1 },
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
        this.unseeded.set(template.id, template);
        this.problems.push(this.m.templateNotSeeded(template.id, code));
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

  private templateUpdateOf(planId: string): { doc: D; contentHash: string; version: number } | undefined {
    const history = this.state.plans.get(planId);
    if (!history?.templateHash) return undefined;
    const template = this.templates.get(planId); // absent: the template is no longer shipped
    if (!template?.doc || countBySeverity(template.findings).errors > 0) return undefined;
    const hash = template.contentHash;
    if (hash === history.templateHash || history.dismissedTemplates.has(hash)) return undefined;
    return { doc: template.doc, contentHash: hash, version: template.doc.version };
  }

  /** Reads and checks a version file once (versions never change; a damaged one is reported, never offered). */
  private readVersion(publication: Publication): VersionRead<D, F> {
    const key = `${publication.planId}@${publication.version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const path = join(this.dir, publication.file);
    const damaged = (reason: Text): VersionRead<D, F> => ({
      findings: [this.kind.damagedFinding(publication.version, path, reason)],
      file: path,
    });
    let read: VersionRead<D, F>;
    try {
      const check = this.kind.checkText(readFileSync(path, 'utf8'));
      if (!check.doc) read = { findings: check.findings, file: path };
      else if (check.doc.id !== publication.planId || check.doc.version !== publication.version) {
        read = damaged(this.m.versionFileNamesOther(check.doc.id, check.doc.version));
      } else if (this.kind.hash(check.doc) !== publication.contentHash) {
        read = damaged(this.m.versionHashMismatch(publication.contentHash.slice(0, 19)));
      } else read = { doc: check.doc, findings: check.findings, file: path };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      read = damaged(code === 'ENOENT' ? this.m.versionFileMissing() : this.m.versionFileUnreadable(code));
    }
    this.versions.set(key, read);
    return read;
  }

  /** The entries every list and start reads: one per document the library or a draft knows. */
  private rebuild(): void {
    const details = new Map<string, Detail>();
    const conflicts = new Map<string, F[]>();
    for (const c of this.state.conflicts) {
      const list = conflicts.get(c.planId) ?? [];
      list.push(this.kind.conflictFinding(c.planId, c.version, c.hashes[0], c.hashes[1]));
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
        ...(read.doc ? this.libraryFindings(read.doc, true) : []),
        ...(conflicts.get(history.planId) ?? []),
      ];
      details.set(
        history.planId,
        this.kind.detail({
          id: history.planId,
          ...(read.doc ? { doc: read.doc } : {}),
          findings,
          file: read.file,
          version: shown.version,
          contentHash: shown.contentHash,
          source: shown.source,
          status: offered ? 'published' : 'retired',
          publishedAt: shown.at,
          ...this.draftAndUpdate(history.planId),
        }),
      );
    }
    for (const [id, template] of this.unseeded) {
      if (details.has(id)) continue;
      details.set(
        id,
        this.kind.detail({
          id,
          ...(template.doc ? { doc: template.doc } : {}),
          findings: template.findings,
          file: template.file,
          version: template.doc?.version ?? 0,
          contentHash: template.contentHash,
          source: 'template',
          status: 'published',
        }),
      );
    }
    // A document that exists only as a draft (imported, or new): listed for managers, never offered for use.
    for (const draft of this.drafts.values()) {
      if (details.has(draft.planId)) continue;
      const { doc, findings } = this.checkDraft(draft);
      details.set(
        draft.planId,
        this.kind.detail({
          id: draft.planId,
          ...(doc ? { doc } : {}),
          findings,
          file: this.draftFile(draft.planId),
          version: 0,
          contentHash: '',
          source: draft.origin,
          status: 'unpublished',
          ...this.draftAndUpdate(draft.planId),
        }),
      );
    }
    this.details = details;
  }

  private draftAndUpdate(planId: string): Pick<LibraryEntry<D, F>, 'draft' | 'templateUpdate'> {
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

/** The constructor's arguments after the kind: what opening a library reads from disk. */
export type OpenedParts<D, F> = [
  dir: string,
  log: ChainLog,
  templates: Map<string, LibraryTemplate<D, F>>,
  drafts: Map<string, Draft>,
  options: DocumentLibraryOptions & { now: () => Date },
  problems: Text[],
];

/** Reads the log (carrying over what verifies from a damaged one), the drafts and the templates. */
export async function openParts<D extends LibraryDocument, F extends LibraryFinding, Detail>(
  kind: DocumentKind<D, F, Detail>,
  options: DocumentLibraryOptions,
): Promise<OpenedParts<D, F>> {
  const now = options.now ?? (() => new Date());
  const dir = join(options.dataDir, kind.folder);
  const templates = new Map((await kind.loadTemplates(options.templatesDir)).map((t) => [t.id, t]));
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
      problems.push(
        kind.messages.libraryDamaged(line, reason, file, carried.filter((e) => e.type === 'plan.published').length),
      );
    }
  }
  if (!options.readOnly) removeTempFiles(dir); // the log's lock is ours: no other writer has a write under way
  const drafts = options.readOnly ? new Map<string, Draft>() : readDrafts(join(dir, 'drafts'), now, problems, kind);
  return [dir, log, templates, drafts, { ...options, now }, problems];
}

/** A version file's bytes: the document as indented JSON, which is also what export hands out. */
export function versionText(doc: LibraryDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
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
function readDrafts(
  dir: string,
  now: () => Date,
  problems: Text[],
  kind: { messages: LibraryWording },
): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  if (!existsSync(dir)) return drafts;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const path = join(dir, name);
    try {
      const draft = DraftSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      if (`${draft.planId}.json` !== name) throw new Error(`names ${draft.planId}`);
      drafts.set(draft.planId, draft);
    } catch (error) {
      const aside = `${path}.damaged-${now().getTime()}`;
      renameSync(path, aside);
      problems.push(kind.messages.draftUnreadable(name, (error as Error).message.split('\n')[0] ?? '', aside));
    }
  }
  return drafts;
}
