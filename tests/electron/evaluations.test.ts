// A drill's evaluation on a real data folder: each evaluator's latest rating counts and the consensus is the worst
// observed; the hot-wash closes it only once the drill has ended, linked to the run's head hash, and seals it with
// the installation's key (registered on the drills log). `records verify` then finds any tampering: a byte flipped,
// a line deleted, the whole journal re-chained and re-signed with another key, the seal cut off, the file deleted.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { EvaluationStore } from '../../electron/drills/evaluationStore';
import { ExerciseStore } from '../../electron/drills/exerciseStore';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import type { PlanLibrary } from '../../electron/plans/planLibrary';
import { ApiError } from '../../shared/api/errors';
import { ExerciseSpecSchema } from '../../shared/drills/exercise';
import { EVALUATION_FORMAT } from '../../shared/drills/evaluation';
import { chainEvent, GENESIS_HASH, journalLine, type JournalEvent } from '../../shared/journal/format';
import { verifyJournalText } from '../../shared/journal/verify';
import { nodeJournalCrypto, sha256Hex } from '../../electron/journal/nodeCrypto';
import { bundledLibrary, EngineHarness, tempDir } from '../support/runJournal';

const LEAD = { userId: 'u-lead', name: '钱评估' };
const SECOND = { userId: 'u-second', name: '孙评估' };

let plans: PlanLibrary;
beforeAll(async () => {
  plans = await bundledLibrary();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, text: out.join('\n') };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).body.message.en;
}

/** A fire drill started and evaluated by two evaluators, its run ended and the evaluation closed and sealed. */
async function sealedEvaluation() {
  const harness = new EngineHarness(plans);
  const exercises = ExerciseStore.open({
    dataDir: harness.dataDir,
    installation: 'test',
    plans,
    runs: harness.engine,
    now: harness.clock.now,
    schedule: () => () => {},
    onChange: () => {},
  });
  const key = loadOrCreateSigningKey(harness.dataDir);
  let changes = 0;
  const evaluations = new EvaluationStore({
    dataDir: harness.dataDir,
    exercises,
    runs: harness.engine,
    signingKey: () => key,
    now: harness.clock.now,
    onChange: () => changes++,
  });
  const spec = ExerciseSpecSchema.parse({
    title: '消防演练',
    planId: 'fire',
    planVersion: 1,
    scheduledAt: '2026-03-01T16:00:00+08:00',
    announced: true,
    objectives: [
      { id: 'alarm', text: '两分钟内报警', stepId: 'raise-alarm' },
      { id: 'evacuate', text: '疏散全部客户' },
    ],
    evaluators: [LEAD, SECOND],
  });
  const exercise = await exercises.plan(spec, LEAD);
  expect(await evaluations.get(exercise.id)).toBeUndefined();
  const { run } = await exercises.start(exercise.id, LEAD);

  await evaluations.rate(exercise.id, { objectiveId: 'alarm' }, 'P', '按时报警', LEAD);
  await evaluations.rate(exercise.id, { objectiveId: 'alarm' }, 'M', undefined, SECOND);
  await evaluations.rate(exercise.id, { objectiveId: 'alarm' }, 'S', '按下按钮前犹豫', SECOND); // the latest counts
  await evaluations.rate(exercise.id, { objectiveId: 'evacuate' }, 'U', undefined, LEAD);
  await evaluations.rate(exercise.id, { stepId: 'raise-alarm' }, 'S', '报警晚了 20 秒', LEAD);
  await evaluations.note(exercise.id, { kind: 'improvement', text: '火警按钮被柜子挡住', cause: 'resources' }, LEAD);
  expect(await refusal(evaluations.rate(exercise.id, { stepId: 'no-such-step' }, 'P', undefined, LEAD))).toContain(
    'no step',
  );
  expect(await refusal(evaluations.rate(exercise.id, { objectiveId: 'nope' }, 'P', undefined, LEAD))).toContain(
    'no objective',
  );
  expect(await refusal(evaluations.close(exercise.id, '复盘', LEAD))).toContain('still running');

  await harness.engine.command(run.runId, { type: 'abort', reason: '演练结束' }, LEAD.name);
  const ended = await harness.engine.read(run.runId);
  const closed = await evaluations.close(exercise.id, '整体达标；报警按钮需移位', LEAD);
  // Five ratings, a finding and the hot-wash: each told other windows (refusals told nothing).
  expect(changes).toBe(7);
  exercises.close();
  return { harness, exercise, run, ended, closed, evaluations, file: evaluations.file(exercise.id), key };
}

