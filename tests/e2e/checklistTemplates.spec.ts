// Checklist templates through the browser edition, with the plans' lifecycle: a manager revises the daily opening and
// closing check (an item added, another made critical) and submits it with a note; the backend refuses to let them
// approve their own change while another manager could, and the screen says so; the second manager reads the diff,
// approves with a wrong PIN (refused, nothing lost) and then the right one; the list shows version 2 in use; a new
// inspection with that template has the new item; the history names author, approver and note, shows each version
// read-only, and a rollback to version 1 opens a draft. A trainer reads the list and history but is offered no
// revision or review. The list and the review pass axe in both themes.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { addUser, apiOk, lockIndicator, MANAGER, TRAINER, unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';

// To inject axe-core; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true, viewport: { width: 1366, height: 900 } });

const SECOND_MANAGER = { name: '周审核', role: 'manager', pin: '314159' } as const;
const CHECKLIST = 'daily-opening-closing';
const TITLE = '营业前/营业终了安全检查';
/** What lists call it (its short title). */
const SHORT_TITLE = '开门/关门检查';
const NOTE = '增加自助设备防护罩检查；柜面现金超限改为否决项';
const NEW_ITEM = { id: 'close-atm-cover', text: '自助设备防护罩已锁闭', en: 'The ATM cover is locked' };
const CHANGED_ITEM = 'day-cash-limit';
/** The first look at a screen loaded on first use: generous, as this machine may be busy with other work. */
const FIRST_PAINT = { timeout: 15_000 };

interface DraftView {
  draft: {
    revision: number;
    origin: string;
    rollbackOf?: number;
    status: string;
    plan: { sections: { id: string; items: Record<string, unknown>[] }[] };
  };
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

const row = (page: Page) => page.locator(`.checklist-row[data-checklist="${CHECKLIST}"]`);

test('a manager revises the daily check; another approves it with a PIN; inspections use version 2; history and rollback; a trainer only reads', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(150_000);
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const author = { ...(await addUser(page, MANAGER)), pin: MANAGER.pin };
  const reviewer = { ...(await addUser(page, SECOND_MANAGER)), pin: SECOND_MANAGER.pin };
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };

