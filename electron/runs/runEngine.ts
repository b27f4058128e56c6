// The run engine: starts runs, checks each command against the run's current state, appends it to the
// journal (write + fsync) and only then applies it. State is always replay(plan, journal); the engine
// also writes overdue and timeout events when deadlines pass, including ones that passed while closed.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import type { ExerciseRef, JournalEventData, JournalEventType, RunMode } from '../../shared/journal/events';
import { refusalOf, type RunCommand } from '../../shared/run/commands';
import { closeOutTimeProblems } from '../../shared/run/closeOut';
import { pendingDeadlines } from '../../shared/run/deadlines';
import { offeredFollowOns } from '../../shared/run/followOns';
import { applyEvent, replayRun, type ReplayContext, type RunState } from '../../shared/run/runState';
import { contactNumber, type PhoneDirectory } from '../../shared/contacts/directory';
import { toRunView, type RunSummary, type RunView } from '../../shared/run/runView';
import { pick } from '../../shared/plan/labels';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { RUN_MESSAGES as m } from '../../shared/messages/run';
import { DRILL_MESSAGES as dm } from '../../shared/messages/drills';
import { joinText, text, type Text } from '../../shared/text';
import { contentHashOf } from '../plans/contentHash';
import type { PlanSource } from '../plans/planSource';
import { JournalSealedError, JournalWriteError } from '../journal/journalFile';
import { fileJournals, type JournalStore, type RunJournal } from './journalStore';
import type { SigningKey } from '../journal/signingKey';
import type { SealRegister } from '../journal/sealRegister';

export interface RunEngineOptions {
  runsDir: string;
  /** Files in `runsDir` unless told otherwise (memory, when nothing can be recorded). */
  journals?: JournalStore;
  plans: PlanSource;
  signingKey: () => SigningKey;
  /**
   * Every seal made here: written before a seal is acknowledged; a registered run is never resumed. The engine
   * closes it when it closes.
   */
  register: SealRegister;
  branch: () => { name: string; code: string };
  /** The branch's contact directory: its numbers win over a plan's (shared/contacts/directory.ts). */
  directory: () => PhoneDirectory;
  onChange: (view: RunView) => void;
  now?: () => Date;
  /** Timers are injectable so tests can drive time; production uses setTimeout. */
  schedule?: (at: Date, callback: () => void) => () => void;
}

/** Who signs off, proved by their PIN (checked by the caller, electron/people). */
export interface Signer {
  userId: string;
  name: string;
}

interface OpenRun {
  journal: RunJournal;
  state: RunState;
  context: ReplayContext;
  cancelTimer?: () => void;
  writeError?: JournalWriteError;
}

export class RunEngine {
  private readonly runs = new Map<string, OpenRun>();
  private readonly turns = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;
  private readonly schedule: NonNullable<RunEngineOptions['schedule']>;
  private readonly journals: JournalStore;

  constructor(private readonly options: RunEngineOptions) {
    this.journals = options.journals ?? fileJournals(options.runsDir);
    if (this.journals.durable) {
      // Journals are evidence: readable by their owner only.
      mkdirSync(options.runsDir, { recursive: true, mode: 0o700 });
      chmodSync(options.runsDir, 0o700);
    }
    this.now = options.now ?? (() => new Date());
    this.schedule =
      options.schedule ??
      ((at, callback) => {
        const timer = setTimeout(callback, Math.max(0, at.getTime() - Date.now()));
        return () => clearTimeout(timer);
      });
  }

  journalPath(runId: string): string {
    return this.journals.path(runId);
  }

