// Inspections on disk: the inspections log (`<data>/inspections/inspections.jsonl`: planned, cancelled, begun, sealed)
// and one journal per inspection (`<data>/inspections/<id>.jsonl`, format in shared/inspections/inspection.ts) with its
// photos beside it (`<data>/inspections/files/<sha256>.<ext>`). Every tap is a journal line, fsynced before it is
// answered; the sign-off seals the journal with the installation's key, registers the seal on the log and opens a
// rectification on the one action tracker for each failed item. A journal that does not verify is never written to.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionSpec } from '../../shared/actions/actionLog';
import { ApiError } from '../../shared/api/errors';
import { answerFits, checklistItems, type Answer } from '../../shared/checklist/score';
import { localDateOf } from '../../shared/drills/coverage';
import type { ChecklistItem } from '../../shared/checklist/schema';
import {
  attachmentsOf,
  foldInspection,
  INSPECTION_FORMAT,
  type InspectionEventData,
  type InspectionState,
  type RectificationSpec,
} from '../../shared/inspections/inspection';
import {
  foldInspectionLog,
  INSPECTION_LOG_FILE,
  INSPECTION_LOG_FORMAT,
  INSPECTIONS_DIR,
  visibleTo,
  type InspectionEntry,
  type InspectionPlan,
} from '../../shared/inspections/inspectionLog';
import type { InspectionSummary, InspectionView } from '../../shared/inspections/inspectionView';
import type { JournalEvent } from '../../shared/journal/format';
import { verifyJournalText } from '../../shared/journal/verify';
import type { PersonRef } from '../../shared/library/libraryLog';
import { INSPECTION_LIMITS } from '../../shared/limits';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { INSPECTION_MESSAGES as m } from '../../shared/messages/inspections';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { judgeIntegrity } from '../../shared/records/integrity';
import { text, type Text } from '../../shared/text';
import type { ActionTracker } from '../actions/actionTracker';
import { attachmentError } from '../files/attachmentErrors';
import { attachmentProblem, readAttachment, storeAttachment } from '../files/attachmentStore';
import { ChainLog, ChainWriteError, type ChainLogSpec } from '../journal/chainLog';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';
import type { ChecklistSource } from './checklistSource';

export interface InspectionStoreOptions {
  dataDir: string;
  installation: string;
  checklists: ChecklistSource;
  actions: ActionTracker;
  signingKey: () => SigningKey;
  /** The installation's public key, if it has one yet (what "verified" is judged against). */
  installationKey: () => string | undefined;
  /** The branch's name (Settings), written into each inspection's first line. */
  branch: () => string;
  /** The branch's time zone: a rectification names its inspection by the local date. */
  timeZone: () => string;
  readOnly?: boolean;
  now?: () => Date;
  onChange: () => void;
}

/** How an inspection is begun: one planned ahead, or at once with its template and people. */
export type StartInput =
  { inspectionId: string } | { checklistId: string; announced: boolean; place: string; inspectors: string[] };

export interface SignOffInput {
  summary: string;
  branchRepresentative: string;
  rectifications: RectificationSpec[];
}

const SYSTEM: PersonRef = { userId: 'system', name: 'system' };

export class InspectionStore {
  private readonly dir: string;
  private readonly now: () => Date;
  private entries: Map<string, InspectionEntry>;
  /** Journals of inspections in progress, kept open (and locked) while they are written. */
  private readonly journals = new Map<string, ChainLog>();
  /** Each open journal's size and change time after this store's last write to it. */
  private readonly stamps = new WeakMap<ChainLog, string>();

  private constructor(
    private readonly log: ChainLog,
    private readonly options: InspectionStoreOptions,
    readonly problems: string[],
  ) {
    this.dir = join(options.dataDir, INSPECTIONS_DIR);
    this.now = options.now ?? (() => new Date());
    this.entries = new Map(foldInspectionLog(log.entries).map((e) => [e.id, e]));
  }