describe('an evaluation', () => {
  it('keeps each evaluator’s latest rating, the worst observed as consensus, and closes sealed, linked to the run', async () => {
    const { closed, run, ended, file, key, evaluations, exercise } = await sealedEvaluation();
    expect(closed.objectives).toEqual([
      expect.objectContaining({ id: 'alarm', consensus: 'S' }),
      expect.objectContaining({ id: 'evacuate', consensus: 'U' }),
    ]);
    expect(closed.objectives[0]!.ratings.map((r) => [r.evaluator.name, r.rating])).toEqual([
      ['钱评估', 'P'],
      ['孙评估', 'S'],
    ]);
    expect(closed.steps).toEqual([expect.objectContaining({ id: 'raise-alarm', consensus: 'S' })]);
    expect(closed.findings).toEqual([
      expect.objectContaining({ findingId: 'f-1', kind: 'improvement', cause: 'resources' }),
    ]);
    expect(closed.runId).toBe(run.runId);
    expect(closed.runHeadAtStart).not.toBe(ended.head);
    expect(closed.runHeadAtClose).toBe(ended.head);
    expect(closed.closed).toMatchObject({ hotWash: '整体达标；报警按钮需移位', by: LEAD });
    expect(closed.sealed?.keyId).toBe(key.keyId);

    const verified = verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, {
      format: EVALUATION_FORMAT,
      trustedKeys: [key.publicKey],
    });
    expect(verified).toMatchObject({ ok: true, seal: 'valid' });
    expect(await refusal(evaluations.rate(exercise.id, { objectiveId: 'alarm' }, 'P', undefined, LEAD))).toContain(
      'closed and sealed',
    );
    expect(await refusal(evaluations.close(exercise.id, 'again', LEAD))).toContain('closed and sealed');
  });
});

describe('records verify on evaluations', () => {
  it('passes a sealed evaluation against the data folder’s key and its registered seal', async () => {
    const { harness, file } = await sealedEvaluation();
    const r = await cli('records', 'verify', file, '--data-dir', harness.dataDir, '--lang', 'en');
    expect(r.text).toMatch(/^PASS .*: 9 events, .* fire v1 .*sealed, signature valid/);
    expect(r.code).toBe(0);
  });

  it('fails a byte flipped, a line deleted, a journal re-chained and re-signed with another key, a cut seal, a deleted file', async () => {
    const { harness, file } = await sealedEvaluation();
    const original = readFileSync(file, 'utf8');
    const verify = () => cli('records', 'verify', file, '--data-dir', harness.dataDir, '--lang', 'en');
    const lines = original.split('\n');

    writeFileSync(file, original.replace('按时报警', '按时报譬'));
    let r = await verify();
    expect(r.code).toBe(1);
    expect(r.text).toContain('bad-hash');

    writeFileSync(file, [...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
    r = await verify();
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/seq-gap|broken-chain/);

    // Every line rewritten and chained again, and sealed with a key of someone else's: intact, but not ours.
    const other = loadOrCreateSigningKey(tempDir('guardbook-other-key-'));
    const events = lines.filter(Boolean).map((l) => JSON.parse(l) as JournalEvent);
    const forged: JournalEvent[] = [];
    for (const event of events.slice(0, -1)) {
      const data = event.type === 'objective.rated' ? { ...(event.data as object), rating: 'P' } : event.data;
      forged.push(chainEvent(forged.at(-1)?.hash ?? GENESIS_HASH, { ...event, data }, sha256Hex));
    }
    const head = forged.at(-1)!.hash;
    const seal = { head, signature: other.sign(head), publicKey: other.publicKey, keyId: other.keyId };
    forged.push(chainEvent(head, { ...events.at(-1)!, data: seal }, sha256Hex));
    writeFileSync(file, forged.map(journalLine).join(''));
    r = await verify();
    expect(r.code).toBe(1);
    expect(r.text).toContain('untrusted-key');
    // Without a key to trust it reads as intact: only the pinned key (or the register) tells.
    expect((await cli('records', 'verify', file)).code).toBe(0);

    writeFileSync(file, lines.slice(0, -2).join('\n') + '\n');
    r = await verify();
    expect(r.code).toBe(1);
    expect(r.text).toContain('cut-after-seal');

    rmSync(file);
    r = await cli('records', 'verify', join(harness.dataDir, 'drills', 'evaluations'), '--data-dir', harness.dataDir);
    expect(r.code).toBe(1);
    expect(r.text).toContain('FAIL');
  });
});