  // Manager A reaches the templates from the inspections list and starts a revision: the editor opens on the draft.
  const a = await tabOf(page, guardbook.host.url, author);
  await a.goto(homeUrl(guardbook, '#/inspections'));
  await a.getByRole('main').getByRole('link', { name: '检查表', exact: true }).click(FIRST_PAINT);
  await expect(a).toHaveURL(/#\/checklists$/);
  await expect(a.getByRole('heading', { level: 1, name: '检查表模板' })).toBeVisible(FIRST_PAINT);
  await expect(row(a)).toContainText(SHORT_TITLE);
  await expect(row(a)).toContainText('使用中');
  await expect(row(a)).toContainText('第 1 版');
  await expectNoAxeViolationsInBothThemes(a);
  await row(a).getByRole('button', { name: '修订' }).click();
  await expect(a).toHaveURL(new RegExp(`#/checklists/${CHECKLIST}/edit$`));

  // The change itself goes in through the API (the editor has its own spec): one item added at closing, one made
  // critical; then submitted with its note.
  await a.goto(homeUrl(guardbook, '#/checklists'));
  await expect(row(a)).toContainText(/草稿（李娜）/, FIRST_PAINT);
  const { draft } = await apiOk<DraftView>(a, 'checklists.draft', { checklistId: CHECKLIST });
  const content = structuredClone(draft.plan);
  content.sections
    .find((s) => s.id === 'closing')!
    .items.push({ id: NEW_ITEM.id, kind: 'yes-no', text: { 'zh-CN': NEW_ITEM.text, en: NEW_ITEM.en } });
  const cashLimit = content.sections.flatMap((s) => s.items).find((i) => i.id === CHANGED_ITEM)!;
  cashLimit.critical = true;
  await apiOk(a, 'checklists.saveDraft', { checklistId: CHECKLIST, revision: draft.revision, checklist: content });
  await apiOk(a, 'checklists.submit', { checklistId: CHECKLIST, note: NOTE });

  // A cannot approve their own change while another manager could: the backend's words are shown.
  await expect(row(a)).toContainText('待审核');
  await row(a).getByRole('link', { name: '审核' }).click();
  await expect(a).toHaveURL(new RegExp(`#/checklists/${CHECKLIST}/review$`));
  await expect(a.getByRole('heading', { name: `审核：${TITLE}` })).toBeVisible();
  await expect(a.getByText('您是提交人')).toBeVisible();
  await a.getByLabel('您的 PIN（批准即签字）').fill(MANAGER.pin);
  await a.getByRole('button', { name: '批准并发布' }).click();
  await expect(a.locator('.review-approve').getByRole('alert')).toContainText(
    '本网点有其他安全主管或管理员：提交人不能自己批准，请由另一位审核',
  );
  await expect(a).toHaveURL(/\/review$/);

  // A trainer reads the list and the history, and is offered neither revision nor review.
  const t = await tabOf(page, guardbook.host.url, trainer);
  await t.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '检查表' }).click();
  await expect(row(t)).toContainText('待审核', FIRST_PAINT);
  await expect(row(t).getByRole('link', { name: '版本历史' })).toBeVisible();
  await expect(t.getByRole('button', { name: '修订' })).toHaveCount(0);
  await expect(t.getByRole('button', { name: '继续编辑' })).toHaveCount(0);
  await expect(t.getByRole('link', { name: '审核' })).toHaveCount(0);
  await expect(t.getByLabel('导入检查表文件（.json）')).toHaveCount(0);
  await row(t).getByRole('link', { name: '版本历史' }).click();
  await expect(t.locator('.version-entry[aria-current="true"]')).toContainText('第 1 版');
  await expect(t.getByRole('button', { name: /回退到此版/ })).toHaveCount(0);
  await expect(t.getByRole('link', { name: '审核' })).toHaveCount(0);
  await t.goto(homeUrl(guardbook, '#/inspections'));
  await expect(t.getByRole('heading', { level: 1, name: '安全检查' })).toBeVisible(FIRST_PAINT);
  await expect(t.getByRole('main').getByRole('link', { name: '检查表', exact: true })).toHaveCount(0);

  // Manager B reviews: who and why, the added item and the changed field, the text marked.
  const b = await tabOf(page, guardbook.host.url, reviewer);
  await b.goto(homeUrl(guardbook, '#/checklists'));
  await row(b).getByRole('link', { name: '审核' }).click(FIRST_PAINT);
  await expect(b.getByRole('heading', { name: `审核：${TITLE}` })).toBeVisible(FIRST_PAINT);
  await expect(b.getByText(`${MANAGER.name} 于`)).toBeVisible();
  await expect(b.getByText(NOTE)).toBeVisible();
  await expect(b.getByText('您是提交人')).toHaveCount(0);
  const changes = b.locator('.diff-changes');
  await expect(changes).toContainText('与第 1 版相比的变更');
  await expect(changes).toContainText(`+ 检查项 ${NEW_ITEM.id}「${NEW_ITEM.text}」新增（分组 closing；是否题）`);
  await expect(changes).toContainText(`~ 检查项 ${CHANGED_ITEM}：新增否决项 是`);
  await expect(changes).toContainText('~ 检查表：版本 1 → 2');
  await expect(changes).toContainText('检查项：新增 1，删除 0，修改 1，移动 0');
  await expectNoAxeViolationsInBothThemes(b);

  // A wrong PIN is refused and the form stays as it was; the right one publishes version 2.
  const pin = b.getByLabel('您的 PIN（批准即签字）');
  await pin.fill('000000');
  await b.getByRole('button', { name: '批准并发布' }).click();
  await expect(b.locator('.review-approve').getByRole('alert')).toBeVisible();
  await expect(b).toHaveURL(/\/review$/);
  await expect(pin).toHaveValue('000000');
  await expect(changes).toContainText(NEW_ITEM.text);
  await pin.fill(SECOND_MANAGER.pin);
  await b.getByRole('button', { name: '批准并发布' }).click();
  await expect(b).toHaveURL(new RegExp(`#/checklists/${CHECKLIST}$`));
  await expect(b.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(b.locator(`li[data-item="${NEW_ITEM.id}"]`)).toContainText(NEW_ITEM.text);

  // The list: version 2 in use, no draft left.
  await b.goto(homeUrl(guardbook, '#/checklists'));
  await expect(row(b)).toContainText('第 2 版');
  await expect(row(b)).toContainText('使用中');
  await expect(row(b)).not.toContainText('待审核');

  // A new inspection with that template follows version 2 and has the new item.
  await b.goto(homeUrl(guardbook, '#/inspections/new'));
  await b.getByRole('radio', { name: /^开门\/关门检查/ }).check(FIRST_PAINT);
  await b.getByLabel('检查地点').fill('营业厅');
  await b.getByRole('button', { name: '开始检查' }).click();
  await expect(b).toHaveURL(/#\/inspections\/in-\d{8}-[0-9a-f]{6}$/);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(`${TITLE} 第 2 版`, FIRST_PAINT);
  // Closing has one item more than the bundled template's fourteen.
  await b.getByRole('navigation', { name: '检查部分' }).getByRole('button', { name: '营业终了 0/15' }).click();
  await expect(b.locator(`.item-card[data-item="${NEW_ITEM.id}"]`)).toContainText(NEW_ITEM.text);

  // History: version 2 in use by A, approved by B, with the note; version 1 the bundled template. Each opens read-only.
  await b.goto(homeUrl(guardbook, `#/checklists/${CHECKLIST}/history`));
  const current = b.locator('.version-entry[aria-current="true"]');
  await expect(current).toContainText('第 2 版', FIRST_PAINT);
  await expect(current).toContainText('使用中');
  await expect(current).toContainText(`修订人${MANAGER.name}`);
  await expect(current).toContainText(`批准人${SECOND_MANAGER.name}`);
  await expect(current).not.toContainText('本人批准');
  await expect(current).toContainText(NOTE);
  const first = b.locator('.version-entry').filter({ hasText: '第 1 版' });
  await expect(first).toContainText('随附模板');
  await expect(first).not.toContainText('使用中');
  await current.getByRole('button', { name: '查看此版' }).click();
  await expect(current.locator('.version-view')).toContainText(NEW_ITEM.text);
  await first.getByRole('button', { name: '查看此版' }).click();
  await expect(first.locator('.version-view')).toContainText('柜面现金不超过限额');
  await expect(first.locator('.version-view')).not.toContainText(NEW_ITEM.text);

  // Rolling back to version 1 makes a draft with its content, opened in the editor; version 2 stays in use.
  await first.getByRole('button', { name: '回退到此版（建立草稿）' }).click();
  await expect(b).toHaveURL(new RegExp(`#/checklists/${CHECKLIST}/edit$`));
  const rollback = await apiOk<DraftView>(b, 'checklists.draft', { checklistId: CHECKLIST });
  expect(rollback.draft).toMatchObject({ origin: 'rollback', rollbackOf: 1, status: 'draft' });
  const items = rollback.draft.plan.sections.flatMap((s) => s.items.map((i) => i.id));
  expect(items).not.toContain(NEW_ITEM.id);
  const summaries = await apiOk<{ id: string; version: number; status: string }[]>(b, 'checklists.list');
  expect(summaries.find((s) => s.id === CHECKLIST)).toMatchObject({ version: 2, status: 'published' });
});

test('a checklist file that does not check is refused with its findings, and nothing changes', async ({
  page,
  guardbook,
}) => {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const before = await apiOk<unknown[]>(page, 'checklists.list');
  await page.goto(homeUrl(guardbook, '#/checklists'));
  await page.getByLabel('导入检查表文件（.json）').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "kind": "checklist",\n  "id": "guard-post",\n  "title": \n}\n'),
  });
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('文件未导入，检查表库没有任何改动');
  await expect(refusal).toContainText(/broken\.json:\d+:\d+/);
  expect(await apiOk<unknown[]>(page, 'checklists.list')).toEqual(before);
});