  static open(options: InspectionStoreOptions): InspectionStore {
    const dir = join(options.dataDir, INSPECTIONS_DIR);
    const spec: ChainLogSpec = {
      format: INSPECTION_LOG_FORMAT,
      fileName: INSPECTION_LOG_FILE,
      recoveredType: 'inspections.recovered',
      startData: (afterDamaged) => ({ installation: options.installation, ...(afterDamaged ? { afterDamaged } : {}) }),
    };
    const problems: string[] = [];
    let log: ChainLog;
    if (options.readOnly) log = ChainLog.openInMemory(dir, spec, options.now);
    else {
      const opened = ChainLog.open(dir, spec, options.now);
      log = opened.log;
      if (opened.report.damaged) {
        // What still verifies is carried over; the seals it held are found again in the journals (registered late).
        const { file, line, reason } = opened.report.damaged;
        for (const entry of opened.report.intactBeforeDamage ?? []) {
          if (entry.type !== 'inspections.started') log.append(entry.type, entry.by, entry.data);
        }
        problems.push(`inspections log damaged at line ${line} (${reason}); kept aside as ${file}`);
      }
    }
    const store = new InspectionStore(log, options, problems);
    store.completeInterruptedSignOffs();
    return store;
  }

  // ---- reading ----

  /** Every inspection the viewer may see, newest first (an unannounced one planned ahead: its planner only). */
  list(viewer: string | undefined): InspectionSummary[] {
    return [...this.entries.values()]
      .filter((e) => visibleTo(e, viewer))
      .map((e) => this.summaryOf(e))
      .sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
  }

  get(inspectionId: string, viewer: string | undefined): InspectionView {
    const entry = this.visible(inspectionId, viewer);
    if (!entry.begun) throw new ApiError({ code: 'invalid-input', message: m.notInProgress(inspectionId) });
    return this.viewOf(entry, this.events(inspectionId));
  }

  /** A photo or file of the inspection, checked against the hash its journal holds. */
  attachment(
    inspectionId: string,
    sha256: string,
    viewer: string | undefined,
  ): { name: string; mime: string; bytes: Buffer } {
    this.visible(inspectionId, viewer);
    const found = attachmentsOf(this.events(inspectionId)).find((a) => a.attachment.sha256 === sha256);
    if (!found)
      throw new ApiError({ code: 'not-found', message: m.notFound(`${inspectionId}/${sha256.slice(0, 12)}`) });
    try {
      return {
        name: found.attachment.name,
        mime: found.attachment.mime,
        bytes: readAttachment(this.dir, found.attachment),
      };
    } catch {
      throw new ApiError({
        code: 'storage',
        message: RECORD_MESSAGES.attachmentDamaged(join(this.dir, found.attachment.file)),
      });
    }
  }

  /** The inspections log's entries (the scorecard reads them without opening journals). */
  summaries(): InspectionSummary[] {
    return this.list(undefined).filter((s) => s.status === 'sealed' || s.status === 'in-progress');
  }

  file(inspectionId: string): string {
    return join(this.dir, `${inspectionId}.jsonl`);
  }

  /** Every sealed inspection with its registered head: what head office is sent. */
  sealedHeads(): { inspectionId: string; head: string }[] {
    return [...this.entries.values()].flatMap((e) => (e.sealed ? [{ inspectionId: e.id, head: e.sealed.head }] : []));
  }

  // ---- planning ----

  plan(plan: InspectionPlan, by: PersonRef): InspectionSummary {
    this.options.checklists.use(plan.checklistId); // a plan names a template that can be used
    const inspectionId = newInspectionId(this.now());
    this.appendLog('inspection.planned', by, { inspectionId, plan, by });
    return this.summaryOf(this.entries.get(inspectionId)!);
  }

  cancel(inspectionId: string, reason: string, by: PersonRef): InspectionSummary {
    const entry = this.visible(inspectionId, by.userId);
    if (entry.status !== 'planned') throw new ApiError({ code: 'invalid-input', message: m.notPlanned(inspectionId) });
    this.appendLog('inspection.cancelled', by, { inspectionId, reason, by });
    return this.summaryOf(this.entries.get(inspectionId)!);
  }

  // ---- conducting ----

  start(input: StartInput, by: PersonRef | null): InspectionView {
    let inspectionId: string;
    let spec: { checklistId: string; announced: boolean; place: string; inspectors: string[] };
    if ('inspectionId' in input) {
      const entry = this.visible(input.inspectionId, by?.userId);
      if (entry.status !== 'planned' || !entry.plan) {
        throw new ApiError({ code: 'invalid-input', message: m.notPlanned(input.inspectionId) });
      }
      inspectionId = entry.id;
      spec = entry.plan;
    } else {
      inspectionId = newInspectionId(this.now());
      spec = input;
    }
    const template = this.options.checklists.use(spec.checklistId);
    const checklist = { id: template.id, version: template.version, contentHash: template.contentHash };
    const started: InspectionEventData<'inspection.started'> = {
      inspectionId,
      announced: spec.announced,
      checklist,
      body: template.checklist,
      branch: this.options.branch(),
      place: spec.place,
      inspectors: spec.inspectors,
      by,
    };
    const journal = this.openJournal(inspectionId, started);
    this.appendLog('inspection.begun', by ?? SYSTEM, {
      inspectionId,
      checklist,
      title: template.checklist.shortTitle ?? template.checklist.title,
      announced: spec.announced,
      place: spec.place,
      inspectors: spec.inspectors,
      by,
    });
    return this.viewOf(this.entries.get(inspectionId)!, journal.entries);
  }

