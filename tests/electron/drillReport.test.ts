// The drill report as data, from a drill run end to end on one test clock: the plan and its version, when it was
// planned and when it ran, participants with their plan roles, the injects as delivered, the steps as the journal
// timed them against the plan's targets, each objective with its measured time and its evaluators' ratings, the
// strengths and areas for improvement, the actions with owners and due dates, the hot-wash and the seal.
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionTracker } from '../../electron/actions/actionTracker';
import { EvaluationStore } from '../../electron/drills/evaluationStore';
import { ExerciseStore } from '../../electron/drills/exerciseStore';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import { drillReport } from '../../shared/drills/drillReport';
import { ExerciseSpecSchema } from '../../shared/drills/exercise';
import { bundledLibrary, EngineHarness } from '../support/runJournal';

const TRAINER = { userId: 'u-trainer', name: '陈培训' };
const GUARD = { userId: 'u-guard', name: '王保安' };

let plans: PlanLibrary;
beforeAll(async () => {
  plans = await bundledLibrary();
});

describe('the drill report', () => {
  it('states what the journals, the evaluation and the actions say, section by section', async () => {
    const harness = new EngineHarness(plans);
    const { clock, engine, dataDir } = harness;
    const exercises = ExerciseStore.open({
      dataDir,
      installation: 'test',
      plans,
      runs: engine,
      now: clock.now,
      schedule: () => () => {},
      onChange: () => {},
    });
    const key = loadOrCreateSigningKey(dataDir);
    const evaluations = new EvaluationStore({
      dataDir,
      exercises,
      runs: engine,
      signingKey: () => key,
      now: clock.now,
    });
    const actions = ActionTracker.open({
      dataDir,
      installation: 'test',
      now: clock.now,
      timeZone: () => 'Asia/Shanghai',
      onChange: () => {},
    });
    const exercise = await exercises.plan(
      ExerciseSpecSchema.parse({
        title: '2026年冬季消防演练',
        planId: 'fire',
        planVersion: 1,
        scheduledAt: '2026-03-01T16:00:00+08:00',
        announced: true,
        scenario: '营业中库房起火，烟雾进入营业厅',
        objectives: [
          { id: 'alarm', text: '30 秒内报警', stepId: 'raise-alarm' },
          { id: 'calm', text: '安抚客户' },
        ],
        participants: [
          { userId: GUARD.userId, name: GUARD.name, role: 'guard' },
          { name: '赵柜员', role: 'teller' },
        ],
        evaluators: [TRAINER],
        injects: [
          { id: 'smoke', contingency: true, text: '库房门缝冒烟', toRole: 'guard' },
          { id: 'late', atSeconds: 3600, text: '消防车到达' },
        ],
      }),
      TRAINER,
    );
    const { run } = await exercises.start(exercise.id, TRAINER);
    clock.advance(5);
    await exercises.fire(exercise.id, 'smoke', TRAINER);
    clock.advance(40); // 45 s on the alarm step: over its 30 s target
    await engine.command(run.runId, { type: 'complete', step: 'raise-alarm' }, GUARD.name);
    await engine.command(run.runId, { type: 'abort', reason: '演练结束' }, TRAINER.name);
    await evaluations.rate(exercise.id, { objectiveId: 'alarm' }, 'S', '报警用时 45 秒', TRAINER);
    await evaluations.rate(exercise.id, { stepId: 'raise-alarm' }, 'S', '按下按钮前犹豫', TRAINER);
    await evaluations.note(exercise.id, { kind: 'strength', text: '疏散路线清楚' }, TRAINER);
    await evaluations.note(
      exercise.id,
      { kind: 'improvement', text: '火警按钮被柜子挡住', cause: 'resources' },
      TRAINER,
    );
    await evaluations.close(exercise.id, '整体有序，报警偏慢', TRAINER);
    actions.open(
      {
        title: '火警按钮移到柜台外侧',
        source: { kind: 'drill', exerciseId: exercise.id, title: exercise.spec.title },
        owner: { name: '李主管' },
        due: '2026-03-20',
        planId: 'fire',
      },
      TRAINER,
    );

    const report = drillReport({
      exercise: await exercises.get(exercise.id),
      run: await engine.read(run.runId),
      evaluation: (await evaluations.get(exercise.id))!,
      actions: actions.list(),
    });
    exercises.close();
    actions.close();

    const started = new Date(clock.ms - 45_000).toISOString();
    expect(report.exercise).toEqual({
      id: exercise.id,
      title: '2026年冬季消防演练',
      announced: true,
      scenario: '营业中库房起火，烟雾进入营业厅',
    });
    expect(report.plan).toMatchObject({ id: 'fire', version: 1, title: { 'zh-CN': '营业网点火灾现场处置方案' } });
    expect(report.time).toEqual({
      scheduledAt: '2026-03-01T16:00:00+08:00',
      startedAt: started,
      endedAt: clock.iso(),
      seconds: 45,
    });
    expect(report.branch).toEqual({ name: '测试支行', code: 'T001' });
    expect(report.participants).toEqual([
      { name: GUARD.name, role: { 'zh-CN': '保安', en: 'Security guard' } },
      { name: '赵柜员', role: { 'zh-CN': '柜员', en: 'Teller' } },
    ]);
    expect(report.evaluators).toEqual([TRAINER.name]);
    expect(report.actors).toEqual(expect.arrayContaining([TRAINER.name, GUARD.name]));
    expect(report.injects).toEqual([
      { id: 'late', text: '消防车到达', atSeconds: 3600, contingency: false },
      {
        id: 'smoke',
        text: '库房门缝冒烟',
        to: { 'zh-CN': '保安', en: 'Security guard' },
        contingency: true,
        delivered: { at: new Date(Date.parse(started) + 5_000).toISOString(), scenarioSeconds: 5, manual: true },
      },
    ]);
    expect(report.steps[0]).toMatchObject({
      id: 'raise-alarm',
      seconds: 45,
      targetSeconds: 30,
      overTarget: true,
      consensus: 'S',
      observations: [`${TRAINER.name}：按下按钮前犹豫`],
    });
    expect(report.objectives).toEqual([
      expect.objectContaining({
        id: 'alarm',
        measured: { seconds: 45, targetSeconds: 30, overTarget: true },
        consensus: 'S',
        ratings: [{ evaluator: TRAINER.name, rating: 'S', observation: '报警用时 45 秒' }],
      }),
      { id: 'calm', text: '安抚客户', ratings: [] },
    ]);
    expect(report.strengths).toEqual(['疏散路线清楚']);
    expect(report.improvements).toEqual([{ text: '火警按钮被柜子挡住', cause: 'resources' }]);
    expect(report.actions).toEqual([
      expect.objectContaining({
        title: '火警按钮移到柜台外侧',
        owner: '李主管',
        due: '2026-03-20',
        status: 'open',
        overdue: false,
      }),
    ]);
    expect(report.hotWash).toBe('整体有序，报警偏慢');
    expect(report.evidence).toMatchObject({
      runId: run.runId,
      evaluationEvents: 7,
      evaluationSealed: { keyId: key.keyId },
    });
  });
});
