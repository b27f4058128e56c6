// The branch plan library through the browser edition: a manager's revision reviewed and approved by a second
// manager with a PIN, Home then starting version 2, records naming the version each run followed, and the backend
// refusing a guard's or a trainer's attempt to publish.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { addUser, apiOk, GUARD, lockIndicator, MANAGER, TRAINER, unlockAsAdmin } from './support/people';
import { callApi, DONE, homeUrl, RUN_URL, runIdOf } from './support/runner';
import { FILLED_DIRECTORY } from '../support/directory';

// To inject axe-core for the review screen's check; the app's own CSP is tested elsewhere (and the diagram's spec
// checks the plan screens with it in force).
test.use({ bypassCSP: true });

const SECOND_MANAGER = { name: '周审核', role: 'manager', pin: '314159' } as const;
const WATCH_ESCAPE = '记下逃跑方向和车辆特征，续报110';
const NOTE = '离开后先调取监控录像；记录车辆特征';

interface DraftView {
  draft: { revision: number; plan: Record<string, unknown>; submitted?: { contentHash: string } };
  contentHash?: string;
}

/** Opens the app in a new tab (its own session) unlocked as `user`. */
async function tabOf(page: Page, url: string, user: { id: string; name: string; pin: string }): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto(url);
  await apiOk(tab, 'session.unlock', { userId: user.id, pin: user.pin });
  await tab.reload();
  await expect(lockIndicator(tab)).toContainText(`已解锁：${user.name}`);
  return tab;
}