  answer(inspectionId: string, itemId: string, answer: Answer, by: PersonRef | null): InspectionView {
    const { journal, state } = this.inProgress(inspectionId);
    const item = itemOf(state, itemId);
    if (!answerFits(item, answer)) throw invalid(m.answerDoesNotFit(itemId));
    return this.write(inspectionId, journal, 'item.answered', by, { itemId, answer, by });
  }

  note(inspectionId: string, itemId: string, note: string, by: PersonRef | null): InspectionView {
    const { journal, state } = this.inProgress(inspectionId);
    itemOf(state, itemId);
    return this.write(inspectionId, journal, 'item.noted', by, { itemId, note, by });
  }

  /** Stores the photo or file (durably) and then names it, hashed, in the journal. */
  attach(inspectionId: string, itemId: string, name: string, bytes: Uint8Array, by: PersonRef | null): InspectionView {
    const { journal, state } = this.inProgress(inspectionId);
    itemOf(state, itemId);
    if ((state.items.get(itemId)?.attachments.length ?? 0) >= INSPECTION_LIMITS.attachmentsPerItem) {
      throw invalid(m.tooManyAttachments(itemId, INSPECTION_LIMITS.attachmentsPerItem));
    }
    if (this.options.readOnly) throw storage(this.file(inspectionId), { code: 'EROFS' });
    let attachment;
    try {
      attachment = storeAttachment(this.dir, name, bytes);
    } catch (error) {
      throw attachmentError(name, error);
    }
    return this.write(inspectionId, journal, 'item.attached', by, { itemId, attachment, by });
  }

  /**
   * Signs and seals the inspection: every item answered, every must-photograph item photographed, a rectification
   * (owner, due date, evidence) for each failed item and for no other. Then the seal is registered on the log and the
   * rectifications opened on the action tracker.
   */
  signOff(inspectionId: string, input: SignOffInput, by: PersonRef): InspectionView {
    const { journal, state } = this.inProgress(inspectionId);
    const { score } = state;
    const items = new Map(checklistItems(state.body).map(({ item }) => [item.id, item]));
    if (score.unanswered.length > 0) throw invalid(m.unanswered(score.unanswered.length, score.unanswered[0]!));
    const unphotographed = [...items.values()].find(
      (item) => item.photo && (state.items.get(item.id)?.attachments.length ?? 0) === 0,
    );
    if (unphotographed) throw invalid(m.photoMissing(unphotographed.id));
    const given = new Map(input.rectifications.map((r) => [r.itemId, r]));
    for (const itemId of given.keys())
      if (!score.failed.includes(itemId)) throw invalid(m.rectificationForPassedItem(itemId));
    const missing = score.failed.find((id) => !given.has(id));
    if (missing) throw invalid(m.rectificationMissing(missing));
    const key = this.options.signingKey(); // before anything is written: without a key there is no seal
    if (!this.stillOurs(inspectionId, journal, true)) {
      this.closeJournal(inspectionId);
      this.inProgress(inspectionId); // reopening from disk refuses it, saying where it is damaged
    }
    const stamp = this.now().toISOString().slice(0, 10).replace(/-/g, '');
    const rectifications = score.failed.map((itemId) => ({
      ...given.get(itemId)!,
      actionId: `act-${stamp}-${randomBytes(3).toString('hex')}`,
    }));
    this.write(inspectionId, journal, 'inspection.signedOff', by, {
      percent: score.percent,
      passed: score.passed === true,
      failed: score.failed,
      criticalFailed: score.criticalFailed,
      summary: input.summary,
      inspector: by,
      branchRepresentative: input.branchRepresentative,
      rectifications,
    });
    const head = journal.head;
    this.writeLine(journal, 'inspection.sealed', SYSTEM, {
      head,
      signature: key.sign(head),
      publicKey: key.publicKey,
      keyId: key.keyId,
    });
    this.closeJournal(inspectionId);
    this.registerSeal(inspectionId, journal.entries, key.keyId, false);
    this.openRectifications(inspectionId, journal.entries);
    return this.viewOf(this.entries.get(inspectionId)!, journal.entries);
  }

