// Rectifications (整改) in the one action tracker, end to end: a trainer signs inspections whose failed items become
// rectifications, one the guard's, one the manager's, one of someone from outside already overdue, beside a drill's
// improvement action. The guard sees only their own and reports it fixed with a photo (refused without one, and for
// a file the backend would refuse); the guard cannot check it. The trainer sees it awaiting its check with the photo
// and sends it back with a reason; the guard fixes it again; the manager accepts it and it closes naming who checked.
// Whoever reported a fix is not offered its check. The filters count and narrow by status and by source.
import { join } from 'node:path';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test, type Guardbook } from './support/fixtures';
import { conductInspection } from './support/inspections';
import { addUser, apiOk, GUARD, lockIndicator, MANAGER, TRAINER, unlockAsAdmin } from './support/people';
import { callApi, homeUrl } from './support/runner';
import { SMALL_PNG_BASE64, TINY_PNG_BASE64 } from '../support/photos';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

// axe-core is injected into the page; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true });

/** The items failed (guard-post checklist): the guard's is a critical one (重点项). */
const GUARD_ITEM = '保安在规定岗位值守，未擅自离岗、串岗';
const MANAGER_ITEM = '对讲机电量充足，与网点负责人或监控室通话正常';
const OVERDUE_ITEM = '衣着整洁，仪容端正';
const DRILL_ACTION = '补充灭火器检查记录';
const OUTSIDER = '刘大堂';
const SENT_BACK = '照片看不清岗位，请在岗位上重拍';
const FIRST_PAINT = { timeout: 15_000 };

interface User {
  id: string;
  name: string;
  pin: string;
}

const ZONE = 'Asia/Shanghai';

