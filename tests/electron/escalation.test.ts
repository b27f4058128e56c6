// Escalation to a follow-on plan through the real backend on a temp data folder: robbery → hostage taking, linked both
// ways in the journals, refused where the run does not offer it, and after the old run is sealed.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, INDEX_FORMAT, RunIndex } from '../../electron/records/runIndex';
import type { JournalEvent } from '../../shared/journal/format';
import type { Plan } from '../../shared/plan/schema';
import { journalToCsv } from '../../shared/records/csvExport';
import type { RunRecord } from '../../shared/records/runSummary';
import type { RunView } from '../../shared/run/runViewSchema';
import { backendFixtures, refusal } from '../support/backends';

const fixtures = backendFixtures('guardbook-escalation-');

async function drill(planId: string) {
  const backend = await fixtures.start(fixtures.tempDir());
  const call = async (channel: string, input: unknown): Promise<RunView> => {
    const result = await backend.call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message.en}`);
    return result.value as RunView;
  };
  const started = await call('runs.start', { planId, mode: 'drill' });
  const command = (command: unknown) => call('runs.command', { runId: started.runId, command });
  return { backend, call, command, runId: started.runId };
}

/** Walks the robbery plan to the hostage question and answers it. */
async function robberyToHostage(run: Awaited<ReturnType<typeof drill>>): Promise<RunView> {
  await run.command({ type: 'complete', step: 'press-alarm' });
  for (const step of ['lock-cash', 'keep-distance', 'call-police', 'calm-suspect', 'evacuate-customers']) {
    await run.command({ type: 'complete', step });
  }
  return run.command({ type: 'choose', step: 'hostage-check', option: 'hostage' });
}

const journalLines = (backend: { runs: { journalPath(id: string): string } }, runId: string) =>
  readFileSync(backend.runs.journalPath(runId), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; by: string | null; data: Record<string, unknown> });

describe('escalation to a follow-on plan', () => {
  it('offers hostage taking once hostages are taken, starts it as a drill linked both ways, and only once', async () => {
    const run = await drill('armed-robbery');
    const before = await run.call('runs.get', { runId: run.runId });
    expect(before.followOns).toEqual([]);
    expect(before.silent).toBe(true);
    expect(before.escalatedTo).toEqual([]);

    const ended = await robberyToHostage(run);
    expect(ended.status).toBe('ended');
    expect(ended.outcome?.outcome).toBe('escalated');
    expect(ended.followOns).toEqual([{ planId: 'hostage-taking', step: 'hostage-check', option: 'hostage' }]);

    const next = await run.call('runs.escalate', { runId: run.runId, planId: 'hostage-taking' });
    expect(next.runId).not.toBe(run.runId);
    expect(next).toMatchObject({
      mode: 'drill',
      planRef: { id: 'hostage-taking' },
      status: 'active',
      silent: true,
      escalatedFrom: { runId: run.runId, planId: 'armed-robbery' },
    });

    const old = await run.call('runs.get', { runId: run.runId });
    expect(old.escalatedTo).toMatchObject([
      { runId: next.runId, planId: 'hostage-taking', step: 'hostage-check', option: 'hostage' },
    ]);
    expect(old.followOns).toEqual([]); // started once: not offered again
    expect(old.status).toBe('ended'); // the old run is still there to be signed off

    const oldLines = journalLines(run.backend, run.runId);
    expect(oldLines.at(-1)).toMatchObject({
      type: 'run.escalated',
      data: { to: { runId: next.runId, planId: 'hostage-taking' }, step: 'hostage-check', option: 'hostage' },
    });
    expect(journalLines(run.backend, next.runId)[0]).toMatchObject({
      type: 'run.started',
      data: { mode: 'drill', from: { runId: run.runId, planId: 'armed-robbery' } },
    });

    const again = await run.backend.call('runs.escalate', { runId: run.runId, planId: 'hostage-taking' });
    expect(refusal(again)).toMatchObject({ code: 'invalid-input' });
    expect(refusal(again).message.en).toBe(`Run "${run.runId}" does not offer the follow-on plan "hostage-taking" now`);
    expect(journalLines(run.backend, run.runId)).toHaveLength(oldLines.length);

    // Both records stand alone and verify; the old one can still be signed off and sealed.
    const signed = await run.command({ type: 'signOff', name: '张三' });
    expect(signed.status).toBe('sealed');
    expect(signed.escalatedTo.map((e) => e.runId)).toEqual([next.runId]);
    // The journal with run.escalated verifies as any other: sealed by this installation, checked now.
    const record = await run.backend.call('records.get', { runId: run.runId });
    expect(record).toMatchObject({ ok: true, value: { integrity: 'verified', status: 'sealed' } });
  });

  it('refuses a plan the run does not offer, an unknown run, and a sealed run, writing nothing', async () => {
    const run = await drill('armed-robbery');
    const offeredNothing = await run.backend.call('runs.escalate', { runId: run.runId, planId: 'hostage-taking' });
    expect(refusal(offeredNothing).code).toBe('invalid-input');
    expect(journalLines(run.backend, run.runId)).toHaveLength(1);
    expect((await run.call('runs.unfinished', {})) as unknown as unknown[]).toHaveLength(1);

    await robberyToHostage(run);
    const wrongPlan = await run.backend.call('runs.escalate', { runId: run.runId, planId: 'fire' });
    expect(refusal(wrongPlan).message['zh-CN']).toContain('“fire”');

    const unknown = await run.backend.call('runs.escalate', { runId: '20260101T000000Z-000000', planId: 'fire' });
    expect(refusal(unknown).code).toBe('not-found');

    await run.command({ type: 'signOff', name: '张三' });
    const sealed = await run.backend.call('runs.escalate', { runId: run.runId, planId: 'hostage-taking' });
    expect(refusal(sealed)).toMatchObject({
      code: 'invalid-input',
      message: { en: 'The record is sealed and cannot change' },
    });
    expect((await run.call('runs.unfinished', {})) as unknown as unknown[]).toHaveLength(0);
  });

  it('offers an option follow-on from its choice on, while the run goes on (fire → first aid)', async () => {
    const run = await drill('fire');
    await run.command({ type: 'complete', step: 'raise-alarm' });
    let view = await run.command({ type: 'choose', step: 'assess-fire', option: 'spreading' });
    expect(view.followOns).toEqual([]);
    const steps = ['lock-cash', 'shut-terminals', 'guide-customers', 'sweep-hall', 'open-exits', 'cut-power'];
    for (const step of [...steps, 'call-119', 'report-up']) await run.command({ type: 'complete', step });
    expect((await run.call('runs.get', { runId: run.runId })).followOns).toEqual([]);
    view = await run.command({ type: 'choose', step: 'headcount', option: 'missing-or-hurt' });
    expect(view.followOns).toEqual([{ planId: 'medical-emergency', step: 'headcount', option: 'missing-or-hurt' }]);
    view = await run.command({ type: 'complete', step: 'report-missing' });
    expect(view.followOns).toHaveLength(1); // a fact once chosen: still offered while the run goes on
    const medical = await run.call('runs.escalate', { runId: run.runId, planId: 'medical-emergency' });
    expect(medical).toMatchObject({ silent: false, escalatedFrom: { runId: run.runId, planId: 'fire' } });
    const fire = await run.call('runs.get', { runId: run.runId });
    expect(fire.status).toBe('active'); // escalating does not end the run it came from
    expect(fire.escalatedTo).toHaveLength(1);
    expect(fire.followOns).toEqual([]);
  });
});

describe('escalation in the records', () => {
  it('carries the links in both records, the CSV, and rebuilds an index written before they existed', async () => {
    const run = await drill('armed-robbery');
    await robberyToHostage(run);
    const next = await run.call('runs.escalate', { runId: run.runId, planId: 'hostage-taking' });
    const get = async (runId: string) => {
      const result = await run.backend.call('records.get', { runId });
      if (!result.ok) throw new Error(result.error.message.en);
      return result.value as RunRecord;
    };
    expect((await get(run.runId)).escalatedTo).toEqual([{ runId: next.runId, planId: 'hostage-taking' }]);
    expect((await get(next.runId)).escalatedFrom).toEqual({ runId: run.runId, planId: 'armed-robbery' });

    // The CSV as exported (records.export is a trainer's and needs a PIN: the same function, on the journal).
    const events = readFileSync(run.backend.runs.journalPath(run.runId), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalEvent);
    const text = journalToCsv(events, (events[0]!.data as { plan: { body: Plan } }).plan.body);
    expect(text).toContain(`升级：启动后续预案 hostage-taking（记录 ${next.runId}），因“是，已劫持人质”`);
    expect(text).toContain(`Escalated: started the follow-on plan hostage-taking (run ${next.runId})`);

    // An index of the previous layout is not read with the links missing: it is rebuilt from the journals.
    const runsDir = dirname(run.backend.runs.journalPath(run.runId));
    await fixtures.stop(run.backend);
    const indexPath = join(runsDir, INDEX_FILE);
    const current = readFileSync(indexPath, 'utf8');
    expect(current.startsWith(`{"format":${INDEX_FORMAT},`)).toBe(true);
    writeFileSync(indexPath, current.replace(`{"format":${INDEX_FORMAT},`, '{"format":1,'));
    const { index, report } = await RunIndex.load(runsDir);
    expect(report.rebuiltWhole).toBe(true);
    expect(index.get(next.runId)?.escalatedFrom).toEqual({ runId: run.runId, planId: 'armed-robbery' });
  });
});
