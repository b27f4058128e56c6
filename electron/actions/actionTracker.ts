// The branch's improvement actions (整改措施) on disk: one hash-chained log (`<data>/actions/actions.jsonl`, format in
// shared/actions/actionLog.ts). What is overdue is judged by local calendar days in the branch's time zone.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  ACTION_LOG_FILE,
  ACTION_LOG_FORMAT,
  foldActions,
  type ActionSpec,
  type ActionState,
  type Owner,
} from '../../shared/actions/actionLog';
import type { ActionView } from '../../shared/actions/actionView';
import { ApiError } from '../../shared/api/errors';
import { daysBetween, localDateOf } from '../../shared/drills/coverage';
import type { PersonRef } from '../../shared/library/libraryLog';
import { ACTION_MESSAGES as m } from '../../shared/messages/actions';
import { FILE_MESSAGES } from '../../shared/messages/files';
import type { AttachmentRef } from '../../shared/evidence/attachment';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { attachmentError } from '../files/attachmentErrors';
import { readAttachment, storeAttachment } from '../files/attachmentStore';
import { ChainLog, ChainWriteError, type ChainLogSpec } from '../journal/chainLog';

export const ACTIONS_DIR = 'actions';

export interface ActionTrackerOptions {
  dataDir: string;
  installation: string;
  readOnly?: boolean;
  now?: () => Date;
  /** The branch's time zone (Settings): a due date is a local calendar day. */
  timeZone: () => string;
  onChange: () => void;
}

export class ActionTracker {
  private readonly now: () => Date;
  private actions: Map<string, ActionState>;

  private readonly dir: string;

  private constructor(
    private readonly log: ChainLog,
    private readonly options: ActionTrackerOptions,
    readonly problems: string[],
  ) {
    this.now = options.now ?? (() => new Date());
    this.dir = join(options.dataDir, ACTIONS_DIR);
    this.actions = new Map(foldActions(log.entries).map((a) => [a.id, a]));
  }

  static open(options: ActionTrackerOptions): ActionTracker {
    const dir = join(options.dataDir, ACTIONS_DIR);
    const spec: ChainLogSpec = {
      format: ACTION_LOG_FORMAT,
      fileName: ACTION_LOG_FILE,
      recoveredType: 'actions.recovered',
      startData: (afterDamaged) => ({ installation: options.installation, ...(afterDamaged ? { afterDamaged } : {}) }),
    };
    if (options.readOnly) return new ActionTracker(ChainLog.openInMemory(dir, spec, options.now), options, []);
    const { log, report } = ChainLog.open(dir, spec, options.now);
    const problems: string[] = [];
    if (report.damaged) {
      // What still verifies is carried over: no action is lost to a damaged line after it.
      for (const entry of report.intactBeforeDamage ?? []) {
        if (entry.type !== 'actions.started') log.append(entry.type, entry.by, entry.data);
      }
      const { file, line, reason } = report.damaged;
      problems.push(`actions log damaged at line ${line} (${reason}); kept aside as ${file}`);
    }
    return new ActionTracker(log, options, problems);
  }

  /** Every action, the open ones first by due date, then the closed ones newest first. */
  list(): ActionView[] {
    const views = [...this.actions.values()].map((a) => this.viewOf(a));
    const open = views.filter((a) => !a.closed).sort((a, b) => a.spec.due.localeCompare(b.spec.due));
    const closed = views.filter((a) => a.closed).sort((a, b) => b.closed!.at.localeCompare(a.closed!.at));
    return [...open, ...closed];
  }

  has(actionId: string): boolean {
    return this.actions.has(actionId);
  }

  get(actionId: string): ActionView {
    return this.viewOf(this.action(actionId));
  }

