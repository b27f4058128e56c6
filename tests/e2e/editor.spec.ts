// The plan editor through the browser edition, as a security manager: starting a revision of the fire plan, editing
// its Chinese title, adding a step and following the finding it raises to its input, connecting the step, autosave
// surviving a reload, undo/redo from the keyboard, Alt+↓ reordering, and submitting for review (then read-only).
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { addUser, apiOk, lockIndicator, MANAGER, TRAINER, unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';

const TITLE = '营业网点火灾现场处置方案（本网点修订）';

const findingsPanel = (page: Page) => page.getByRole('complementary', { name: '检查结果' });
const stepList = (page: Page) => page.getByRole('navigation', { name: '步骤' });
const saveState = (page: Page) => page.getByTestId('save-state');

/** The ids of the top-level steps in the list, in order. */
const topLevelOrder = (page: Page) =>
  page
    .locator('.ed-step-tree > li > button')
    .evaluateAll((buttons) => buttons.map((b) => b.id.replace(/^ed-list-/, '')));

test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

test('a manager revises the fire plan in the editor, and submits it for review', async ({ page, guardbook }) => {
  test.setTimeout(60_000); // a dozen autosaves, each redrawing the diagram
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const manager = await addUser(page, MANAGER);
  await apiOk(page, 'session.unlock', { userId: manager.id, pin: MANAGER.pin });
  await page.goto(homeUrl(guardbook, '#/plans/fire/edit'));
  await expect(lockIndicator(page)).toContainText(`已解锁：${MANAGER.name}`);

  // No draft yet: the editor offers to start one from the version in use.
  await expect(page.getByRole('heading', { name: '此预案没有草稿' })).toBeVisible();
  await page.getByRole('button', { name: '开始修订' }).click();
  await expect(page.getByRole('heading', { name: '编辑草稿：营业网点火灾现场处置方案' })).toBeVisible();
  await expect(page.locator('.editor-facts')).toContainText('基于第 1 版');
  await expect(page.locator('.editor-facts')).toContainText('修订');
  // The branch has not filled in two of the plan's contacts: the library says so, and submitting waits for it.
  await expect(findingsPanel(page)).toContainText('2 个错误，0 个警告');
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await expect(page.locator('#submit-blocked')).toHaveText('还有 2 个错误：修正后才能提交审核');
  await apiOk(page, 'settings.update', {
    contacts: {
      'head-office-security': { phones: ['010-6660 0110'] },
      'property-management': { phones: ['0571-8888 1234'] },
    },
  });

  // The Chinese title, typed: saved by itself a moment later (and checked by the library again).
  await page.getByLabel('标题 中文', { exact: true }).fill(TITLE);
  await expect(page.getByRole('heading', { name: `编辑草稿：${TITLE}` })).toBeVisible();
  await expect(saveState(page)).toContainText(/已于 \d\d:\d\d 保存/);
  await expect(findingsPanel(page)).toContainText('未发现问题');

  // A step after "guard the cash area": nothing leads to it yet, and the findings say so.
  await stepList(page)
    .getByRole('button', { name: /警戒现场，看护现金区/ })
    .click();
  await stepList(page).getByRole('button', { name: '+ 操作' }).click();
  const title = page.locator('#ed-step--action-1--title--zh-CN');
  await expect(title).toBeFocused();
  await title.fill('通知上级行保卫部门');
  await page.locator('#ed-step--action-1--title--en').fill('Notify head-office security');
  const unreachable = findingsPanel(page).getByRole('button', { name: /action-1.*从起始步骤无法到达此步骤/ });
  await expect(unreachable).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page);

  // The finding takes the manager to the step and its input, from wherever they are.
  await stepList(page).getByRole('button', { name: '预案信息、角色与联系人' }).click();
  await unreachable.click();
  await expect(page.getByRole('heading', { name: '操作步骤：通知上级行保卫部门' })).toBeVisible();
  await expect(title).toBeFocused();
  await findingsPanel(page)
    .getByRole('button', { name: /action-1.*此步骤未指定负责角色/ })
    .click();
  await expect(page.locator('#ed-step--action-1--role')).toBeFocused();
  await page.locator('#ed-step--action-1--role').selectOption('guard');

  // Fixed by connecting the step it follows to it.
  await stepList(page)
    .getByRole('button', { name: /警戒现场，看护现金区/ })
    .click();
  await page.locator('#ed-step--guard-cash-area--next').selectOption('action-1');
  await expect(unreachable).toHaveCount(0);
  await expect(findingsPanel(page)).toContainText('未发现问题');
  await expect(saveState(page)).toContainText(/已于 \d\d:\d\d 保存/);

  // Autosaved: a reload finds every edit.
  await page.reload();
  await expect(page.getByRole('heading', { name: `编辑草稿：${TITLE}` })).toBeVisible();
  await stepList(page)
    .getByRole('button', { name: /通知上级行保卫部门/ })
    .click();
  await expect(page.locator('#ed-step--action-1--role')).toHaveValue('guard');
  expect(await topLevelOrder(page)).toContain('action-1');

  // Undo and redo from the keyboard, in a text field as anywhere else.
  const english = page.locator('#ed-step--action-1--title--en');
  await english.fill('Notify head-office security at once');
  await page.keyboard.press('Control+z');
  await expect(english).toHaveValue('Notify head-office security');
  await page.keyboard.press('Control+Shift+z');
  await expect(english).toHaveValue('Notify head-office security at once');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(english).toHaveValue('Notify head-office security at once');

  // Alt+↓ on the selected step moves it down its list, keeping the focus on it.
  const order = await topLevelOrder(page);
  const at = order.indexOf('action-1');
  await stepList(page)
    .getByRole('button', { name: /通知上级行保卫部门/ })
    .focus();
  await page.keyboard.press('Alt+ArrowDown');
  const moved = [...order];
  moved.splice(at, 2, order[at + 1]!, 'action-1');
  await expect.poll(() => topLevelOrder(page)).toEqual(moved);
  await expect(page.locator('#ed-list-action-1')).toBeFocused();
  await expect(saveState(page)).toContainText(/已于 \d\d:\d\d 保存/);

  // Submitted for review with its note: read-only from then on, saying who submitted it and why.
  await page.getByRole('button', { name: '提交审核' }).click();
  const dialog = page.getByRole('dialog', { name: '提交审核' });
  await dialog.getByLabel('修改说明（必填）').fill('增加通知上级行保卫部门的步骤');
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const readOnly = page.getByTestId('read-only');
  await expect(readOnly).toContainText('草稿已提交审核');
  await expect(readOnly).toContainText(`提交人：${MANAGER.name}`);
  await expect(readOnly).toContainText('修改说明：增加通知上级行保卫部门的步骤');
  await expect(page.locator('.editor-facts')).toContainText('审核中');
  await expect(english).toBeDisabled();
  await expect(page.getByRole('button', { name: '撤销' })).toBeDisabled();
  const draft = await apiOk<{ draft: { status: string; plan: { title: { 'zh-CN': string } } } }>(page, 'plans.draft', {
    planId: 'fire',
  });
  expect(draft.draft.status).toBe('in-review');
  expect(draft.draft.plan.title['zh-CN']).toBe(TITLE);
  await expectNoAxeViolationsInBothThemes(page);
});

