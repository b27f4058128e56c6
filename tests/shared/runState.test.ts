// Run state is replay(plan, journal): deterministic, with refusals for what the run does not allow now, and
// deadlines written by the engine (live through injected timers, and after a restart with `due` and `at`).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { commandFor, refusalOf, type RunCommand } from '../../shared/run/commands';
import { replayRun } from '../../shared/run/runState';
import { toRunView, type RunView } from '../../shared/run/runView';
import { indexSteps } from '../../shared/plan/stepIndex';
import { JournalFile, JournalSealedError, readJournal } from '../../electron/journal/journalFile';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { PlanLibrary } from '../../electron/plans/planLibrary';
import {
  bundledLibrary,
  EngineHarness,
  fixtureLibrary,
  sketchPlan,
  T0,
  TestClock,
  tempDir,
} from '../support/runJournal';

let sketch: PlanLibrary;
let bundled: PlanLibrary;
beforeAll(async () => {
  [sketch, bundled] = await Promise.all([fixtureLibrary(), bundledLibrary()]);
});

const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();
const types = (view: RunView): string[] => view.timeline.map((e) => e.type);
const since = (view: RunView, from: number) =>
  view.timeline.slice(from).map(({ type, at, by, data }) => ({ type, at, by, data }));

async function refused(promise: Promise<unknown>, en: RegExp | string, code = 'invalid-input'): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).body.code).toBe(code);
  expect((error as ApiError).body.message.en).toMatch(en);
}

describe('replayRun is deterministic', () => {
  const action = fc.record({
    advance: fc.integer({ min: 0, max: 120 }),
    kind: fc.integer({ min: 0, max: 99 }),
    pick: fc.nat({ max: 10_000 }),
    // Any UTF-16, lone surrogates and control characters included: a note is the operator's free text.
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  });

  for (const planId of ['sketch-robbery', 'armed-robbery']) {
    it(`gives equal views for any valid command sequence on ${planId}`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 80 }), fc.boolean(), async (actions, signOff) => {
          const library = planId === 'sketch-robbery' ? sketch : bundled;
          let h = new EngineHarness(library);
          try {
            let view = await h.engine.start(planId, 'drill', '张三');
            const runId = view.runId;
            const steps = indexSteps(view.plan);
            for (const [i, a] of actions.entries()) {
              h.clock.advance(a.advance);
              if (a.kind === 99) {
                // The app is closed and started again: the next engine resumes from the journal alone.
                await h.engine.close();
                h = new EngineHarness(library, h.dataDir, h.clock);
                await h.engine.resumeUnfinished();
              }
              await h.fireDue(); // as setTimeout would have, before the operator's next tap
              view = await h.engine.read(runId);
              let command: RunCommand | undefined;
              const contacts = view.active.flatMap(({ step }) => {
                const def = steps.get(step)?.step;
                return def && 'contacts' in def ? (def.contacts ?? []).map((contact) => ({ step, contact })) : [];
              });
              if (view.status !== 'active') {
                if (a.kind < 20) command = { type: 'note', text: `${i} ${a.text}` };
              } else if (a.kind < 1) command = { type: 'abort', reason: `abort ${a.text}` };
              else if (a.kind < 15) {
                const step = view.active[a.pick % view.active.length]?.step;
                command = { type: 'note', text: `${i} ${a.text}`, ...(a.pick % 2 && step ? { step } : {}) };
              } else if (a.kind < 35 && contacts.length > 0)
                command = { type: 'called', ...contacts[a.pick % contacts.length]! };
              else if (view.available.length > 0) {
                command = commandFor(view.available[a.pick % view.available.length]!);
              }
              if (command) view = await h.engine.command(runId, command, i % 2 ? '李四' : null);
            }
            if (signOff && view.status === 'ended') {
              view = await h.engine.command(runId, { type: 'signOff', name: '王五' }, '王五');
            }
            // `view` was built incrementally (applyEvent per append); now replay the file from scratch.
            const events = (await readJournal(h.engine.journalPath(runId))).events;
            const once = replayRun(events);
            const twice = replayRun(events);
            const roundTrip = replayRun(JSON.parse(JSON.stringify(events)) as typeof events);
            const v1 = toRunView(once.state, once.context);
            expect(toRunView(twice.state, twice.context)).toEqual(v1);
            expect(toRunView(roundTrip.state, roundTrip.context)).toEqual(v1);
            expect(v1).toEqual(view);
            expect(v1.timeline.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
          } finally {
            await h.engine.close();
            rmSync(h.dataDir, { recursive: true, force: true });
          }
        }),
        { numRuns: 50 },
      );
    });
  }
});

