// The checklist template editor through the browser edition, as a security manager: starting a revision of the daily
// opening/closing check from the editor, adding an item (both languages, yes/no, critical, photo), changing another
// item's days to rectify, autosave surviving a reload, a missing Chinese text found, followed to its input and fixed,
// and submitting for review with a note. Also: a window locked behind the page's back asks for the PIN at the next
// save, and nothing typed is lost.
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test, type Guardbook } from './support/fixtures';
import { addUser, apiOk, enterPin, lockIndicator, MANAGER, pinDialog, unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';

const CHECKLIST = 'daily-opening-closing';
const FIRST_SECTION = '分组 营业前：开门与进出控制';
const TEXT = {
  'zh-CN': '开门前确认防尾随联动门工作正常',
  en: 'Before opening, the anti-tailgating interlock door works',
};

const findingsPanel = (page: Page) => page.getByRole('complementary', { name: '检查结果' });
const saveState = (page: Page) => page.getByTestId('save-state');
const section = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });
const itemCard = (page: Page, id: string) => page.getByRole('listitem', { name: `检查项 ${id}`, exact: true });
const rectifyDays = (page: Page, id: string) =>
  itemCard(page, id).getByLabel('整改期限（天；留空为 7，一票否决项为 1）');

interface DraftView {
  draft: {
    status: string;
    revision: number;
    plan: { sections: { id: string; items: Record<string, unknown>[] }[] };
  };
}

const draftItem = (view: DraftView, id: string) =>
  view.draft.plan.sections.flatMap((s) => s.items).find((item) => item.id === id);

async function asManager(page: Page, guardbook: Guardbook) {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const manager = await addUser(page, MANAGER);
  await apiOk(page, 'session.unlock', { userId: manager.id, pin: MANAGER.pin });
}

test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

test('a manager revises the daily check in the editor and submits it for review', async ({ page, guardbook }) => {
  test.setTimeout(60_000);
  await asManager(page, guardbook);
  await page.goto(homeUrl(guardbook, `#/checklists/${CHECKLIST}/edit`));
  await expect(lockIndicator(page)).toContainText(`已解锁：${MANAGER.name}`);

  // No draft yet: the editor offers to start one from the version in use.
  await expect(page.getByRole('heading', { name: '此检查表没有草稿' })).toBeVisible();
  await page.getByRole('button', { name: '开始修订' }).click();
  await expect(page.getByRole('heading', { name: '编辑检查表草稿：营业前/营业终了安全检查' })).toBeVisible();
  await expect(page.locator('.editor-facts')).toContainText('基于第 1 版');
  await expect(page.getByRole('button', { name: '提交审核' })).toBeEnabled();

  // A yes/no item at the end of the first section, in both languages, critical and to be photographed.
  const first = section(page, FIRST_SECTION);
  await first.getByLabel('新检查项的类型').selectOption({ label: '是/否' });
  await first.getByRole('button', { name: '+ 添加检查项' }).click();
  const added = itemCard(page, 'item-1');
  const addedText = added.getByLabel('检查内容 中文', { exact: true });
  await expect(addedText).toBeFocused();
  await addedText.fill(TEXT['zh-CN']);
  await added.getByLabel('检查内容 English', { exact: true }).fill(TEXT.en);
  await expect(added.getByLabel('类型', { exact: true })).toHaveValue('yes-no');
  await added.getByRole('checkbox', { name: /^一票否决/ }).check();
  await added.getByRole('checkbox', { name: '必须拍照' }).check();
  await expect(added.locator('.ck-item-line')).toContainText('一票否决');

  // Another item's days to rectify.
  await page.getByRole('button', { name: '编辑检查项 open-surroundings' }).click();
  await rectifyDays(page, 'open-surroundings').fill('2');
  await expect(saveState(page)).toContainText(/已保存 \d\d:\d\d/);
  await expect(findingsPanel(page).getByRole('status')).toHaveText(/^(未发现问题|0 个错误，\d+ 个警告)$/);
  await expectNoAxeViolationsInBothThemes(page);

  // Autosaved: a reload finds every edit.
  await page.reload();
  await expect(page.getByRole('heading', { name: '编辑检查表草稿：营业前/营业终了安全检查' })).toBeVisible();
  await page.getByRole('button', { name: '编辑检查项 item-1' }).click();
  await page.getByRole('button', { name: '编辑检查项 open-surroundings' }).click();
  await expect(added.getByLabel('检查内容 中文', { exact: true })).toHaveValue(TEXT['zh-CN']);
  await expect(added.getByLabel('检查内容 English', { exact: true })).toHaveValue(TEXT.en);
  await expect(added.getByRole('checkbox', { name: /^一票否决/ })).toBeChecked();
  await expect(added.getByRole('checkbox', { name: '必须拍照' })).toBeChecked();
  await expect(rectifyDays(page, 'open-surroundings')).toHaveValue('2');

  // The Chinese text emptied: the finding names the item, submitting waits, and a click leads to the input.
  await added.getByLabel('检查内容 中文', { exact: true }).fill('');
  const missing = findingsPanel(page).getByRole('button', { name: /检查项 item-1.*缺少中文文本/ });
  await expect(missing).toBeVisible();
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await expect(page.locator('#ck-submit-blocked')).toHaveText('还有 1 个错误：修正后才能提交审核');
  await page.getByRole('button', { name: '收起检查项 item-1' }).click();
  await missing.click();
  await expect(added.getByLabel('检查内容 中文', { exact: true })).toBeFocused();
  await page.keyboard.type(TEXT['zh-CN']);
  await expect(missing).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交审核' })).toBeEnabled();

  // Submitted with its note: the template's page, and the draft in review holds the new item.
  await page.getByRole('button', { name: '提交审核' }).click();
  const dialog = page.getByRole('dialog', { name: '提交审核' });
  await dialog.getByLabel('修改说明（必填）').fill('增加防尾随联动门检查项');
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/checklists/${CHECKLIST}$`));
  const view = await apiOk<DraftView>(page, 'checklists.draft', { checklistId: CHECKLIST });
  expect(view.draft.status).toBe('in-review');
  expect(view.draft.plan.sections[0]!.items.at(-1)).toEqual({
    id: 'item-1',
    kind: 'yes-no',
    text: TEXT,
    critical: true,
    photo: true,
  });
  expect(draftItem(view, 'open-surroundings')?.rectifyDays).toBe(2);
});

test('a window locked behind the page’s back asks for the PIN at the next save; nothing is lost', async ({
  page,
  guardbook,
}) => {
  await asManager(page, guardbook);
  await apiOk(page, 'checklists.revise', { checklistId: CHECKLIST });
  await page.goto(homeUrl(guardbook, `#/checklists/${CHECKLIST}/edit`));
  await page.getByRole('button', { name: '编辑检查项 open-surroundings' }).click();
  const english = itemCard(page, 'open-surroundings').getByLabel('检查方法与判定说明 English', { exact: true });
  await english.fill('Walk round the outside first.');
  // Locked before the autosave (~600 ms after typing) reaches the backend.
  await apiOk(page, 'session.lock');
  await enterPin(page, MANAGER.name, MANAGER.pin);
  await expect(pinDialog(page)).toHaveCount(0);
  await expect(saveState(page)).toContainText(/已保存 \d\d:\d\d/);
  await expect(english).toHaveValue('Walk round the outside first.');
  const view = await apiOk<DraftView>(page, 'checklists.draft', { checklistId: CHECKLIST });
  expect(draftItem(view, 'open-surroundings')?.guidance).toMatchObject({ en: 'Walk round the outside first.' });
});