test('a draft saved elsewhere meanwhile stops saving here and offers to reload; a trainer only reads it', async ({
  page,
  guardbook,
}) => {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const manager = await addUser(page, MANAGER);
  const trainer = await addUser(page, TRAINER);
  await apiOk(page, 'session.unlock', { userId: manager.id, pin: MANAGER.pin });
  const view = await apiOk<{ draft: { revision: number; plan: Record<string, unknown> } }>(page, 'plans.revise', {
    planId: 'fire',
  });
  await page.goto(homeUrl(guardbook, '#/plans/fire/edit'));
  const summary = page.getByLabel('概述 中文', { exact: true });
  await expect(summary).toBeVisible();

  // Typed here, while another window saves first (before this one's autosave, ~600 ms later).
  await summary.fill('本窗口的修改');
  const elsewhere = { ...view.draft.plan, summary: { 'zh-CN': '别处的修改', en: 'Changed elsewhere' } };
  await apiOk(page, 'plans.saveDraft', { planId: 'fire', revision: view.draft.revision, plan: elsewhere });
  await expect(saveState(page)).toContainText('草稿已在别处保存或放弃过');
  await page.getByRole('button', { name: '重新载入草稿' }).click();
  await expect(page.getByLabel('概述 中文', { exact: true })).toHaveValue('别处的修改');

  // A trainer may read the draft, not change it, and is told why.
  await apiOk(page, 'session.unlock', { userId: trainer.id, pin: TRAINER.pin });
  await page.reload();
  await expect(page.getByTestId('read-only')).toContainText('本窗口以培训员身份解锁：只能查看草稿');
  await expect(page.getByLabel('概述 中文', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();
});