describe('refusals', () => {
  it('refuses to complete a step that is not current, or cannot be completed', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await refused(
      h.engine.command(runId, { type: 'complete', step: 'call-police' }, null),
      'Step "call-police" is not a current step',
    );
    await refused(h.engine.command(runId, { type: 'complete', step: 'no-such-step' }, null), /is not a current step/);
    await h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null);
    // `protect` is current (its tracks run), but a parallel step is finished by its tracks, not completed.
    await refused(
      h.engine.command(runId, { type: 'complete', step: 'protect' }, null),
      'That cannot be done at step "protect" now',
    );
    await refused(
      h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null),
      /"raise-alarm" is not a current/,
    );
    const view = await h.engine.read(runId);
    expect(types(view)).toEqual(['run.started', 'step.completed']); // nothing refused was written
    await h.engine.close();
  });

  it('judges two taps that arrive at once one after the other: the second is refused, not recorded', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    const tap = () => h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, '张三');
    const results = await Promise.allSettled([tap(), tap()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const view = await h.engine.read(runId);
    expect(types(view)).toEqual(['run.started', 'step.completed']);
    await h.engine.close();
  });

  it('refuses an unknown option and an unknown checklist item', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null);
    await refused(
      h.engine.command(runId, { type: 'check', step: 'observe', item: 'shoes' }, null),
      'That cannot be done at step "observe" now',
    );
    await h.engine.command(runId, { type: 'check', step: 'observe', item: 'face' }, null);
    await h.engine.command(runId, { type: 'complete', step: 'observe' }, null);
    await refused(
      h.engine.command(runId, { type: 'choose', step: 'safe-to-engage', option: 'maybe' }, null),
      'That cannot be done at step "safe-to-engage" now',
    );
    // An option of another decision is unknown here too.
    await refused(
      h.engine.command(runId, { type: 'choose', step: 'lock-cash', option: 'yes' }, null),
      /at step "lock-cash"/,
    );
    await refused(
      h.engine.command(runId, { type: 'choose', step: 'anyone-hurt', option: 'no' }, null),
      /not a current step/,
    );
    const view = await h.engine.read(runId);
    expect(types(view)).toEqual(['run.started', 'step.completed', 'checklist.ticked', 'step.completed']);
    expect(view.checked).toEqual({ observe: ['face'] });
    await h.engine.close();
  });

  it('refuses a call to a contact the step does not list', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await refused(
      h.engine.command(runId, { type: 'called', step: 'raise-alarm', contact: 'police' }, null),
      'This step lists no contact "police"',
    );
    await refused(
      h.engine.command(runId, { type: 'called', step: 'call-police', contact: 'police' }, null),
      /not a current step/,
    );
    h.clock.advance(5);
    await h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null);
    h.clock.advance(600);
    await h.fireDue(); // protect times out → call-police
    await refused(
      h.engine.command(runId, { type: 'called', step: 'call-police', contact: 'ambulance' }, null),
      /lists no contact "ambulance"/,
    );
    const view = await h.engine.command(runId, { type: 'called', step: 'call-police', contact: 'police' }, '张三');
    expect(view.called).toEqual([{ step: 'call-police', contact: 'police', phone: '110', at: at(605) }]);
    await h.engine.close();
  });

  it('refuses every command but a note once the run has ended, and signOff while it is active', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await refused(
      h.engine.command(runId, { type: 'signOff', name: '王五' }, null),
      'The run has not ended yet: it cannot be signed off',
    );
    await h.engine.command(runId, { type: 'abort', reason: '误报' }, '张三');
    const ended = 'This run has ended';
    await refused(h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null), ended);
    await refused(h.engine.command(runId, { type: 'check', step: 'observe', item: 'face' }, null), ended);
    await refused(h.engine.command(runId, { type: 'choose', step: 'anyone-hurt', option: 'no' }, null), ended);
    await refused(h.engine.command(runId, { type: 'called', step: 'raise-alarm', contact: 'police' }, null), ended);
    await refused(h.engine.command(runId, { type: 'abort', reason: 'again' }, null), ended);
    const noted = await h.engine.command(runId, { type: 'note', text: '事后补记' }, '张三');
    expect(noted.notes.map((n) => n.text)).toEqual(['事后补记']);
    expect(types(noted)).toEqual(['run.started', 'run.aborted', 'run.ended', 'note.added']);
    await h.engine.close();
  });

  it('refuses signOff twice and a note after the seal', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await h.engine.command(runId, { type: 'abort', reason: '演练结束' }, '张三');
    await h.engine.command(runId, { type: 'signOff', name: '王五' }, '王五');
    const path = h.engine.journalPath(runId);
    const events = (await readJournal(path)).events;

    // refusalOf on the state after the sign-off, and after the seal.
    const signedOff = replayRun(events.slice(0, -1));
    expect(signedOff.state.status).toBe('signed-off');
    expect(refusalOf({ type: 'signOff', name: 'x' }, signedOff.state, signedOff.context)?.en).toBe(
      'Already signed off',
    );
    expect(refusalOf({ type: 'note', text: 'x' }, signedOff.state, signedOff.context)).toBeUndefined();
    const sealed = replayRun(events);
    expect(sealed.state.status).toBe('sealed');
    expect(refusalOf({ type: 'signOff', name: 'x' }, sealed.state, sealed.context)?.en).toBe('Already signed off');
    expect(refusalOf({ type: 'note', text: 'x' }, sealed.state, sealed.context)?.en).toBe(
      'The record is sealed and cannot change',
    );
    expect(refusalOf({ type: 'abort', reason: 'x' }, sealed.state, sealed.context)?.en).toBe('This run has ended');

    // The engine has closed the sealed run: both are refused as changes to a sealed record, and nothing is written.
    await refused(h.engine.command(runId, { type: 'signOff', name: '王五' }, null), /sealed/, 'invalid-input');
    await refused(h.engine.command(runId, { type: 'note', text: '封存后' }, null), /sealed/, 'invalid-input');
    expect((await readJournal(path)).events).toEqual(events);
    await h.engine.close();
  });
});

