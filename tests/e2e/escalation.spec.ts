// Escalation end to end in Chromium: a robbery drill where hostages are taken offers "启动预案：劫持人质" as one big
// button with its key; the new drill is linked to the robbery both ways, in the runner, the journals and Records.
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { DONE, journalEvents, RUN_URL, runIdOf, UI } from './support/runner';

const HOSTAGE = '劫持人质现场处置方案';

test.describe('with axe', () => {
  // To inject axe-core (the app's CSP is kept in the next test, which renders the same button).
  test.use({ bypassCSP: true });

  test('a robbery drill escalates to hostage taking: one big button, linked both ways', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('checkbox', { name: /演练模式/ }).check();
    const robberyId = await UI.start(page, 'armed-robbery');
    await expect(page.locator('.run')).toHaveClass(/mode-drill/);
    await expect(page.locator('.follow-ons')).toHaveCount(0); // nothing to escalate to yet

    await UI.complete(page, 'press-alarm');
    for (const role of ['teller', 'guard']) {
      await UI.track(page, role).getByRole('button', { name: DONE }).click();
      await expect(UI.track(page, role)).toContainText('已完成');
    }
    await UI.track(page, 'branch-head').getByRole('button', { name: DONE }).click(); // the last track: the step is done
    await UI.complete(page, 'calm-suspect');
    await UI.complete(page, 'evacuate-customers');
    await UI.choose(page, 'hostage-check', '是，已劫持人质');

    // The robbery ended as escalated; the one thing to press now is the hostage plan, with Enter shown on it.
    await expect(page.locator('.end-outcome')).toBeVisible();
    const start = page.getByRole('button', { name: /^启动预案：劫持人质/ });
    await expect(start).toBeVisible();
    await expect(start).toBeInViewport();
    await expect(start.locator('kbd')).toHaveText('Enter');
    await expect(page.getByText('以演练方式启动，新演练记录与本次演练互相关联')).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);

    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(new RegExp(robberyId));
    await expect(page).toHaveURL(RUN_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTAGE);
    const hostageId = runIdOf(page);
    expect(hostageId).not.toBe(robberyId);
    await expect(page.locator('.run')).toHaveClass(/mode-drill/); // a drill escalates to a drill
    const from = page.getByTestId('escalated-from');
    await expect(from).toContainText('由“持械抢劫”升级而来');
    await expect(from).toContainText(robberyId);

    // Both journals say so: the new run where it came from, the old one where it went (after the new one's start).
    expect(journalEvents(guardbook, hostageId)[0]).toMatchObject({
      type: 'run.started',
      data: { mode: 'drill', from: { runId: robberyId, planId: 'armed-robbery' } },
    });
    expect(journalEvents(guardbook, robberyId).at(-1)).toMatchObject({
      type: 'run.escalated',
      data: { to: { runId: hostageId, planId: 'hostage-taking' }, step: 'hostage-check', option: 'hostage' },
    });

    // Back to the robbery through the link: it shows where it went, offers nothing more, and can still be signed off.
    await from.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/run/${robberyId}$`));
    await expect(page.getByTestId('escalated-to')).toContainText('已升级为“劫持人质”');
    await expect(page.locator('.follow-ons')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '签字并封存记录' })).toBeVisible();

    // Records: each record links to the other.
    await page.goto(guardbook.host.url.replace(/#.*$/, `#/records/${hostageId}`));
    const recordFrom = page.getByTestId('escalated-from');
    await expect(recordFrom).toContainText('由“持械抢劫”升级而来');
    await recordFrom.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/records/${robberyId}$`));
    await expect(page.locator('.record')).toHaveAttribute('data-run-id', robberyId);
    const recordTo = page.getByTestId('escalated-to');
    await expect(recordTo).toContainText('已升级为“劫持人质”');
    await expectNoAxeViolationsInBothThemes(page);
    await recordTo.getByRole('link').click();
    await expect(page.locator('.record')).toHaveAttribute('data-run-id', hostageId);
  });
});

test('while a run goes on, its follow-on key is E (Enter stays with 完成), in English too', async ({
  page,
  guardbook,
}) => {
  await guardbook.open(page);
  await page.getByRole('button', { name: 'English' }).click();
  const fireId = await UI.start(page, 'fire');
  await UI.step(page, 'raise-alarm')
    .getByRole('button', { name: /^Done\s*:/ })
    .click();
  await UI.step(page, 'assess-fire')
    .getByRole('button', { name: /^Spreading, or unsure/ })
    .click();
  for (const role of ['teller', 'lobby-manager', 'guard', 'branch-head']) {
    const track = UI.track(page, role);
    for (let i = 0; i < 2; i++)
      await track
        .getByRole('button', { name: /^Done\s*:/ })
        .first()
        .click();
    await expect(track.getByRole('button', { name: /^Done\s*:/ })).toHaveCount(0);
  }
  await UI.step(page, 'headcount')
    .getByRole('button', { name: /^Someone missing or hurt/ })
    .click();
  const start = page.getByRole('button', { name: /^Start plan: Medical emergency/ });
  await expect(start.locator('kbd')).toHaveText('E');
  await expect(
    UI.step(page, 'report-missing')
      .getByRole('button', { name: /^Done\s*:/ })
      .locator('kbd'),
  ).toHaveText('Enter');
  await page.keyboard.press('e');
  await expect(page).not.toHaveURL(new RegExp(fireId));
  await expect(page).toHaveURL(RUN_URL);
  await expect(page.getByTestId('escalated-from')).toContainText('Escalated from “Fire”');
  await expect(page.locator('.mode-banner')).toHaveAttribute('data-mode', 'incident');
});
