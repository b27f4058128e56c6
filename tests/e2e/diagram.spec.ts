// The plan's flow diagram on the plan detail screen (read-only), with the app's CSP in force (the layout runs in a
// module worker): a node per step, a decision's options on its edges, a parallel step's lanes holding their tracks'
// steps, selection by click and by keyboard, English labels, and no axe violations in either theme.
import type { Locator, Page } from '@playwright/test';
import type { DecisionStep, ParallelStep } from '../../shared/plan/schema';
import { edgeKey } from '../../renderer/src/diagram/planGraph';
import { loadBundledPlan } from '../support/bundledPlans';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { homeUrl } from './support/runner';

const plan = loadBundledPlan('armed-robbery.json');
const parallels = plan.steps.filter((s): s is ParallelStep => s.kind === 'parallel');
const decision = plan.steps.find((s): s is DecisionStep => s.kind === 'decision')!;
const stepCount =
  plan.steps.length + parallels.reduce((n, p) => n + p.tracks.reduce((m, t) => m + t.steps.length, 0), 0);

const diagram = (page: Page, name = '流程图') => page.getByRole('region', { name });
const node = (region: Locator, id: string) => region.locator(`.react-flow__node[data-id="${id}"]`);
const edgeLabel = (region: Locator, from: string, option: { id: string; next: string }) =>
  region.locator(`.diagram-edge-label[data-edge="${edgeKey(from, option.next, `option:${option.id}`)}"]`);

async function openDiagram(page: Page, guardbook: Parameters<typeof homeUrl>[0]): Promise<Locator> {
  await guardbook.open(page);
  await page.goto(homeUrl(guardbook, `#/plans/${plan.id}`));
  const region = diagram(page);
  // Laid out (in the worker) and drawn: every step has its node.
  await expect(region.locator('[data-step]')).toHaveCount(stepCount, { timeout: 15_000 });
  return region;
}

test.describe('the flow diagram under the app’s CSP', () => {
  test('draws every step, the options of a decision and the lanes of a parallel step', async ({ page, guardbook }) => {
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const region = await openDiagram(page, guardbook);

    // A node per top-level step, and nothing but: the same ids as the plan's.
    const topLevel = await region
      .locator('.react-flow__node:not(.react-flow__node-lane):not(.react-flow__node-start)')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!));
    const trackStepIds = new Set(parallels.flatMap((p) => p.tracks.flatMap((t) => t.steps.map((s) => s.id))));
    expect(topLevel.filter((id) => !trackStepIds.has(id)).sort()).toEqual(plan.steps.map((s) => s.id).sort());
    await expect(node(region, plan.start)).toContainText('起点');
    await expect(region.locator('.react-flow__node-start')).toHaveText('▶ 开始');

    // The decision's options label its edges.
    for (const option of decision.options) {
      await expect(edgeLabel(region, decision.id, option)).toHaveText(option.label['zh-CN']!);
    }

    // Each track of each parallel step is a lane under its role, holding that track's steps.
    const roleTitle = new Map(plan.roles.map((r) => [r.id, r.title['zh-CN']!]));
    await expect(region.locator('.react-flow__node-lane')).toHaveCount(
      parallels.reduce((n, p) => n + p.tracks.length, 0),
    );
    const parallel = parallels[0]!;
    for (const track of parallel.tracks) {
      const lane = node(region, `${parallel.id}::lane::${track.role}`);
      await expect(lane).toContainText(roleTitle.get(track.role)!);
      const laneBox = (await lane.boundingBox())!;
      for (const step of track.steps) {
        const box = (await node(region, step.id).boundingBox())!;
        expect(box.x, step.id).toBeGreaterThanOrEqual(laneBox.x);
        expect(box.y, step.id).toBeGreaterThanOrEqual(laneBox.y);
        expect(box.x + box.width, step.id).toBeLessThanOrEqual(laneBox.x + laneBox.width + 0.5);
        expect(box.y + box.height, step.id).toBeLessThanOrEqual(laneBox.y + laneBox.height + 0.5);
      }
    }
    expect(errors).toEqual([]);
  });

  test('a click or Enter on a step selects it', async ({ page, guardbook }) => {
    const region = await openDiagram(page, guardbook);
    const first = node(region, plan.start);
    await first.click();
    await expect(first).toHaveClass(/\bselected\b/);
    await expect(first).toHaveAttribute('aria-label', /已选中$/);

    const next = node(region, parallels[0]!.id);
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(next).toHaveClass(/\bselected\b/);
    await expect(first).not.toHaveClass(/\bselected\b/);
  });

  test('speaks English when the app does', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(homeUrl(guardbook, `#/plans/${plan.id}`));
    const region = diagram(page, 'Flow diagram');
    await expect(region.locator('[data-step]')).toHaveCount(stepCount, { timeout: 15_000 });
    await expect(node(region, plan.start)).toContainText('First');
    const option = decision.options[0]!;
    await expect(edgeLabel(region, decision.id, option)).toHaveText(option.label.en!);
  });
});

test.describe('the flow diagram’s accessibility', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the CSP is in force in the tests above

  test('has no axe violations in either theme, with a step selected', async ({ page, guardbook }) => {
    const region = await openDiagram(page, guardbook);
    // The plan opens on its first screenful at a readable size; "show all" brings the decision in.
    await region.getByRole('button', { name: '显示全部' }).click();
    await node(region, decision.id).click();
    await expect(node(region, decision.id)).toHaveClass(/\bselected\b/);
    await expectNoAxeViolationsInBothThemes(page);
  });
});