describe('deadlines', () => {
  /** The sketch plan with a 20 s target on `observe`, a step a decision can loop back to. */
  async function loopingLibrary(): Promise<PlanLibrary> {
    const plan = sketchPlan();
    const protect = plan.steps.find((s) => s.id === 'protect');
    if (protect?.kind !== 'parallel') throw new Error('protect is parallel');
    const observe = protect.tracks.flatMap((t) => t.steps).find((s) => s.id === 'observe');
    if (observe?.kind !== 'action') throw new Error('observe is an action');
    observe.targetSeconds = 20;
    const dir = tempDir('guardbook-looping-plans-');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sketch-robbery.json'), JSON.stringify(plan));
    return PlanLibrary.loadBundled(dir);
  }

  it('writes step.overdue once per visit of a step, with the due time, as the target passes', async () => {
    const h = new EngineHarness(await loopingLibrary());
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    expect(h.pending().map((t) => t.at.toISOString())).toEqual([at(10)]);
    h.clock.advance(10);
    expect(await h.fireDue()).toBe(1);
    let view = await h.engine.read(runId);
    expect(since(view, 1)).toEqual([
      { type: 'step.overdue', at: at(10), by: 'system', data: { step: 'raise-alarm', due: at(10), targetSeconds: 10 } },
    ]);
    expect(view.active).toEqual([{ step: 'raise-alarm', enteredAt: at(0), overdueAt: at(10) }]);
    expect(h.pending()).toEqual([]); // no timeout on raise-alarm, and its target is spent for this visit
    h.clock.advance(30);
    await h.engine.command(runId, { type: 'note', text: 'still here' }, null);
    view = await h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null);
    expect(view.overdue).toHaveLength(1);
    expect(view.active.find((a) => a.step === 'observe')).toEqual({
      step: 'observe',
      enteredAt: at(40),
      targetAt: at(60),
    });
    expect(view.active.find((a) => a.step === 'protect')).toMatchObject({ timeoutAt: at(640) });

    h.clock.advance(20);
    await h.fireDue();
    h.clock.advance(5);
    await h.engine.command(runId, { type: 'complete', step: 'observe' }, null);
    h.clock.advance(5);
    // Back to observe: a new visit, with its own target.
    view = await h.engine.command(runId, { type: 'choose', step: 'safe-to-engage', option: 'no' }, null);
    expect(view.active.find((a) => a.step === 'observe')).toEqual({
      step: 'observe',
      enteredAt: at(70),
      targetAt: at(90),
    });
    h.clock.advance(25);
    await h.fireDue();
    h.clock.advance(100);
    await h.fireDue();
    view = await h.engine.read(runId);
    expect(view.overdue).toEqual([
      { step: 'raise-alarm', due: at(10), at: at(10) },
      { step: 'observe', due: at(60), at: at(60) },
      { step: 'observe', due: at(90), at: at(95) },
    ]);
    expect(view.timeline.filter((e) => e.type === 'step.overdue').map((e) => e.data)).toEqual([
      { step: 'raise-alarm', due: at(10), targetSeconds: 10 },
      { step: 'observe', due: at(60), targetSeconds: 20 },
      { step: 'observe', due: at(90), targetSeconds: 20 },
    ]);
    await h.engine.close();
  });

  it('writes step.timeout when a hard timeout passes, and the run follows the timeout branch to its end', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    h.clock.advance(5);
    await h.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null); // before its 10 s target
    expect(h.pending().map((t) => t.at.toISOString())).toEqual([at(605)]);
    h.clock.advance(600);
    await h.fireDue();
    let view = await h.engine.read(runId);
    expect(since(view, 2)).toEqual([
      { type: 'step.timeout', at: at(605), by: 'system', data: { step: 'protect', due: at(605), seconds: 600 } },
    ]);
    expect(view.active).toEqual([{ step: 'call-police', enteredAt: at(605), targetAt: at(665), timeoutAt: at(905) }]);
    // One jump past both deadlines of call-police: overdue first, then the timeout, then the end.
    h.clock.advance(400);
    await h.fireDue();
    view = await h.engine.read(runId);
    expect(since(view, 3)).toEqual([
      {
        type: 'step.overdue',
        at: at(1005),
        by: 'system',
        data: { step: 'call-police', due: at(665), targetSeconds: 60 },
      },
      { type: 'step.timeout', at: at(1005), by: 'system', data: { step: 'call-police', due: at(905), seconds: 300 } },
      { type: 'run.ended', at: at(1005), by: 'system', data: { outcome: 'escalated', endStep: 'escalate' } },
    ]);
    expect(view).toMatchObject({ status: 'ended', active: [], outcome: { outcome: 'escalated', endStep: 'escalate' } });
    expect(h.pending()).toEqual([]);
    await h.engine.close();
  });

  it('writes the deadlines that passed while the app was closed on resume, with due and the later at', async () => {
    const clock = new TestClock();
    const dataDir = tempDir('guardbook-runs-');
    const first = new EngineHarness(sketch, dataDir, clock);
    const { runId } = await first.engine.start('sketch-robbery', 'drill', '张三');
    await first.engine.close();
    expect(first.pending()).toEqual([]); // closing cancels the timer

    clock.advance(30);
    const second = new EngineHarness(sketch, dataDir, clock);
    expect(await second.engine.resumeUnfinished()).toEqual({ resumed: [runId], registeredLate: [], failed: [] });
    let view = await second.engine.read(runId);
    expect(since(view, 1)).toEqual([
      { type: 'step.overdue', at: at(30), by: 'system', data: { step: 'raise-alarm', due: at(10), targetSeconds: 10 } },
    ]);
    expect(view.overdue).toEqual([{ step: 'raise-alarm', due: at(10), at: at(30) }]);
    await second.engine.command(runId, { type: 'complete', step: 'raise-alarm' }, null);
    await second.engine.close();

    clock.advance(2000);
    const third = new EngineHarness(sketch, dataDir, clock);
    await third.engine.resumeUnfinished();
    view = await third.engine.read(runId);
    expect(since(view, 3)).toEqual([
      { type: 'step.timeout', at: at(2030), by: 'system', data: { step: 'protect', due: at(630), seconds: 600 } },
    ]);
    // The branch is entered when the timeout is recorded, so its own clock starts then.
    expect(view.active).toEqual([
      { step: 'call-police', enteredAt: at(2030), targetAt: at(2090), timeoutAt: at(2330) },
    ]);
    expect(third.pending().map((t) => t.at.toISOString())).toEqual([at(2090)]);
    await third.engine.close();
    expect((await readJournal(third.engine.journalPath(runId))).ok).toBe(true);
  });

  it('never sets a timer for a run that has ended', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', null);
    expect(h.pending()).toHaveLength(1);
    await h.engine.command(runId, { type: 'abort', reason: 'x' }, null);
    expect(h.pending()).toEqual([]);
    await h.engine.close();
  });
});

