// The step chart on a record's screen, drawn from the visits the backend's replay recorded (RunView.visits): one bar
// per visit in the order the steps became current, with how each ended, and for a run in progress the open steps
// timed by the page's clock. How visits are recorded is tested in tests/shared/stepVisits.test.ts.
import type { Page } from '@playwright/test';
import type { RunView } from '../../shared/run/runViewSchema';
import { expect, test } from './support/fixtures';
import { shanghai, writeRuns } from './support/records';
import { callApi, homeUrl } from './support/runner';

const seeded: { fire?: string } = {};

async function viewOf(page: Page, runId: string): Promise<RunView> {
  const reply = await callApi(page, 'runs.get', { runId });
  expect(reply.ok).toBe(true);
  return reply.value as RunView;
}

test.describe('the step chart', () => {
  test.use({
    seed: {
      write: async (dataDir) => {
        [seeded.fire] = await writeRuns(dataDir, [
          {
            planId: 'fire',
            mode: 'drill',
            start: shanghai('2026-03-01', '10:00:00'),
            operator: '赵强',
            steps: [
              [12, { type: 'complete', step: 'raise-alarm' }],
              [20, { type: 'choose', step: 'assess-fire', option: 'small-fire' }],
              [50, { type: 'complete', step: 'fight-initial-fire' }],
              // The parallel step's 120 s timeout passes: the engine records it before the note.
              [80, { type: 'note', text: '火势扩大，转入疏散' }],
              [25, { type: 'complete', step: 'lock-cash' }],
              [10, { type: 'abort', reason: '演练到此结束' }],
            ],
          },
        ]);
      },
    },
  });

  test('draws one bar per recorded visit, through a timeout, tracks cut short and an abort', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const view = await viewOf(page, seeded.fire!);
    await page.goto(homeUrl(guardbook, `#/records/${seeded.fire}`));
    const rows = page.locator('.step-chart .chart-row');
    await expect(rows).toHaveCount(view.visits.length);
    expect(await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-step')))).toEqual(
      view.visits.map((v) => v.step),
    );
    for (const [i, visit] of view.visits.entries()) {
      const state = visit.targetSeconds === undefined ? 'no-target' : visit.overTarget ? 'over' : 'within';
      await expect(rows.nth(i), visit.step).toHaveClass(new RegExp(`\\bis-${state}\\b`));
      if (visit.parallel) await expect(rows.nth(i), visit.step).toHaveClass(/\bin-track\b/);
    }
    const row = (step: string) => page.locator(`.chart-row[data-step="${step}"]`);
    await expect(row('raise-alarm')).toContainText('0:12');
    await expect(row('initial-response')).toContainText('2:10');
    await expect(row('initial-response')).toContainText('超时自动转入');
    await expect(row('report-119-early')).toContainText('被中断');
    await expect(row('evacuate')).toContainText('0:35');
    await expect(row('evacuate')).toContainText('处置中止');
    // The teller's first evacuation step was done before the abort; the tracks still open were cut by it.
    await expect(row('lock-cash')).toContainText('0:25');
    await expect(row('lock-cash')).not.toContainText('处置中止');
    // Decisions and problems come from the same record.
    await expect(page.locator('.record-decisions')).toContainText('120 秒内未作选择，自动转入');
    await expect(page.locator('.problems')).toContainText('超时：');
    await expect(page.locator('.problems')).toContainText('处置中止，原因：演练到此结束');
  });

  test('times the open step of a run in progress by the page’s clock', async ({ page, guardbook }) => {
    await page.clock.install(); // time flows as usual; the test jumps it forward in this page only
    await guardbook.open(page);
    const started = await callApi(page, 'runs.start', { planId: 'armed-robbery', mode: 'incident' });
    const runId = (started.value as { runId: string }).runId;
    await page.goto(homeUrl(guardbook, `#/records/${runId}`));
    const alarm = page.locator('.chart-row[data-step="press-alarm"]');
    await expect(alarm).toContainText('进行中');
    await expect(alarm).toHaveClass(/is-within/);
    await expect(page.locator('.problems')).toHaveCount(0);
    // 40 s later by the page's clock: past the 10 s target, the open step is timed to now and shown as overdue.
    await page.clock.fastForward(40_000);
    await expect(alarm).toHaveClass(/is-over/);
    await expect(alarm).toContainText('进行中');
    await expect(page.locator('.problems')).toContainText('逾期：立即触发一键报警');
  });
});
