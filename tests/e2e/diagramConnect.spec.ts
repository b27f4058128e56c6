// Reconnecting a decision by drawing on the editor's diagram: a drag from the option's handle onto another step
// changes where that option leads, as the form then shows (a small plan, so every step is in the diagram's frame).
import { expect, test } from './support/fixtures';
import { apiOk, unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';
import { minimalPlan } from '../fixtures/minimalPlan';

test('a drag from a decision option onto a step reconnects the option', async ({ page, guardbook }) => {
  await guardbook.open(page);
  await unlockAsAdmin(page); // an administrator may do what a manager may
  const imported = await apiOk<{ accepted: boolean }>(page, 'plans.import', {
    fileName: 'minimal.json',
    content: JSON.stringify(minimalPlan()),
  });
  expect(imported.accepted).toBe(true);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(homeUrl(guardbook, '#/plans/minimal/edit'));
  await page
    .getByRole('navigation', { name: '步骤' })
    .getByRole('button', { name: /评估情况/ })
    .click();
  const minor = page.locator('#ed-step--assess--option--minor--next');
  await expect(minor).toHaveValue('done');

  const handle = page.locator('.react-flow__handle[data-nodeid="assess"][data-handleid="option:minor"]');
  const target = page.locator('.react-flow__node[data-id="alarm"]');
  await expect(target).toBeVisible();
  // The form keeps focus on what was clicked; the diagram is below it: bring it on screen, still.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('.editor-diagram').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await expect(handle).toBeInViewport();
  await expect(target).toBeInViewport();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();

  await expect(minor).toHaveValue('alarm');
  // And it is what the draft holds once autosaved.
  await expect
    .poll(async () => {
      const view = await apiOk<{
        draft: { plan: { steps: { id: string; options?: { id: string; next: string }[] }[] } };
      }>(page, 'plans.draft', { planId: 'minimal' });
      return view.draft.plan.steps.find((s) => s.id === 'assess')?.options?.find((o) => o.id === 'minor')?.next;
    })
    .toBe('alarm');
});