/** An administrator sets the branch's time zone and adds the staff; the page is left unlocked as the trainer. */
async function staffed(page: Page, guardbook: Guardbook) {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  // Due dates are the branch's calendar days: the same zone as this test's dates, whatever the machine's.
  await apiOk(page, 'settings.update', { timeZone: ZONE });
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  const guard = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  const manager = { ...(await addUser(page, MANAGER)), pin: MANAGER.pin };
  await apiOk(page, 'session.unlock', { userId: trainer.id, pin: trainer.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${TRAINER.name}`);
  return { trainer, guard, manager };
}

/** A tab of its own (its own session) unlocked as `user`. */
async function tabOf(context: BrowserContext, guardbook: Guardbook, user: User): Promise<Page> {
  const tab = await context.newPage();
  await guardbook.open(tab);
  await apiOk(tab, 'session.unlock', { userId: user.id, pin: user.pin });
  await tab.reload();
  await expect(lockIndicator(tab)).toContainText(`已解锁：${user.name}`);
  return tab;
}

/** The local calendar date `days` from today (negative: in the past), as the branch counts. */
function localDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: ZONE });
}

const cardOf = (page: Page, text: string) => page.locator('.action-card').filter({ hasText: text });
const statusOf = (card: Locator) => card.locator('[data-status]');
const filter = (page: Page, group: '按状态筛选' | '按来源筛选', name: string) =>
  page.getByRole('group', { name: group }).getByRole('button', { name: new RegExp(`^${name} \\d+$`) });

/** Every filter button's count, by its label. */
async function counts(page: Page): Promise<Record<string, number>> {
  const texts = await page.locator('.filter-button').allInnerTexts();
  return Object.fromEntries(
    texts.map((text) => {
      const [, label, n] = /^(.+?)\s+(\d+)$/.exec(text.trim())!;
      return [label!, Number(n)];
    }),
  );
}

/** Reports `card`'s rectification fixed with one photo, as the unlocked person of its page. */
async function reportFixed(card: Locator, photo: { name: string; base64: string }, note: string): Promise<void> {
  await card.getByRole('button', { name: /^报告已整改：/ }).click();
  const form = card.getByRole('form', { name: /^报告已整改：/ });
  await form.getByLabel('整改情况说明').fill(note);
  await form
    .getByLabel(/^整改证明（照片或 PDF/)
    .setInputFiles({ name: photo.name, mimeType: 'image/png', buffer: Buffer.from(photo.base64, 'base64') });
  await expect(form.getByRole('img', { name: photo.name })).toBeVisible();
  await form.getByRole('button', { name: '提交整改报告' }).click();
  await expect(statusOf(card)).toHaveText('已整改待复核');
}

test('rectifications: reported fixed with a photo by the guard, sent back by the trainer, accepted by the manager', async ({
  page,
  guardbook,
  context,
}) => {
  test.setTimeout(120_000);
  const { trainer, guard, manager } = await staffed(page, guardbook);

  // The trainer signs three inspections (each failed item's rectification owned as the sign-off says) …
  const guardOwned = await conductInspection(page, {
    checklistId: 'guard-post',
    fail: ['post-at-position'],
    pin: trainer.pin,
    owner: { userId: guard.id, name: GUARD.name },
  });
  await conductInspection(page, {
    checklistId: 'guard-post',
    fail: ['equip-radio'],
    pin: trainer.pin,
    owner: { userId: manager.id, name: MANAGER.name },
  });
  await conductInspection(page, {
    checklistId: 'guard-post',
    fail: ['dress-tidy'],
    pin: trainer.pin,
    owner: { name: OUTSIDER },
    due: localDate(-1),
  });
  // … and a drill leaves an improvement action of its own.
  const drill = await apiOk<{ id: string }>(page, 'drills.plan', {
    spec: {
      title: '消防演练',
      planId: 'fire',
      planVersion: 1,
      scenario: '二楼起火。',
      objectives: [{ id: 'obj-1', text: '30 秒内报警' }],
      participants: [{ userId: guard.id, name: GUARD.name, role: 'guard' }],
      evaluators: [{ userId: trainer.id, name: TRAINER.name }],
      scheduledAt: new Date().toISOString(),
      announced: true,
      injects: [],
    },
  });
  await apiOk(page, 'actions.open', {
    spec: {
      title: DRILL_ACTION,
      source: { kind: 'drill', exerciseId: drill.id, title: '消防演练' },
      owner: { name: OUTSIDER },
      due: localDate(30),
    },
  });

  // The guard's tab: 整改 in the menu, and only their own rectification in it.
  const guardTab = await tabOf(context, guardbook, guard);
  await guardTab.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '整改', exact: true }).click();
  await expect(guardTab.getByRole('heading', { level: 1 })).toHaveText('整改措施', FIRST_PAINT);
  const guardCards = guardTab.locator('.action-card');
  await expect(guardCards).toHaveCount(1);
  const mine = cardOf(guardTab, GUARD_ITEM);
  await expect(statusOf(mine)).toHaveText('待整改');
  await expect(mine.getByTestId('action-critical')).toHaveText('重点项');
  await expect(mine.getByTestId('action-source').getByRole('link')).toHaveAttribute(
    'href',
    `#/inspections/${guardOwned.inspectionId}`,
  );
  await expect(mine.getByTestId('action-source')).toContainText('检查项 post-at-position');
  await expect(mine.getByTestId('action-owner')).toHaveText(GUARD.name);
  await expect(mine.getByTestId('action-evidence')).toHaveText('整改后照片');
  // A guard may only report it fixed: no update, no drop, no plan revision.
  await expect(mine.getByRole('button')).toHaveText(['报告已整改']);
  await expect(guardTab.getByTestId('actions-summary')).toHaveText('共 1 项，未完成 1 项，其中逾期 0 项。');

  // Reported fixed without a file: refused on the screen, nothing sent.
  await mine.getByRole('button', { name: /^报告已整改：/ }).click();
  const fixForm = mine.getByRole('form', { name: `报告已整改：${GUARD_ITEM}` });
  await expect(fixForm).toContainText('整改证明要求：整改后照片');
  const files = fixForm.getByLabel(/^整改证明（照片或 PDF，最多 3 个，每个不超过 8 MB）/);
  await expect(files).toHaveAttribute('accept', 'image/*,application/pdf');
  await expect(files).toHaveAttribute('capture', 'environment');
  await fixForm.getByRole('button', { name: '提交整改报告' }).click();
  await expect(fixForm.getByRole('alert')).toHaveText('请至少附上一个整改证明文件（照片或 PDF）。');
  await expect(files).toBeFocused();
  await expect(statusOf(mine)).toHaveText('待整改');
  // Files the backend would refuse are refused as they are picked, and said.
  // Given as paths, which the local browser reads itself: 8 MB through the protocol would cost seconds.
  const notes = test.info().outputPath('notes.txt');
  writeFileSync(notes, 'not a photo');
  const huge = test.info().outputPath('huge.png');
  writeFileSync(huge, '');
  truncateSync(huge, 8 * 1024 * 1024 + 1); // sparse: one byte over the limit
  await files.setInputFiles([notes, huge]);
  await expect(fixForm.locator('.upload-refusals li')).toHaveText([
    '“notes.txt”不是照片（JPEG、PNG、WebP）或 PDF，未加入。',
    '“huge.png”超过 8 MB，未加入。',
  ]);
  await expect(fixForm.locator('.evidence-picked')).toHaveCount(0);
  await expectNoAxeViolationsInBothThemes(guardTab);
  await fixForm.getByRole('button', { name: '取消' }).click();

  await reportFixed(mine, { name: 'post.png', base64: TINY_PNG_BASE64 }, '已与保安公司沟通，重新排班');
  await expect(mine.getByTestId('action-fixed')).toContainText(GUARD.name);
  await expect(mine.getByTestId('action-fixed').getByRole('img', { name: 'post.png' })).toBeVisible();
  // The guard cannot check it: nothing offered on the screen, and the backend refuses.
  await expect(mine.getByRole('button', { name: /^复核/ })).toHaveCount(0);
  const refused = await callApi(guardTab, 'actions.check', {
    actionId: guardOwned.actionIds[0],
    accepted: true,
    note: '',
  });
  expect(refused.ok).toBe(false);

  // The trainer's tab: every action, with counts on each filter.
  await page.goto(homeUrl(guardbook, '#/actions'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('整改措施', FIRST_PAINT);
  await expect(page.locator('.action-card')).toHaveCount(4);
  expect(await counts(page)).toEqual({
    全部: 4,
    待整改: 3,
    待复核: 1,
    已关闭: 0,
    逾期: 1,
    全部来源: 4,
    演练: 1,
    检查: 3,
  });
  await expect(page.locator('.action-card').first()).toContainText(OVERDUE_ITEM); // overdue first
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'rectifications.png'), fullPage: true });
  await expectNoAxeViolationsInBothThemes(page);

  // 逾期: the one due yesterday, in red; with 演练 as well, none.
  await filter(page, '按状态筛选', '逾期').click();
  await expect(page.locator('.action-card')).toHaveCount(1);
  const overdue = cardOf(page, OVERDUE_ITEM);
  await expect(overdue).toHaveClass(/action-overdue/);
  await expect(overdue.getByTestId('action-overdue')).toHaveText('逾期 1 天');
  await expect(overdue.getByTestId('action-owner')).toHaveText(OUTSIDER);
  expect(await counts(page)).toMatchObject({ 演练: 0, 检查: 1 });
  await filter(page, '按来源筛选', '演练').click();
  await expect(page.locator('.action-card')).toHaveCount(0);
  await expect(page.getByText('没有符合筛选条件的整改措施。')).toBeVisible();
  expect(await counts(page)).toMatchObject({ 全部: 1, 待整改: 1, 待复核: 0, 逾期: 0 });
  await filter(page, '按状态筛选', '全部').click();
  await expect(page.locator('.action-card')).toHaveText([new RegExp(DRILL_ACTION)]);
  // The drill's action keeps its own buttons: done by hand, no evidence asked.
  await expect(cardOf(page, DRILL_ACTION).getByRole('button', { name: `完成或放弃：${DRILL_ACTION}` })).toBeVisible();
  await filter(page, '按来源筛选', '全部来源').click();

  // 待复核: the guard's fix, with its photo; the trainer sends it back, saying why.
  await filter(page, '按状态筛选', '待复核').click();
  await expect(page.locator('.action-card')).toHaveCount(1);
  const toCheck = cardOf(page, GUARD_ITEM);
  await expect(statusOf(toCheck)).toHaveText('已整改待复核');
  const photo = toCheck.getByTestId('action-fixed').getByRole('img', { name: 'post.png' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(toCheck.getByTestId('action-fixed')).toContainText('已与保安公司沟通，重新排班');
  await toCheck.getByRole('button', { name: `复核：${GUARD_ITEM}` }).click();
  const check = toCheck.getByRole('form', { name: `复核：${GUARD_ITEM}` });
  await check.getByRole('radio', { name: '退回重新整改' }).check();
  await check.getByRole('button', { name: '确认退回' }).click();
  await expect(check.getByLabel('退回原因（必填）')).toBeFocused(); // a reason is required
  await expect(check).toContainText('必填');
  await check.getByLabel('退回原因（必填）').fill(SENT_BACK);
  await check.getByRole('button', { name: '确认退回' }).click();
  await expect(page.locator('.action-card')).toHaveCount(0); // no longer awaiting a check
  await filter(page, '按状态筛选', '全部').click();
  await expect(statusOf(cardOf(page, GUARD_ITEM))).toHaveText('整改中');

  // The guard's tab follows: sent back, why, and the first photo kept in the history; fixed again.
  await expect(statusOf(mine)).toHaveText('整改中');
  await mine.locator('.action-history summary').click();
  const history = mine.locator('.action-history > ol > li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(`报告已整改 · ${GUARD.name}`);
  await expect(history.nth(0).getByRole('img', { name: 'post.png' })).toBeVisible();
  await expect(history.nth(1)).toContainText(`复核退回 · ${TRAINER.name}`);
  await expect(history.nth(1)).toContainText(SENT_BACK);
  await reportFixed(mine, { name: 'post-again.png', base64: SMALL_PNG_BASE64 }, '已在岗位上重拍');

  // Whoever reported a fix is not offered its check: the trainer reports the manager's fixed for them.
  const managers = cardOf(page, MANAGER_ITEM);
  await reportFixed(managers, { name: 'radio.png', base64: TINY_PNG_BASE64 }, '对讲机已更换');
  const ownCheck = managers.getByRole('button', { name: `复核：${MANAGER_ITEM}` });
  await expect(ownCheck).toBeDisabled();
  await expect(ownCheck).toHaveAccessibleDescription('须由他人复核：此项整改由您报告，不能由您本人复核。');

  // The manager accepts the guard's second fix: done, checked, and by whom.
  const managerTab = await tabOf(context, guardbook, manager);
  await managerTab.goto(homeUrl(guardbook, '#/actions'));
  await filter(managerTab, '按状态筛选', '待复核').click();
  await expect(managerTab.locator('.action-card')).toHaveCount(2);
  const accepted = cardOf(managerTab, GUARD_ITEM);
  await expect(accepted.getByTestId('action-fixed').getByRole('img', { name: 'post-again.png' })).toBeVisible();
  await accepted.getByRole('button', { name: `复核：${GUARD_ITEM}` }).click();
  const accept = accepted.getByRole('form', { name: `复核：${GUARD_ITEM}` });
  await expect(accept.getByRole('radio', { name: '复核通过，关闭整改' })).toBeChecked();
  await accept.getByLabel('复核意见').fill('排班表已更正');
  await accept.getByRole('button', { name: '确认通过' }).click();
  await filter(managerTab, '按状态筛选', '已关闭').click();
  await expect(statusOf(accepted)).toHaveText('已完成（复核通过）');
  await expect(accepted.getByTestId('action-closed')).toContainText(`复核通过：${MANAGER.name}`);
  await expect(accepted.getByTestId('action-closed')).toContainText('排班表已更正');
  await expect(accepted.getByRole('button', { name: /^复核/ })).toHaveCount(0);

  // Every tab follows the change.
  await expect(statusOf(mine)).toHaveText('已完成（复核通过）');
  await expect(statusOf(cardOf(page, GUARD_ITEM))).toHaveText('已完成（复核通过）');
  expect(await counts(page)).toMatchObject({ 全部: 4, 待整改: 2, 待复核: 1, 已关闭: 1, 逾期: 1 });
});