  open(spec: ActionSpec, by: PersonRef): ActionView {
    const actionId = `act-${this.now().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
    this.append('action.opened', by, { actionId, spec, by });
    return this.get(actionId);
  }

  update(
    actionId: string,
    change: { owner?: Owner; due?: string; status?: 'in-progress'; note?: string },
    by: PersonRef,
  ): ActionView {
    this.stillOpen(actionId);
    this.append('action.updated', by, { actionId, ...change, note: change.note ?? '', by });
    return this.get(actionId);
  }

  /**
   * Done by hand, or dropped (with why). An action that names its evidence is not done by hand: it is reported fixed
   * with that evidence and closed by someone else's check.
   */
  finish(actionId: string, status: 'done' | 'dropped', note: string, by: PersonRef): ActionView {
    const action = this.stillOpen(actionId);
    if (status === 'done' && action.spec.evidence) {
      throw new ApiError({ code: 'invalid-input', message: m.checkedFixOnly(actionId) });
    }
    this.append('action.closed', by, { actionId, status, note, by });
    return this.get(actionId);
  }

  /** The owner (or whoever put it right) reports it fixed, with the evidence stored beside the log. */
  fix(
    actionId: string,
    note: string,
    files: readonly { name: string; bytes: Uint8Array }[],
    by: PersonRef,
  ): ActionView {
    const action = this.stillOpen(actionId);
    if (action.spec.evidence && files.length === 0) {
      throw new ApiError({ code: 'invalid-input', message: m.evidenceRequired(actionId, action.spec.evidence) });
    }
    const attachments = files.map((f) => this.store(f));
    this.append('action.fixed', by, { actionId, note, attachments, by });
    return this.get(actionId);
  }

  /** A second person checks the reported fix: accepted closes the action as verified, rejected sends it back. */
  check(actionId: string, accepted: boolean, note: string, by: PersonRef): ActionView {
    const action = this.stillOpen(actionId);
    if (action.status !== 'fixed' || !action.fixed) {
      throw new ApiError({ code: 'invalid-input', message: m.notFixed(actionId) });
    }
    if (action.fixed.by.userId === by.userId) {
      throw new ApiError({ code: 'forbidden', message: m.secondPerson(actionId, action.fixed.by.name) });
    }
    if (!accepted && note.trim() === '')
      throw new ApiError({ code: 'invalid-input', message: m.rejectNeedsNote(actionId) });
    this.append('action.checked', by, { actionId, accepted, note, by });
    return this.get(actionId);
  }

  /** An evidence file's bytes, checked against the hash the log holds. */
  evidence(actionId: string, sha256: string): { ref: AttachmentRef; bytes: Buffer } {
    const action = this.action(actionId);
    const ref = action.history.flatMap((h) => h.attachments ?? []).find((a) => a.sha256 === sha256);
    if (!ref) throw new ApiError({ code: 'not-found', message: m.notFound(`${actionId}/${sha256.slice(0, 12)}`) });
    try {
      return { ref, bytes: readAttachment(this.dir, ref) };
    } catch {
      throw new ApiError({ code: 'storage', message: RECORD_MESSAGES.attachmentDamaged(join(this.dir, ref.file)) });
    }
  }

  /**
   * Rectifications an inspection's sign-off decided, each under the id the sign-off gave it: opened once, so a
   * sign-off whose actions were not all written (a crash between) is completed at the next start by calling again.
   */
  openRectifications(specs: readonly { actionId: string; spec: ActionSpec }[], by: PersonRef): void {
    for (const { actionId, spec } of specs) {
      if (this.actions.has(actionId)) continue;
      this.append('action.opened', by, { actionId, spec, by });
    }
  }

  /** A draft of the action's plan was opened for it (the plan library holds the draft and names the action). */
  draftOpened(actionId: string, by: PersonRef): ActionView {
    const action = this.stillOpen(actionId);
    if (!action.spec.planId) throw new ApiError({ code: 'invalid-input', message: m.noPlan(actionId) });
    this.append('action.draftOpened', by, { actionId, planId: action.spec.planId, by });
    return this.get(actionId);
  }

  /** A published version that answers these actions closes each still open, naming the version. */
  closedByVersion(
    actionIds: readonly string[],
    version: { planId: string; version: number; contentHash: string },
    by: PersonRef,
  ): void {
    for (const actionId of actionIds) {
      const action = this.actions.get(actionId);
      if (!action || action.closed) continue;
      this.append('action.closed', by, {
        actionId,
        status: 'done',
        note: '',
        version,
        by,
      });
    }
  }

  close(): void {
    this.log.close();
  }

  private viewOf(action: ActionState): ActionView {
    const today = localDateOf(this.now(), this.options.timeZone());
    const daysLeft = daysBetween(today, action.spec.due);
    return { ...action, ...(action.closed ? {} : { daysLeft, overdue: daysLeft < 0 }) };
  }

  private action(actionId: string): ActionState {
    const action = this.actions.get(actionId);
    if (!action) throw new ApiError({ code: 'not-found', message: m.notFound(actionId) });
    return action;
  }

  private stillOpen(actionId: string): ActionState {
    const action = this.action(actionId);
    if (action.closed) throw new ApiError({ code: 'invalid-input', message: m.closed(actionId) });
    return action;
  }

  private store(file: { name: string; bytes: Uint8Array }): AttachmentRef {
    if (this.options.readOnly)
      throw new ApiError({ code: 'storage', message: m.notWritten(this.dir, FILE_MESSAGES.diskReason('EROFS')) });
    try {
      return storeAttachment(this.dir, file.name, file.bytes);
    } catch (error) {
      throw attachmentError(file.name, error);
    }
  }

  private append(type: string, by: PersonRef, data: unknown): void {
    try {
      this.log.append(type, by.userId, data);
    } catch (error) {
      if (!(error instanceof ChainWriteError)) throw error;
      throw new ApiError({ code: 'storage', message: m.notWritten(error.file, FILE_MESSAGES.diskReason(error.code)) });
    }
    this.actions = new Map(foldActions(this.log.entries).map((a) => [a.id, a]));
    this.options.onChange();
  }
}