  close(): void {
    for (const id of [...this.journals.keys()]) this.closeJournal(id);
    this.log.close();
  }

  // ---- inside ----

  private visible(inspectionId: string, viewer: string | undefined): InspectionEntry {
    const entry = this.entries.get(inspectionId);
    // Hidden is indistinguishable from absent: an unannounced inspection is not confirmed by an error message.
    if (!entry || !visibleTo(entry, viewer))
      throw new ApiError({ code: 'not-found', message: m.notFound(inspectionId) });
    return entry;
  }

  private inProgress(inspectionId: string): { journal: ChainLog; state: InspectionState } {
    const entry = this.entries.get(inspectionId);
    if (!entry || entry.status !== 'in-progress') throw invalid(m.notInProgress(inspectionId));
    let journal = this.journals.get(inspectionId);
    if (journal && !this.stillOurs(inspectionId, journal)) {
      // Changed on disk behind the store's back: never written to again (the bytes stay as evidence).
      this.closeJournal(inspectionId);
      journal = undefined;
    }
    if (!journal) {
      const events = this.readJournal(inspectionId);
      if (!events) throw invalid(m.notInProgress(inspectionId));
      if (events.at(-1)?.type === 'inspection.sealed') throw invalid(m.notInProgress(inspectionId));
      journal = this.openJournal(inspectionId, events[0]!.data as InspectionEventData<'inspection.started'>);
    }
    return { journal, state: foldInspection(journal.entries) };
  }

  /** Opens (or starts) an inspection's journal for writing, refusing one that does not verify. */
  private openJournal(inspectionId: string, started: InspectionEventData<'inspection.started'>): ChainLog {
    const spec: ChainLogSpec = {
      format: INSPECTION_FORMAT,
      fileName: `${inspectionId}.jsonl`,
      recoveredType: 'inspection.recovered',
      startData: () => started,
    };
    let journal: ChainLog;
    if (this.options.readOnly) journal = ChainLog.openInMemory(this.dir, spec, this.now);
    else {
      this.readJournal(inspectionId); // refuses damage before ChainLog would set a damaged file aside
      try {
        journal = ChainLog.open(this.dir, spec, this.now).log;
      } catch (error) {
        throw storage(this.file(inspectionId), error);
      }
    }
    this.journals.set(inspectionId, journal);
    this.noteStamp(journal);
    return journal;
  }

  private closeJournal(inspectionId: string): void {
    const journal = this.journals.get(inspectionId);
    this.journals.delete(inspectionId);
    if (journal && !this.options.readOnly) journal.close();
  }