describe('how a run ends', () => {
  it('writes run.ended as soon as an end step is reached', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'incident', '张三');
    const steps: RunCommand[] = [
      { type: 'complete', step: 'raise-alarm' },
      { type: 'complete', step: 'lock-cash' },
      { type: 'complete', step: 'observe' },
      { type: 'choose', step: 'safe-to-engage', option: 'yes' },
      { type: 'choose', step: 'anyone-hurt', option: 'no' },
      { type: 'called', step: 'call-police', contact: 'police' },
    ];
    let view: RunView | undefined;
    for (const command of steps) {
      h.clock.advance(3);
      view = await h.engine.command(runId, command, '张三');
      expect(view.status).toBe('active');
    }
    expect(view!.active.map((a) => a.step)).toEqual(['call-police']);
    h.clock.advance(3);
    view = await h.engine.command(runId, { type: 'complete', step: 'call-police' }, '张三');
    expect(since(view, view.timeline.length - 2)).toEqual([
      { type: 'step.completed', at: at(21), by: '张三', data: { step: 'call-police' } },
      { type: 'run.ended', at: at(21), by: 'system', data: { outcome: 'handed-to-police', endStep: 'handed-over' } },
    ]);
    expect(view).toMatchObject({
      status: 'ended',
      active: [],
      available: [],
      outcome: { outcome: 'handed-to-police', endStep: 'handed-over', at: at(21) },
    });
    expect(h.pending()).toEqual([]);
    expect(h.engine.unfinished().map((r) => [r.runId, r.status])).toEqual([[runId, 'ended']]);
    await h.engine.close();
  });

  it('writes run.aborted then run.ended with outcome aborted', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    h.clock.advance(4);
    const view = await h.engine.command(runId, { type: 'abort', reason: '误报，演练取消' }, '张三');
    expect(since(view, 1)).toEqual([
      { type: 'run.aborted', at: at(4), by: '张三', data: { reason: '误报，演练取消' } },
      { type: 'run.ended', at: at(4), by: 'system', data: { outcome: 'aborted' } },
    ]);
    expect(view.outcome).toEqual({ outcome: 'aborted', at: at(4), reason: '误报，演练取消' });
    expect(view.status).toBe('ended');
    await h.engine.close();
  });

  it('signs off: run.signedOff, then run.sealed signing the head; the sealed run is closed', async () => {
    const h = new EngineHarness(sketch);
    const { runId } = await h.engine.start('sketch-robbery', 'drill', '张三');
    await h.engine.command(runId, { type: 'abort', reason: '演练结束' }, '张三');
    h.clock.advance(60);
    const view = await h.engine.command(runId, { type: 'signOff', name: '王五', note: '已复核' }, '王五');
    const path = h.engine.journalPath(runId);
    const key = loadOrCreateSigningKey(h.dataDir);
    expect(types(view).slice(-2)).toEqual(['run.signedOff', 'run.sealed']);
    const [signedOff, sealedLine] = view.timeline.slice(-2);
    expect(signedOff).toMatchObject({ by: '王五', at: at(60), data: { name: '王五', note: '已复核' } });
    const events = (await readJournal(path)).events;
    const data = sealedLine!.data as { head: string; signature: string; publicKey: string; keyId: string };
    expect(data.head).toBe(events.at(-2)!.hash);
    expect(data).toMatchObject({ publicKey: key.publicKey, keyId: key.keyId });
    expect(nodeJournalCrypto.verifySignature(data.publicKey, data.head, data.signature)).toBe(true);
    expect(sealedLine!.by).toBe('system');
    expect(view).toMatchObject({
      status: 'sealed',
      signedOff: { name: '王五', note: '已复核', at: at(60) },
      sealed: { keyId: key.keyId, head: data.head, at: at(60) },
      head: events.at(-1)!.hash,
    });
    expect(await readJournal(path)).toMatchObject({ ok: true, seal: 'valid', keyId: key.keyId });

    // Closed: not offered for resume, the lock is released, the file is read-only evidence, read() still works.
    expect(h.engine.unfinished()).toEqual([]);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(h.pending()).toEqual([]);
    await expect(JournalFile.open(path)).rejects.toBeInstanceOf(JournalSealedError);
    expect(await h.engine.read(runId)).toEqual(view);
    await h.engine.close();
    const restarted = new EngineHarness(sketch, h.dataDir, h.clock);
    expect(await restarted.engine.resumeUnfinished()).toEqual({ resumed: [], registeredLate: [], failed: [] });
    expect(await restarted.engine.read(runId)).toEqual(view);
    await restarted.engine.close();
  });

  it('lists unfinished runs, newest first, and again after a restart', async () => {
    const h = new EngineHarness(sketch);
    const a = await h.engine.start('sketch-robbery', 'drill', null);
    h.clock.advance(60);
    const b = await h.engine.start('sketch-robbery', 'incident', null);
    h.clock.advance(60);
    const c = await h.engine.start('sketch-robbery', 'drill', null);
    h.clock.advance(1);
    await h.engine.command(c.runId, { type: 'complete', step: 'raise-alarm' }, null);
    await h.engine.command(b.runId, { type: 'abort', reason: 'x' }, null);
    const none = { none: true } as const; // a live incident is closed out before sign-off
    const closeOut = { losses: none, casualties: none, police: none, reports: none, followUp: none };
    await h.engine.command(b.runId, { type: 'closeOut', closeOut }, null);
    await h.engine.command(b.runId, { type: 'signOff', name: '王五' }, null);
    const d = await h.engine.start('sketch-robbery', 'drill', null);
    await h.engine.command(d.runId, { type: 'abort', reason: 'y' }, null);
    const expected = [
      { runId: d.runId, status: 'ended', current: [], mode: 'drill' },
      { runId: c.runId, status: 'active', current: ['protect', 'lock-cash', 'observe'], mode: 'drill' },
      { runId: a.runId, status: 'active', current: ['raise-alarm'], mode: 'drill' },
    ];
    expect(h.engine.unfinished()).toMatchObject(expected);
    expect(h.engine.unfinished()[2]).toMatchObject({
      planId: 'sketch-robbery',
      planTitle: { en: 'Armed robbery (test fixture)', 'zh-CN': '持械抢劫（测试用）' },
      startedAt: at(0),
    });
    await h.engine.close();
    expect(h.engine.unfinished()).toEqual([]);

    const restarted = new EngineHarness(sketch, h.dataDir, h.clock);
    const { resumed } = await restarted.engine.resumeUnfinished();
    expect(resumed.sort()).toEqual([a.runId, c.runId, d.runId].sort());
    expect(restarted.engine.unfinished()).toMatchObject(expected);
    await restarted.engine.close();
  });

  // An empty journal (a power cut between create's O_CREAT and its first fsynced line) is no run to resume:
  // it is reported, moved aside, and leaves no lock behind.
  it('releases the journal of a run it could not resume', async () => {
    const h = new EngineHarness(sketch);
    mkdirSync(h.runsDir, { recursive: true });
    const path = join(h.runsDir, '20260301T080000Z-000000.jsonl');
    writeFileSync(path, '');
    const { failed } = await h.engine.resumeUnfinished();
    expect(failed.map((f) => f.runId)).toEqual(['20260301T080000Z-000000']);
    expect(existsSync(`${path}.lock`)).toBe(false);
    await h.engine.close();
  });
});