  /**
   * Reopens every unfinished run (recovering torn tails) and records deadlines that passed while closed.
   * A run in the seal register is never reopened, whatever its journal says now (a sealed journal cut back to
   * an earlier prefix looks unfinished): the register, not the journal or the index, says what was sealed.
   * A sealed journal the register lacks (a crash between sealing and registering, or a folder from before the
   * register) is registered late when its seal is this installation's.
   */
  async resumeUnfinished(): Promise<{
    resumed: string[];
    registeredLate: string[];
    failed: { runId: string; error: string }[];
  }> {
    const resumed: string[] = [];
    const registeredLate: string[] = [];
    const failed: { runId: string; error: string }[] = [];
    for (const runId of this.journals.runIds()) {
      if (this.runs.has(runId) || this.options.register.has(runId)) continue;
      let journal: RunJournal | undefined;
      try {
        journal = (await this.journals.open(runId, { now: this.now })).journal;
        this.adopt(runId, journal);
        await this.catchUp(runId);
        resumed.push(runId);
      } catch (error) {
        if (!this.runs.has(runId)) await journal?.close(); // release the lock of a run we could not take up
        if (error instanceof JournalSealedError) {
          if (await this.registerLate(runId)) registeredLate.push(runId);
          continue;
        }
        failed.push({ runId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { resumed, registeredLate, failed };
  }

  /** Registers a sealed journal found unregistered, when it verifies and its seal is this installation's. */
  private async registerLate(runId: string): Promise<boolean> {
    const verification = await this.journals.read(runId);
    const seal = verification.events.at(-1);
    if (!verification.ok || verification.seal !== 'valid' || !seal) return false;
    if (verification.publicKey !== this.options.signingKey().publicKey) return false; // not ours to vouch for
    this.options.register.register({
      runId,
      events: verification.events.length,
      head: seal.hash,
      sealedAt: seal.at,
      keyId: verification.keyId!,
      late: true,
    });
    return true;
  }

  /** Starts a run; `exercise`: the announced drill exercise it is the run of (a drill, named in its first line). */
  async start(planId: string, mode: RunMode, operator: string | null, exercise?: ExerciseRef): Promise<RunView> {
    const view = await this.startRun(planId, mode, operator, undefined, exercise);
    this.options.onChange(view);
    return view;
  }

  /**
   * Declares a run started as a live incident an unannounced drill of `exercise`: appended, never a rewrite of what
   * was recorded. Allowed until the record is signed off (a drill found out after the fact is still a drill).
   */
  declareDrill(runId: string, exercise: ExerciseRef, by: { userId: string; name: string }): Promise<RunView> {
    return this.serialised(runId, async () => {
      const run = await this.writable(runId);
      if (run.state.mode === 'drill') throw invalid(dm.runAlreadyDrill(runId));
      if (run.state.status !== 'active' && run.state.status !== 'ended') throw invalid(dm.runNotOpen(runId));
      await this.append(runId, 'drill.declared', by.name, { exercise, userId: by.userId, name: by.name });
      return this.changed(runId);
    });
  }

  /** Delivers an exercise's inject to the players of a drill run that is still going. */
  deliverInject(runId: string, inject: JournalEventData<'inject.delivered'>, by: string | null): Promise<RunView> {
    return this.serialised(runId, async () => {
      const run = await this.writable(runId);
      if (run.state.mode !== 'drill' || run.state.exercise?.id !== inject.exerciseId) {
        throw invalid(dm.notRunning(inject.exerciseId));
      }
      if (run.state.status !== 'active') throw invalid(dm.runNotOpen(runId));
      if (run.state.injects.some((i) => i.injectId === inject.injectId)) {
        throw invalid(dm.injectAlreadyDelivered(inject.injectId));
      }
      await this.append(runId, 'inject.delivered', by, inject);
      return this.changed(runId);
    });
  }

  /** The open run, reopened after a failed write and with passed deadlines recorded: ready for one more event. */
  private async writable(runId: string): Promise<OpenRun> {
    const run = this.runs.get(runId);
    if (!run) throw this.journals.exists(runId) ? sealedRun() : notFoundRun(runId);
    if (run.writeError) await this.reopenAfterWriteError(runId, run);
    await this.catchUp(runId);
    return run;
  }

  /** Tells every window of the run's new state, and answers it. */
  private async changed(runId: string): Promise<RunView> {
    await this.catchUp(runId);
    const view = this.view(runId);
    this.options.onChange(view);
    return view;
  }

  /**
   * Starts the follow-on plan a run offers now (shared/run/followOns.ts) in the same mode, linked both ways: the new
   * run's `run.started` names where it came from, and once that line is durable the old run gets `run.escalated`.
   * The old run must still be writable (ended runs are, until sign-off). If only its line cannot be written, the
   * new run still goes on (the incident must not wait on a disk): the old run shows the write error.
   */
  escalate(runId: string, planId: string, by: string | null): Promise<RunView> {
    return this.serialised(runId, async () => {
      const run = this.runs.get(runId);
      if (!run) throw this.journals.exists(runId) ? sealedRun() : notFoundRun(runId);
      if (run.writeError) await this.reopenAfterWriteError(runId, run);
      await this.catchUp(runId);
      const offer = offeredFollowOns(run.state, run.context.steps).find((f) => f.planId === planId);
      if (!offer) throw notOffered(runId, planId);
      const from = { runId, planId: run.state.planRef.id };
      const view = await this.startRun(planId, run.state.mode, by ?? run.state.operator, from);
      try {
        await this.append(runId, 'run.escalated', by, {
          to: { runId: view.runId, planId },
          step: offer.step,
          ...(offer.option ? { option: offer.option } : {}),
        });
      } catch (error) {
        if (!(error instanceof ApiError && error.body.code === 'storage')) throw error;
      }
      if (this.runs.has(runId)) this.options.onChange(this.view(runId));
      this.options.onChange(view);
      return view;
    });
  }

  private async startRun(
    planId: string,
    mode: RunMode,
    operator: string | null,
    from?: { runId: string; planId: string },
    exercise?: ExerciseRef,
  ): Promise<RunView> {
    const detail = this.options.plans.get(planId);
    if (detail.summary.status !== 'published') {
      throw new ApiError({ code: 'invalid-input', message: m.planNotInUse(planId) });
    }
    if (!detail.plan || detail.summary.errors > 0) {
      throw new ApiError({
        code: 'invalid-input',
        message: m.planHasErrors(planId),
      });
    }
    const runId = newRunId(this.now());
    const journal = await this.guardWrite(runId, () =>
      this.journals.create(
        runId,
        operator,
        {
          runId,
          mode,
          plan: {
            id: detail.plan!.id,
            version: detail.plan!.version,
            contentHash: contentHashOf(detail.plan!),
            body: detail.plan!,
          },
          operator,
          branch: this.options.branch(),
          ...(from ? { from } : {}),
          ...(exercise ? { exercise } : {}),
        },
        { now: this.now },
      ),
    );
    this.adopt(runId, journal);
    await this.catchUp(runId);
    return this.view(runId);
  }

  /** Who acts in a run, as best known: its operator (people and roles arrive with user management). */
  operatorOf(runId: string): string | null {
    // Not open (sealed, unknown): null, so that `command` itself says which — not a misleading not-found here.
    return this.runs.get(runId)?.state.operator ?? null;
  }

  /** Runs open for writing (not yet sealed), newest first: offered for resume on start-up and on Home. */
  unfinished(): RunSummary[] {
    return [...this.runs.values()]
      .map(({ state, context }) => ({
        runId: state.runId,
        mode: state.mode,
        planId: state.planRef.id,
        planTitle: text(pick(state.plan.title, 'zh-CN'), pick(state.plan.title, 'en')),
        startedAt: state.startedAt,
        status: state.status,
        current: state.active.map((a) => a.step),
        // Titles of the steps someone works on (not a parallel step's frame), so Home need not load each run.
        currentTitles: state.active.flatMap(({ step: id }) => {
          const step = context.steps.get(id)?.step;
          if (!step || step.kind === 'end' || step.kind === 'parallel') return [];
          return [text(pick(step.title, 'zh-CN'), pick(step.title, 'en'))];
        }),
      }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /**
   * Commands to one run are judged and written one at a time: two windows tapping at once must not both be
   * judged against the same state (the second would then record a step that was no longer current).
   */
  command(runId: string, command: RunCommand, by: string | null, signer?: Signer): Promise<RunView> {
    return this.serialised(runId, () => this.runCommand(runId, command, by, signer));
  }

  private serialised<T>(runId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(runId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const turn = result.catch(() => {});
    this.turns.set(runId, turn);
    void turn.then(() => {
      if (this.turns.get(runId) === turn) this.turns.delete(runId);
    });
    return result;
  }

  private async runCommand(runId: string, command: RunCommand, by: string | null, signer?: Signer): Promise<RunView> {
    const run = this.runs.get(runId);
    if (!run) throw this.journals.exists(runId) ? sealedRun() : notFoundRun(runId);
    if (run.writeError) await this.reopenAfterWriteError(runId, run);
    // A deadline that passed (a late timer, a machine that slept) is recorded before the command is judged.
    await this.catchUp(runId);
    // Where nothing can be recorded a sign-off can never seal: say so first, not "fill in the close-out".
    if (command.type === 'signOff' && run.state.status === 'ended' && !this.journals.durable) throw nothingToSeal();
    const refusal = refusalOf(command, run.state, run.context);
    if (refusal) throw new ApiError({ code: 'invalid-input', message: refusal });
    switch (command.type) {
      case 'complete':
        await this.append(runId, 'step.completed', by, { step: command.step });
        break;
      case 'choose':
        await this.append(runId, 'option.chosen', by, { step: command.step, option: command.option });
        break;
      case 'check':
        await this.append(runId, 'checklist.ticked', by, { step: command.step, item: command.item });
        break;
      case 'called': {
        // The number the runner showed: the same rule, so the record says what was dialled.
        const phone = contactNumber(run.state.plan, command.contact, this.options.directory()) ?? '';
        await this.append(runId, 'contact.called', by, { step: command.step, contact: command.contact, phone });
        break;
      }
      case 'note':
        await this.append(runId, 'note.added', by, {
          text: command.text,
          ...(command.step ? { step: command.step } : {}),
        });
        break;
      case 'abort':
        await this.append(runId, 'run.aborted', by, { reason: command.reason });
        break;
      case 'closeOut': {
        const problems = closeOutTimeProblems(command.closeOut, run.state.startedAt, this.now());
        if (problems.length > 0) {
          throw new ApiError({
            code: 'invalid-input',
            message: joinText(problems.map((p) => p.message)),
          });
        }
        await this.append(runId, 'incident.closedOut', by, command.closeOut);
        break;
      }
      case 'signOff': {
        if (this.options.register.has(runId)) throw sealedRun(); // never sealed twice
        if (!this.journals.durable) throw nothingToSeal();
        // A PIN in the command is checked by the caller, who passes who it proved: never signed as verified without.
        if (command.pin && !signer) throw new Error('a PIN sign-off needs its signer checked first');
        const key = this.options.signingKey(); // before anything is written: without a key there is no seal
        // Built field by field: the command's PIN is never written.
        await this.append(runId, 'run.signedOff', by, {
          name: signer ? signer.name : command.name,
          ...(command.note ? { note: command.note } : {}),
          verified: signer !== undefined,
          ...(signer ? { userId: signer.userId } : {}),
        });
        const journal = this.open(runId).journal;
        const head = journal.head;
        await this.append(runId, 'run.sealed', 'system', {
          head,
          signature: key.sign(head),
          publicKey: key.publicKey,
          keyId: key.keyId,
        });
        // Registered before the seal is acknowledged: from now on a journal cut back to before it is damage.
        const sealed = journal.events.at(-1)!;
        try {
          this.options.register.register({
            runId,
            events: journal.events.length,
            head: sealed.hash,
            sealedAt: sealed.at,
            keyId: key.keyId,
          });
        } catch (error) {
          await this.closeRun(runId); // sealed on disk: registered late at the next start
          throw new ApiError({
            code: 'storage',
            message: m.sealRegisterUnwritten((error as NodeJS.ErrnoException).code ?? 'EIO'),
          });
        }
        break;
      }
    }
    await this.catchUp(runId);
    const view = this.view(runId);
    if (run.state.status === 'sealed') await this.closeRun(runId);
    this.options.onChange(view); // every window showing this run follows, not only the one that acted
    return view;
  }

  /**
   * After a failed write the journal's end is unknown: the next command first reopens it, which moves a torn
   * tail aside and records that (as a restart would). Once the disk has room again the run simply goes on, and
   * the history stops showing it as damaged; while it has none, the command is refused as before.
   */
  private async reopenAfterWriteError(runId: string, run: OpenRun): Promise<void> {
    await run.journal.close().catch(() => {});
    try {
      const { journal } = await this.journals.open(runId, { now: this.now });
      const { state, context } = replayRun(journal.events);
      Object.assign(run, { journal, state, context });
      delete run.writeError;
      this.options.onChange(this.view(runId));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      run.writeError = new JournalWriteError(this.journalPath(runId), typeof code === 'string' ? code : 'EIO', error);
      throw new ApiError({ code: 'storage', message: writeErrorText(run.writeError).message });
    }
  }

  async close(): Promise<void> {
    for (const runId of [...this.runs.keys()]) await this.closeRun(runId);
    this.options.register.close();
  }

  /** Reads any run, open or sealed, from its journal. */
  async read(runId: string): Promise<RunView> {
    const open = this.runs.get(runId);
    if (open) return this.view(runId);
    const verification = await this.journals.read(runId).catch(() => undefined);
    if (!verification || verification.events.length === 0) throw notFoundRun(runId);
    const { state, context } = replayRun(verification.events);
    return toRunView(state, context);
  }

  private adopt(runId: string, journal: RunJournal): void {
    const { state, context } = replayRun(journal.events);
    this.runs.set(runId, { journal, state, context });
  }

  private open(runId: string): OpenRun {
    const run = this.runs.get(runId);
    if (!run) throw notFoundRun(runId);
    return run;
  }

  private view(runId: string): RunView {
    const run = this.runs.get(runId);
    if (!run) throw notFoundRun(runId);
    const view = toRunView(run.state, run.context);
    return run.writeError ? { ...view, writeError: writeErrorText(run.writeError) } : view;
  }

  /** Appends and applies one event; the in-memory state changes only after the fsync succeeded. */
  private async append<T extends JournalEventType>(
    runId: string,
    type: T,
    by: string | null,
    data: JournalEventData<T>,
  ) {
    const run = this.open(runId);
    await this.guardWrite(runId, () => run.journal.append(type, by, data));
    // The journal may have written an event of its own first (`journal.rewritten`): apply all that is new.
    for (const event of run.journal.events.slice(run.state.events.length)) {
      run.state = applyEvent(run.state, event, run.context);
    }
  }

  private async guardWrite<T>(runId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof JournalWriteError) && !isFsError(error)) throw error;
      const failure =
        error instanceof JournalWriteError
          ? error
          : new JournalWriteError(this.journalPath(runId), (error as NodeJS.ErrnoException).code ?? 'EIO', error);
      const run = this.runs.get(runId);
      if (run) {
        run.writeError = failure;
        this.options.onChange(this.view(runId));
      }
      throw new ApiError({ code: 'storage', message: writeErrorText(failure).message });
    }
  }

  /** Writes the run's end once its machine is done, records every deadline that has passed, and sets the next timer. */
  private async catchUp(runId: string): Promise<void> {
    const run = this.open(runId);
    for (;;) {
      const { state, context } = run;
      if (state.status === 'active' && state.snapshot.status === 'done') {
        const output = state.snapshot.output!;
        await this.append(runId, 'run.ended', 'system', {
          outcome: output.outcome,
          ...(output.endStep ? { endStep: output.endStep } : {}),
        });
        continue;
      }
      const due = pendingDeadlines(state, context).find((d) => d.due.getTime() <= this.now().getTime());
      if (!due) break;
      if (due.kind === 'overdue') {
        await this.append(runId, 'step.overdue', 'system', {
          step: due.step,
          due: due.due.toISOString(),
          targetSeconds: due.seconds,
        });
      } else {
        await this.append(runId, 'step.timeout', 'system', {
          step: due.step,
          due: due.due.toISOString(),
          seconds: due.seconds,
        });
      }
    }
    run.cancelTimer?.();
    delete run.cancelTimer;
    const next = pendingDeadlines(run.state, run.context)[0];
    if (next) {
      run.cancelTimer = this.schedule(next.due, () => {
        delete run.cancelTimer;
        if (this.runs.get(runId) !== run) return; // closed (sealed) meanwhile
        const tell = () => {
          if (this.runs.has(runId)) this.options.onChange(this.view(runId)); // a write failure is in the view
        };
        this.serialised(runId, () => this.catchUp(runId)).then(tell, tell);
      });
    }
  }

  private async closeRun(runId: string): Promise<void> {
    const run = this.runs.get(runId);
    if (!run) return;
    run.cancelTimer?.();
    this.runs.delete(runId);
    await run.journal.close();
  }
}

/** Sortable by time, unique without coordination: 20261129T022548Z-3f9a1c. */
export function newRunId(now: Date): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

function sealedRun(): ApiError {
  return new ApiError({
    code: 'invalid-input',
    message: m.recordSealed(),
  });
}

function nothingToSeal(): ApiError {
  return new ApiError({
    code: 'storage',
    message: m.notRecordedCannotSeal(),
  });
}

function notOffered(runId: string, planId: string): ApiError {
  return new ApiError({
    code: 'invalid-input',
    message: m.followOnNotOffered(runId, planId),
  });
}

function notFoundRun(runId: string): ApiError {
  return new ApiError({ code: 'not-found', message: m.runNotFound(runId) });
}

function isFsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function writeErrorText(error: JournalWriteError): { code: string; message: Text } {
  return { code: error.code, message: m.journalWriteFailed(FILE_MESSAGES.diskReason(error.code)) };
}

function invalid(message: Text): ApiError {
  return new ApiError({ code: 'invalid-input', message });
}