  /**
   * Whether the open journal's file still holds exactly what this store wrote: its size and change time (ctime, which
   * any write moves and no program can set back) after each write are kept and compared before the next, and before
   * signing the whole file is verified again and its head compared.
   */
  private stillOurs(inspectionId: string, journal: ChainLog, thorough = false): boolean {
    if (this.options.readOnly) return true;
    const file = this.file(inspectionId);
    let now: string;
    try {
      now = fileStamp(file);
    } catch {
      return false;
    }
    if (now !== this.stamps.get(journal)) return false;
    if (!thorough) return true;
    const verification = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
      format: INSPECTION_FORMAT,
    });
    return verification.ok && verification.events.at(-1)?.hash === journal.head;
  }

  /**
   * The journal's events to read: from memory while open, else what verifies on disk — a damaged journal is still
   * shown (judged damaged, with where), only never written to.
   */
  private events(inspectionId: string): readonly JournalEvent[] {
    const events = this.journals.get(inspectionId)?.entries ?? this.readJournal(inspectionId, 'read');
    if (!events) throw new ApiError({ code: 'not-found', message: m.notFound(inspectionId) });
    return events;
  }

  /** The events on disk; for writing, one damaged anywhere but a torn last line is refused. */
  private readJournal(inspectionId: string, purpose: 'read' | 'write' = 'write'): readonly JournalEvent[] | undefined {
    const file = this.file(inspectionId);
    if (!existsSync(file)) return undefined;
    const verification = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
      format: INSPECTION_FORMAT,
    });
    if (purpose === 'write' && !verification.ok && verification.failure!.reason !== 'torn') {
      throw new ApiError({
        code: 'storage',
        message: m.damaged(file, verification.failure!.line, verification.failure!.message),
      });
    }
    return verification.events.length > 0 ? verification.events : undefined;
  }

  private write(
    inspectionId: string,
    journal: ChainLog,
    type: string,
    by: PersonRef | null,
    data: unknown,
  ): InspectionView {
    this.writeLine(journal, type, by, data);
    this.options.onChange();
    return this.viewOf(this.entries.get(inspectionId)!, journal.entries);
  }

  private writeLine(journal: ChainLog, type: string, by: PersonRef | null, data: unknown): JournalEvent {
    let event: JournalEvent;
    try {
      event = journal.append(type, by?.userId ?? null, data);
    } catch (error) {
      throw storage(journal.file, error);
    }
    this.noteStamp(journal);
    return event;
  }

  private noteStamp(journal: ChainLog): void {
    if (!this.options.readOnly) this.stamps.set(journal, fileStamp(journal.file));
  }

  private appendLog(type: string, by: PersonRef, data: unknown): void {
    try {
      this.log.append(type, by.userId, data);
    } catch (error) {
      throw storage(this.log.file, error);
    }
    this.entries = new Map(foldInspectionLog(this.log.entries).map((e) => [e.id, e]));
    this.options.onChange();
  }

  private registerSeal(inspectionId: string, events: readonly JournalEvent[], keyId: string, late: boolean): void {
    const signedOff = events.find((e) => e.type === 'inspection.signedOff')!
      .data as InspectionEventData<'inspection.signedOff'>;
    this.appendLog('inspection.sealed', SYSTEM, {
      inspectionId,
      head: events.at(-1)!.hash,
      events: events.length,
      keyId,
      percent: signedOff.percent,
      passed: signedOff.passed,
      failed: signedOff.failed,
      criticalFailed: signedOff.criticalFailed,
      rectifications: signedOff.rectifications.map((r) => r.actionId),
      ...(late ? { late } : {}),
    });
  }

  /** Each failed item's rectification, as the sign-off decided it, on the action tracker (once). */
  private openRectifications(inspectionId: string, events: readonly JournalEvent[]): void {
    const state = foldInspection(events);
    const signedOff = state.signedOff;
    if (!signedOff) return;
    const items = new Map(checklistItems(state.body).map(({ item }) => [item.id, item]));
    const title = state.body.title['zh-CN'] ?? state.checklist.id;
    const date = localDateOf(state.startedAt, this.options.timeZone());
    this.options.actions.openRectifications(
      signedOff.rectifications.map((r) => {
        const item = items.get(r.itemId);
        const spec: ActionSpec = {
          title: item?.text['zh-CN'] ?? r.itemId,
          source: {
            kind: 'inspection',
            inspectionId,
            title: `${title} ${date}`,
            itemId: r.itemId,
            critical: item?.critical === true,
          },
          owner: r.owner,
          due: r.due,
          evidence: r.evidence,
        };
        return { actionId: r.actionId, spec };
      }),
      signedOff.inspector,
    );
  }

  /**
   * A crash between sealing a journal and registering it (or opening its rectifications) is finished at the next
   * start: a journal sealed with this installation's key is registered late; every registered one's rectifications
   * are opened if missing.
   */
  private completeInterruptedSignOffs(): void {
    if (this.options.readOnly) return;
    for (const entry of [...this.entries.values()]) {
      if (entry.status !== 'in-progress' && entry.status !== 'sealed') continue;
      // A registered seal whose rectifications are all on the tracker is complete: its journal is not read at start.
      if (entry.sealed?.rectifications.every((id) => this.options.actions.has(id))) continue;
      let events: readonly JournalEvent[] | undefined;
      try {
        events = this.readJournal(entry.id);
      } catch (error) {
        this.problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      const last = events?.at(-1);
      if (!events || last?.type !== 'inspection.sealed') continue;
      const seal = last.data as InspectionEventData<'inspection.sealed'>;
      if (entry.status === 'in-progress') {
        if (seal.publicKey !== this.options.installationKey()) continue;
        this.registerSeal(entry.id, events, seal.keyId, true);
      }
      this.openRectifications(entry.id, events);
    }
  }

  private summaryOf(entry: InspectionEntry): InspectionSummary {
    const checklistId = entry.begun?.checklist.id ?? entry.plan?.checklistId ?? '';
    const offered = this.options.checklists.list().find((c) => c.id === checklistId)?.checklist;
    const title: Text = entry.begun?.title
      ? { 'zh-CN': entry.begun.title['zh-CN'], en: entry.begun.title.en }
      : offered
        ? {
            'zh-CN': (offered.shortTitle ?? offered.title)['zh-CN'] ?? checklistId,
            en: (offered.shortTitle ?? offered.title).en ?? checklistId,
          }
        : text(checklistId, checklistId);
    return {
      id: entry.id,
      status: entry.status,
      title,
      announced: entry.begun?.announced ?? entry.plan?.announced ?? true,
      place: entry.begun?.place ?? entry.plan?.place ?? '',
      inspectors: entry.begun?.inspectors ?? entry.plan?.inspectors ?? [],
      checklistId,
      ...(entry.begun ? { checklist: entry.begun.checklist } : {}),
      ...(entry.plan ? { plan: entry.plan } : {}),
      ...(entry.planned ? { planned: entry.planned } : {}),
      ...(entry.cancelled ? { cancelled: entry.cancelled } : {}),
      ...(entry.begun ? { begun: { at: entry.begun.at, by: entry.begun.by } } : {}),
      ...(entry.sealed
        ? {
            sealed: {
              at: entry.sealed.at,
              percent: entry.sealed.percent,
              passed: entry.sealed.passed,
              failed: entry.sealed.failed,
              criticalFailed: entry.sealed.criticalFailed,
            },
          }
        : {}),
    };
  }

  private viewOf(entry: InspectionEntry, events: readonly JournalEvent[]): InspectionView {
    const state = foldInspection(events);
    return {
      summary: this.summaryOf(entry),
      branch: state.branch,
      inspectors: state.inspectors,
      body: state.body,
      items: Object.fromEntries(state.items),
      score: { ...state.score, results: Object.fromEntries(state.score.results) },
      ...(state.signedOff ? { signedOff: state.signedOff } : {}),
      ...(state.sealed ? { sealed: state.sealed } : {}),
      integrity: this.integrityOf(entry, events),
      head: events.at(-1)!.hash,
      events: events.length,
    };
  }

  /**
   * A sealed inspection is judged from its bytes on disk now, against the installation's key, its registered seal
   * and the hashes of its photos; one in progress is what this process wrote (verified as it was read).
   */
  private integrityOf(entry: InspectionEntry, events: readonly JournalEvent[]): InspectionView['integrity'] {
    if (entry.status !== 'sealed' || this.options.readOnly) return { integrity: 'not-sealed' };
    const file = this.file(entry.id);
    const verification = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
      format: INSPECTION_FORMAT,
    });
    const fileProblems = attachmentsOf(verification.ok ? verification.events : events).flatMap(
      ({ itemId, attachment, line }) => {
        const problem = attachmentProblem(this.dir, attachment);
        if (!problem) return [];
        const path = join(INSPECTIONS_DIR, attachment.file);
        const fault =
          problem === 'missing' ? RECORD_MESSAGES.attachmentMissing(path) : RECORD_MESSAGES.attachmentDamaged(path);
        return [
          {
            code: `line ${line}: attachment ${problem} (${attachment.file})`,
            text: RECORD_MESSAGES.attachmentFault(line, itemId, fault),
          },
        ];
      },
    );
    const judged = judgeIntegrity(verification, {
      installationKey: this.options.installationKey(),
      registered: entry.sealed
        ? { events: entry.sealed.events, head: entry.sealed.head, sealedAt: entry.sealed.at }
        : undefined,
      sealType: INSPECTION_FORMAT.sealType,
      fileProblems,
    });
    return { integrity: judged.integrity, ...(judged.damageText ? { damageText: judged.damageText } : {}) };
  }
}

function itemOf(state: InspectionState, itemId: string): ChecklistItem {
  for (const section of state.body.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return item;
  }
  throw invalid(m.unknownItem(itemId));
}

function fileStamp(file: string): string {
  const { size, ctimeMs } = statSync(file);
  return `${size}:${ctimeMs}`;
}

function dateOf(s: InspectionSummary): string {
  return s.begun?.at ?? s.plan?.date ?? s.planned?.at ?? '';
}

function newInspectionId(now: Date): string {
  return `in-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

function invalid(message: Text): ApiError {
  return new ApiError({ code: 'invalid-input', message });
}

function storage(file: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = error instanceof ChainWriteError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'EIO');
  return new ApiError({ code: 'storage', message: m.notWritten(file, FILE_MESSAGES.diskReason(code)) });
}
