// Drill exercises on a real data folder: planned against the plan version they name, changed until they start,
// started as an announced drill or declared on a live run (unannounced) without rewriting a line of it, and their
// injects delivered into the run's journal on scenario time — which stops while the exercise is paused and goes on
// across a restart. The engine's and the store's timers are the test's to fire.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { ExerciseSpecInput } from '../../shared/drills/exercise';
import { ExerciseSpecSchema } from '../../shared/drills/exercise';
import { EXERCISE_LOG_FILE, EXERCISE_LOG_FORMAT } from '../../shared/drills/exerciseLog';
import { verifyJournalText } from '../../shared/journal/verify';
import { eventDescriber } from '../../shared/records/describeEvent';
import { summariseRun } from '../../shared/records/runSummary';
import { DRILLS_DIR, ExerciseStore } from '../../electron/drills/exerciseStore';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import { bundledLibrary, EngineHarness } from '../support/runJournal';

const TRAINER = { userId: 'u-trainer', name: '李教官' };

let plans: PlanLibrary;
beforeAll(async () => {
  plans = await bundledLibrary();
});

interface StoreTimer {
  at: Date;
  callback: () => void;
  cancelled: boolean;
}

/** An exercise store over a harnessed run engine, its timers held for the test. */
function drills(harness = new EngineHarness(plans)) {
  const timers: StoreTimer[] = [];
  let changes = 0;
  const open = () =>
    ExerciseStore.open({
      dataDir: harness.dataDir,
      installation: 'test',
      plans,
      runs: harness.engine,
      now: harness.clock.now,
      schedule: (at, callback) => {
        const timer = { at, callback, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
      onChange: () => changes++,
    });
  const store = open();
  return {
    harness,
    store,
    open,
    changes: () => changes,
    /** Timers set and not cancelled. */
    pending: () => timers.filter((t) => !t.cancelled),
    /** Moves the clock on and fires what fell due, letting the deliveries finish. */
    async advance(seconds: number) {
      harness.clock.advance(seconds);
      for (let round = 0; round < 10; round++) {
        await settle();
        const due = timers.filter((t) => !t.cancelled && t.at.getTime() <= harness.clock.ms);
        if (due.length === 0) return;
        for (const timer of due) {
          timer.cancelled = true;
          timer.callback();
        }
      }
    },
  };
}

/** Lets pending promise chains (a reschedule reads the run first) run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function fireDrill(overrides: Partial<ExerciseSpecInput> = {}) {
  return ExerciseSpecSchema.parse({
    title: '2026年下半年消防演练',
    planId: 'fire',
    planVersion: 1,
    scheduledAt: '2026-03-01T16:00:00+08:00',
    announced: true,
    scenario: '营业中库房起火',
    objectives: [
      { id: 'alarm', text: '两分钟内报警', stepId: 'raise-alarm' },
      { id: 'evacuate', text: '疏散客户', stepId: 'evacuate' },
    ],
    participants: [
      { userId: 'u-guard', name: '王保安', role: 'guard' },
      { name: '赵柜员', role: 'teller' },
    ],
    evaluators: [{ userId: 'u-eval', name: '钱评估' }],
    injects: [
      { id: 'smoke', atSeconds: 60, text: '库房门缝冒出浓烟', toRole: 'guard', expected: '按下火警按钮' },
      { id: 'customer', atSeconds: 180, text: '一位客户拒绝离开', toRole: 'lobby-manager', objectiveId: 'evacuate' },
      { id: 'no-water', contingency: true, text: '灭火器压力不足', expected: '改用消防栓' },
    ],
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; en: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const body = (error as ApiError).body;
  return { code: body.code, en: body.message.en };
}

describe('planning an exercise', () => {
  it('refuses one that does not fit its plan, saying where, and changes nothing', async () => {
    const { store } = drills();
    const spec = fireDrill({
      objectives: [{ id: 'alarm', text: '报警', stepId: 'no-such-step' }],
      participants: [{ name: '外来人员', role: 'cashier' }],
      injects: [{ id: 'x', atSeconds: 5, text: '注入', toRole: 'guard', objectiveId: 'nope' }],
    });
    const refused = await refusal(store.plan(spec, TRAINER));
    expect(refused.code).toBe('invalid-input');
    expect(refused.en).toContain('objectives[0].stepId');
    expect(refused.en).toContain('participants[0].role');
    expect(refused.en).toContain('injects[0].objectiveId');
    expect(await store.list()).toEqual([]);
    expect((await refusal(store.plan(fireDrill({ planVersion: 2 }), TRAINER))).en).toContain('not the published');
    expect((await refusal(store.plan(fireDrill({ planId: 'no-such-plan' }), TRAINER))).code).toBe('not-found');
  });

  it('keeps every change on the hash-chained drills log until it starts; then it can neither change nor be cancelled', async () => {
    const { store, harness } = drills();
    const planned = await store.plan(fireDrill(), TRAINER);
    expect(planned.id).toMatch(/^ex-\d{8}-[0-9a-f]{6}$/);
    expect(planned.status).toBe('planned');
    const changed = await store.update(planned.id, fireDrill({ title: '消防演练（改期）' }), TRAINER);
    expect(changed.spec.title).toBe('消防演练（改期）');
    expect(changed.updated?.by).toEqual(TRAINER);
    await store.start(planned.id, TRAINER);
    expect((await refusal(store.update(planned.id, fireDrill(), TRAINER))).en).toContain('has started');
    expect((await refusal(store.cancel(planned.id, '改期', TRAINER))).en).toContain('has started');
    expect((await refusal(store.start(planned.id, TRAINER))).en).toContain('has started');

    const other = await store.plan(fireDrill(), TRAINER);
    const cancelled = await store.cancel(other.id, '消防部门改期', TRAINER);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: { reason: '消防部门改期', by: TRAINER } });
    expect((await refusal(store.start(other.id, TRAINER))).en).toContain('was cancelled');

    const log = readFileSync(join(harness.dataDir, DRILLS_DIR, EXERCISE_LOG_FILE), 'utf8');
    const verified = verifyJournalText(log, nodeJournalCrypto, { format: EXERCISE_LOG_FORMAT });
    expect(verified.ok).toBe(true);
    expect(verified.events.map((e) => e.type)).toEqual([
      'drills.started',
      'exercise.planned',
      'exercise.updated',
      'exercise.started',
      'exercise.planned',
      'exercise.cancelled',
    ]);
    store.close();
  });
});

describe('an announced drill', () => {
  it('starts a drill run named after the exercise and delivers its injects on scenario time, which stops while paused', async () => {
    const d = drills();
    const { store, harness } = d;
    const exercise = await store.plan(fireDrill(), TRAINER);
    const { run } = await store.start(exercise.id, TRAINER);
    expect(run).toMatchObject({
      mode: 'drill',
      startedAs: 'drill',
      exercise: { id: exercise.id, title: exercise.spec.title },
    });
    expect(run.operator).toBe(TRAINER.name);
    await settle();
    expect(d.pending().map((t) => t.at.getTime() - harness.clock.ms)).toEqual([60_000]);

    await d.advance(59);
    expect((await harness.engine.read(run.runId)).injects).toEqual([]);
    await d.advance(1);
    const first = (await harness.engine.read(run.runId)).injects;
    expect(first).toEqual([
      expect.objectContaining({
        injectId: 'smoke',
        text: '库房门缝冒出浓烟',
        toRole: 'guard',
        scenarioSeconds: 60,
        manual: false,
        by: 'system',
      }),
    ]);
    // The expected action is for the console and the evaluators: it never reaches the run (nor the runner).
    expect(JSON.stringify(await harness.engine.read(run.runId))).not.toContain('按下火警按钮');

    // Paused at scenario 100 s for 10 minutes: the inject at 180 s comes 80 s after resuming, not during the pause.
    await d.advance(40);
    await store.pause(exercise.id, TRAINER);
    await settle();
    expect(d.pending()).toEqual([]);
    await d.advance(600);
    expect((await harness.engine.read(run.runId)).injects).toHaveLength(1);
    const resumed = await store.resume(exercise.id, TRAINER);
    expect(resumed.scenarioSeconds).toBe(100);
    await d.advance(79);
    expect((await harness.engine.read(run.runId)).injects).toHaveLength(1);
    await d.advance(1);
    const second = (await harness.engine.read(run.runId)).injects[1];
    expect(second).toMatchObject({ injectId: 'customer', scenarioSeconds: 180, manual: false });

    // A contingency inject goes only by hand, once, under the trainer's name.
    const fired = await store.fire(exercise.id, 'no-water', TRAINER);
    expect(fired.injects.at(-1)).toMatchObject({ injectId: 'no-water', manual: true, by: TRAINER.name });
    expect((await refusal(store.fire(exercise.id, 'no-water', TRAINER))).en).toContain('already been delivered');
    expect((await refusal(store.fire(exercise.id, 'nothing', TRAINER))).en).toContain('no inject');
    const view = await store.get(exercise.id);
    expect(view.delivered).toEqual(['smoke', 'customer', 'no-water']);

    const journal = readFileSync(harness.engine.journalPath(run.runId), 'utf8');
    const verified = verifyJournalText(journal, nodeJournalCrypto);
    expect(verified.ok).toBe(true);
    const delivered = verified.events.filter((e) => e.type === 'inject.delivered');
    expect(delivered).toHaveLength(3);
    const words = eventDescriber(run.plan)('inject.delivered', delivered[2]!.data);
    expect(words).toEqual({
      'zh-CN': expect.stringContaining('手动下达'),
      en: expect.stringContaining('fired by hand): 灭火器压力不足'),
    });
    expect(eventDescriber(run.plan)('inject.delivered', delivered[0]!.data).en).toBe(
      'Drill inject (at 1:00) to Security guard: 库房门缝冒出浓烟',
    );
    expect(summariseRun(verified.events, { integrity: 'not-sealed' }).exercise).toEqual({
      id: exercise.id,
      title: exercise.spec.title,
    });
    store.close();
  });

  it('delivers nothing more once its run has ended, and what fell due while the app was closed when it opens again', async () => {
    const d = drills();
    const exercise = await d.store.plan(fireDrill(), TRAINER);
    const { run } = await d.store.start(exercise.id, TRAINER);
    d.store.close();
    // Closed for five minutes: both scheduled injects are past due when the store opens again, delivered in order.
    d.harness.clock.advance(300);
    const reopened = d.open();
    await d.advance(0);
    const delivered = (await d.harness.engine.read(run.runId)).injects;
    expect(delivered.map((i) => [i.injectId, i.scenarioSeconds])).toEqual([
      ['smoke', 300],
      ['customer', 300],
    ]);
    await d.harness.engine.command(run.runId, { type: 'abort', reason: '演练提前结束' }, TRAINER.name);
    expect((await refusal(reopened.fire(exercise.id, 'no-water', TRAINER))).en).toContain('has ended');
    reopened.close();
  });
});

describe('an unannounced drill', () => {
  it('is declared on a live run without rewriting what was recorded: the run is a drill from then on', async () => {
    const { store, harness } = drills();
    const exercise = await store.plan(fireDrill({ announced: false }), TRAINER);
    expect((await refusal(store.start(exercise.id, TRAINER))).en).toContain('unannounced');

    const live = await harness.engine.start('fire', 'incident', '王保安');
    await harness.engine.command(live.runId, { type: 'complete', step: 'raise-alarm' }, '王保安');
    const before = readFileSync(harness.engine.journalPath(live.runId));

    const robbery = await harness.engine.start('armed-robbery', 'incident', '王保安');
    expect((await refusal(store.declare(exercise.id, robbery.runId, TRAINER))).en).toContain('does not follow');

    const { run } = await store.declare(exercise.id, live.runId, TRAINER);
    expect(run).toMatchObject({
      mode: 'drill',
      startedAs: 'incident',
      exercise: { id: exercise.id, declared: { userId: TRAINER.userId, name: TRAINER.name } },
    });
    const after = readFileSync(harness.engine.journalPath(live.runId));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const verified = verifyJournalText(after.toString('utf8'), nodeJournalCrypto);
    expect(verified.ok).toBe(true);
    expect(verified.events.map((e) => e.type)).toEqual(['run.started', 'step.completed', 'drill.declared']);
    expect((verified.events[0]!.data as { mode: string }).mode).toBe('incident');

    // A run already a drill is not declared again; an announced exercise is never declared.
    const other = await store.plan(fireDrill({ announced: false }), TRAINER);
    expect((await refusal(store.declare(other.id, live.runId, TRAINER))).en).toContain('already a drill');
    const announced = await store.plan(fireDrill(), TRAINER);
    const another = await harness.engine.start('fire', 'incident', null);
    expect((await refusal(store.declare(announced.id, another.runId, TRAINER))).en).toContain('announced');
    // The record's line says both facts, and the words for its events name the drill and what was delivered.
    const summary = summariseRun(verified.events, { integrity: 'not-sealed' });
    expect(summary).toMatchObject({
      mode: 'drill',
      exercise: { id: exercise.id, title: exercise.spec.title, declared: { name: TRAINER.name } },
    });
    const describe = eventDescriber(run.plan);
    expect(describe('drill.declared', verified.events[2]!.data).en).toContain('unannounced drill');
    // A declared drill needs no incident close-out: it is signed off as a drill.
    await harness.engine.command(live.runId, { type: 'abort', reason: '演练结束' }, TRAINER.name);
    const signed = await harness.engine.command(live.runId, { type: 'signOff', name: TRAINER.name }, TRAINER.name);
    expect(signed.status).toBe('sealed');
    store.close();
  });
});

describe('the drills log', () => {
  it('keeps a damaged log aside and carries over the exercises that still verify', async () => {
    const d = drills();
    const kept = await d.store.plan(fireDrill(), TRAINER);
    const lost = await d.store.plan(fireDrill({ title: '第二次' }), TRAINER);
    d.store.close();
    const file = join(d.harness.dataDir, DRILLS_DIR, EXERCISE_LOG_FILE);
    copyFileSync(file, `${file}.orig`);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('第二次', '第三次'); // the second exercise's line no longer matches its hash
    writeFileSync(file, lines.join('\n'));
    const reopened = d.open();
    expect(reopened.problems).toEqual([expect.stringContaining('line 3')]);
    expect((await reopened.list()).map((e) => e.id)).toEqual([kept.id]);
    expect(lost.id).not.toBe(kept.id);
    reopened.close();
  });
});