test('a manager revises the robbery plan in the editor; a second manager approves it with a PIN; Home starts version 2; each record names and opens the version it followed', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(90_000);
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const manager = { ...(await addUser(page, MANAGER)), pin: MANAGER.pin };
  const reviewer = { ...(await addUser(page, SECOND_MANAGER)), pin: SECOND_MANAGER.pin };
  const guard = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  await apiOk(page, 'settings.update', { contacts: FILLED_DIRECTORY });

  // A drill on version 1, before any revision.
  const before = await apiOk<{ runId: string; planRef: { version: number; contentHash: string } }>(page, 'runs.start', {
    planId: 'armed-robbery',
    mode: 'drill',
  });
  expect(before.planRef.version).toBe(1);

  // The manager revises the robbery plan in the editor.
  const author = await tabOf(page, guardbook.host.url, manager);
  await author.setViewportSize({ width: 1920, height: 1080 }); // a manager's desktop
  await author.goto(homeUrl(guardbook, '#/plans/armed-robbery'));
  await author.getByRole('button', { name: '修订' }).click();
  await expect(author).toHaveURL(/#\/plans\/armed-robbery\/edit$/);
  await expect(author.getByRole('heading', { name: /^编辑草稿：/ })).toBeVisible();
  const steps = author.getByRole('navigation', { name: '步骤' });
  const findings = author.getByRole('complementary', { name: '检查结果' });
  await expect(findings).toContainText('未发现问题');
  // A Chinese text.
  await steps.getByRole('button', { name: /记下逃跑方向/ }).click();
  await author.locator('#ed-step--watch-escape--title--zh-CN').fill(WATCH_ESCAPE);
  // A new step after it: nothing leads to it yet.
  await steps.getByRole('button', { name: '+ 操作' }).click();
  await author.locator('#ed-step--action-1--title--zh-CN').fill('调取监控录像');
  await author.locator('#ed-step--action-1--title--en').fill('Pull the CCTV footage');
  await author.locator('#ed-step--action-1--role').selectOption('guard');
  await expect(findings.getByRole('button', { name: /action-1.*从起始步骤无法到达此步骤/ })).toBeVisible();
  // The decision "has the robber left?" → "left" is reconnected to the new step; the diagram follows.
  await steps.getByRole('button', { name: /嫌疑人是否已离开网点/ }).click();
  await author.locator('#ed-step--robber-left--option--left--next').selectOption('action-1');
  await expect(findings.getByRole('button', { name: /action-1.*从起始步骤无法到达此步骤/ })).toHaveCount(0);
  await expect(
    author.locator('[data-testid^="rf__edge-"][data-testid*="robber-left"][data-testid*="action-1"]'),
  ).toHaveCount(1);
  // The new step pointed at itself: a dead end (a loop with no way out), which the findings show at once.
  await steps.getByRole('button', { name: /调取监控录像/ }).click();
  await author.locator('#ed-step--action-1--next').selectOption('action-1');
  await expect(findings.getByRole('button', { name: /action-1 步骤循环没有出口/ })).toBeVisible();
  // Fixed: it leads on to noting the escape.
  await author.locator('#ed-step--action-1--next').selectOption('watch-escape');
  await expect(findings).toContainText('未发现问题');
  await expect(author.getByTestId('save-state')).toContainText(/已于 \d\d:\d\d 保存/);
  await author.screenshot({ path: join(SCREENSHOT_DIR, 'editor.png'), fullPage: true });
  await author.getByRole('button', { name: '提交审核' }).click();
  const dialog = author.getByRole('dialog', { name: '提交审核' });
  await dialog.getByLabel('修改说明（必填）').fill(NOTE);
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(author.getByTestId('read-only')).toContainText('草稿已提交审核');
  const submitted = await apiOk<DraftView>(author, 'plans.draft', { planId: 'armed-robbery' });
  const hash = submitted.draft.submitted!.contentHash;

  // Neither a guard nor a trainer can publish it: the backend refuses, whatever the screen offers.
  for (const user of [guard, trainer]) {
    const tab = await tabOf(page, guardbook.host.url, user);
    const reply = await callApi(tab, 'plans.approve', { planId: 'armed-robbery', contentHash: hash, pin: user.pin });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('forbidden');
    await tab.close();
  }

  // The second manager reviews the diff and approves with their PIN.
  const review = await tabOf(page, guardbook.host.url, reviewer);
  await review.goto(homeUrl(guardbook, '#/plans/armed-robbery'));
  await expect(review.getByText('待审核')).toBeVisible();
  await review.getByRole('link', { name: '审核' }).click();
  await expect(review.getByRole('heading', { name: /^审核：/ })).toBeVisible();
  await expect(review.getByText(NOTE)).toBeVisible();
  // What changed: the new step, the reconnected option, and the edited title with its inserted words marked.
  const changes = review.locator('.diff-changes');
  await expect(changes).toContainText('+ 步骤 action-1「调取监控录像」新增');
  await expect(changes).toContainText('选项 left 下一步 watch-escape → action-1');
  await expect(changes.locator('ins')).toContainText('和车辆特征');
  // The diagram marks the new step.
  await expect(review.locator('.react-flow__node[data-id="action-1"]')).toContainText(/新增/);
  await expectNoAxeViolationsInBothThemes(review);
  await review.setViewportSize({ width: 1600, height: 1000 });
  await review.screenshot({ path: join(SCREENSHOT_DIR, 'review.png'), fullPage: true });
  await review.getByLabel('您的 PIN（批准即签字）').fill(SECOND_MANAGER.pin);
  await review.getByRole('button', { name: '批准并发布' }).click();
  await expect(review).toHaveURL(/#\/plans\/armed-robbery$/);
  await expect(review.getByText('第 2 版').first()).toBeVisible();
  await review.getByRole('link', { name: '版本历史' }).click();
  const current = review.locator('.version-entry[aria-current="true"]');
  await expect(current).toContainText('第 2 版');
  await expect(current).toContainText(MANAGER.name);
  await expect(current).toContainText(SECOND_MANAGER.name);
  await expect(current).toContainText(hash);

  // Home starts version 2 with one tap, in a window nobody has unlocked: the guard's.
  const guardTab = await page.context().newPage();
  await guardTab.goto(guardbook.host.url);
  await guardTab
    .getByRole('button', { name: /持械抢劫/ })
    .first()
    .click();
  await expect(guardTab).toHaveURL(RUN_URL);
  const runId = runIdOf(guardTab);
  await guardTab.getByRole('button', { name: DONE }).first().click();
  const after = await apiOk<{ planRef: { version: number; contentHash: string } }>(guardTab, 'runs.get', { runId });
  expect(after.planRef).toMatchObject({ version: 2, contentHash: hash });

  // Each record names the version it followed and opens it as it was.
  await review.goto(homeUrl(guardbook, `#/records/${encodeURIComponent(runId)}`));
  await expect(review.getByRole('heading', { name: '执行的预案版本（第 2 版）' })).toBeVisible();
  await expect(review.getByText(hash)).toBeVisible();
  // The plan as followed, opened: version 2's text.
  await review.getByText('展开查看本次执行时的预案原文').click();
  await expect(review.locator('.plan-as-run')).toContainText('调取监控录像');
  await review.goto(homeUrl(guardbook, `#/records/${encodeURIComponent(before.runId)}`));
  await expect(review.getByRole('heading', { name: '执行的预案版本（第 1 版）' })).toBeVisible();
  await expect(review.getByText(before.planRef.contentHash)).toBeVisible();
  await review.getByText('展开查看本次执行时的预案原文').click();
  await expect(review.locator('.plan-as-run')).toBeVisible();
  await expect(review.locator('.plan-as-run')).not.toContainText('调取监控录像');
});

test('a plan file that is not a plan is refused with its line, and the library does not change', async ({
  page,
  guardbook,
}) => {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const listBefore = await apiOk<unknown[]>(page, 'plans.list');
  await page.goto(homeUrl(guardbook, '#/plans'));
  await page.getByLabel('选择预案文件（.json）').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "id": "fire",\n  "version": 3,\n  "title": \n}\n'),
  });
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('文件未导入，预案库没有任何改动');
  await expect(refusal).toContainText(/broken\.json:\d+:\d+/);
  expect(await apiOk<unknown[]>(page, 'plans.list')).toEqual(listBefore);
});
