// The branch's contact directory end to end: a manager fills it in Settings (keyboard and mouse), the runner dials
// its first number and records it, a reload keeps it, the audit trail names the contact, and a settings file of the
// previous release (`phones`) arrives as directory entries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { addUser, apiOk, lockIndicator, MANAGER, unlockAsAdmin, unlockThroughUi } from './support/people';
import { homeUrl, journalEvents, UI } from './support/runner';

const FIRST = '号码 1（拨打此号码）';

const savedContacts = (dataDir: string): unknown =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { contacts?: unknown }).contacts;

/** One contact of the directory in Settings (a fieldset named by the contact). */
const contactGroup = (page: Page, name: string | RegExp) =>
  page.locator('fieldset.directory-contact').filter({ has: page.locator('legend', { hasText: name }) });

/** A manager (not the administrator) unlocked in this window, on the Settings screen. */
async function managerInSettings(page: Page): Promise<void> {
  await unlockAsAdmin(page);
  await addUser(page, MANAGER);
  await apiOk(page, 'session.lock');
  await page.reload();
  await expect(lockIndicator(page)).toContainText('未解锁');
  await unlockThroughUi(page, MANAGER.name, MANAGER.pin);
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('group', { name: '联系人目录' })).toBeVisible();
}

test.describe('the contact directory', () => {
  test('a manager adds a contact with two numbers; the runner dials the first, records it, and a reload keeps it', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await managerInSettings(page);

    // The contacts the bundled plans leave to the branch are offered first, before anything is typed.
    const legends = page.locator('fieldset.directory-contact > legend');
    await expect(legends.first()).toContainText('上级行安全保卫部门');
    await expect(legends).toHaveCount(5);
    const office = contactGroup(page, '上级行安全保卫部门');
    await expect(office).toContainText('尚未填写');
    await expect(office).toContainText(/用于预案：.*持械抢劫/);

    await office.getByLabel('名称（中文）').fill('市分行保卫处');
    await office.getByLabel('单位或职务').fill('保卫处值班室');
    await office.getByLabel(FIRST).fill('0571-8888 1234');
    await office.getByRole('button', { name: '添加号码' }).click();
    const second = office.getByLabel('号码 2');
    await expect(second).toBeFocused(); // the new field takes the focus: typing goes on at once
    await page.keyboard.type('0571-8888 abc');
    // An invalid number is refused with a message next to it, and nothing can be saved.
    await expect(second).toHaveAttribute('aria-invalid', 'true');
    await expect(office.getByText('号码只能包含数字、空格、+、- 和括号')).toBeVisible();
    await expect(page.getByRole('button', { name: '保存设置' })).toBeDisabled();
    await second.fill('0571-8888 5678');
    await expect(second).toHaveAttribute('aria-invalid', 'false');

    // A contact of the branch's own: the id is checked as a slug, Enter adds it and moves to its first field.
    const newId = page.getByLabel('新联系人编号');
    await newId.fill('District Office');
    await page.getByRole('button', { name: '添加联系人' }).click();
    await expect(newId).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/编号只能包含小写英文字母/)).toBeVisible();
    await newId.fill('district-office');
    await newId.press('Enter');
    const district = contactGroup(page, 'district-office');
    await expect(district.getByLabel('名称（中文）')).toBeFocused();
    await page.keyboard.type('区支行办公室');
    // A contact without a number cannot be saved…
    await expect(district.getByText('请至少填写一个号码')).toBeVisible();
    await expect(page.getByRole('button', { name: '保存设置' })).toBeDisabled();
    // …and taken out again, the focus goes back to the id field.
    await district.getByRole('button', { name: '删除此联系人' }).click();
    await expect(district).toHaveCount(0);
    await expect(newId).toBeFocused();

    await page.getByRole('button', { name: '保存设置' }).click();
    // Read from the file the backend wrote (the "saved" status is shell.spec.ts's to check).
    await expect
      .poll(() => savedContacts(guardbook.dataDir))
      .toEqual({
        'head-office-security': {
          name: { 'zh-CN': '市分行保卫处', en: '' },
          role: '保卫处值班室',
          phones: ['0571-8888 1234', '0571-8888 5678'],
          notes: '',
        },
      });

    // Settings after a reload: what was saved, with the offered contact still in its place.
    await page.reload();
    await expect(office.getByLabel(FIRST)).toHaveValue('0571-8888 1234');
    await expect(office.getByLabel('号码 2')).toHaveValue('0571-8888 5678');
    await expect(office).not.toContainText('尚未填写');

    // The runner: the first number big, the other beneath, and the call recorded with the number shown.
    await page.goto(homeUrl(guardbook));
    const runId = await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    const call = UI.step(page, 'call-police').locator('[data-contact="head-office-security"]');
    await expect(call.getByTestId('contact-number')).toHaveText('0571-8888 1234');
    await expect(call.getByTestId('contact-other-numbers')).toHaveText('备用号码：0571-8888 5678');
    await page.reload();
    await expect(call.getByTestId('contact-number')).toHaveText('0571-8888 1234');
    await call.getByRole('button', { name: /^已拨打/ }).click();
    await expect(call).toContainText(/已于 \d{2}:\d{2}:\d{2} 拨打/);
    const calls = journalEvents(guardbook, runId).filter((e) => e.type === 'contact.called');
    expect(calls.map((c) => c.data.phone)).toEqual(['0571-8888 1234']);

    // The audit trail names the contact and each field that changed.
    await page.goto(homeUrl(guardbook, '#/audit'));
    const change = page.locator('.audit-table tbody tr[data-type="settings.changed"]').first();
    await expect(change.locator('.audit-details')).toContainText(
      '联系人目录 · 市分行保卫处（head-office-security） · 号码：（空） → “0571-8888 1234”, “0571-8888 5678”',
    );
  });

  test('is shown read-only to whoever has not unlocked as a manager', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('link', { name: '设置' }).click();
    const office = contactGroup(page, '上级行安全保卫部门');
    await expect(office.getByLabel(FIRST)).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: '添加联系人' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '保存设置' })).toHaveCount(0);
  });
});

test.describe('the contact directory’s accessibility', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

  test('is keyboard-operable and passes axe in both themes, with an error showing', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await unlockAsAdmin(page);
    await page.getByRole('link', { name: '设置' }).click();
    const office = contactGroup(page, '上级行安全保卫部门');
    await office.getByLabel(FIRST).focus();
    await page.keyboard.type('0571-8888 1234');
    // Tab reaches "add a number", which opens a field and moves into it.
    await page.keyboard.press('Tab');
    await expect(office.getByRole('button', { name: '添加号码' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(office.getByLabel('号码 2')).toBeFocused();
    await page.keyboard.type('abc');
    await expect(office.getByText('号码只能包含数字、空格、+、- 和括号')).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);
  });
});

test.describe('a settings file of the previous release', () => {
  test.use({
    settingsFile: JSON.stringify({
      language: 'zh-CN',
      branch: { name: '城东支行营业部', code: '0571-0012' },
      phones: { 'head-office-security': '0571-8888 1234', 'local-police-station': '0571-8765 0000' },
    }),
  });

  test('keeps its local numbers as directory entries, shown in Settings and dialled by the runner', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await expect(page.getByRole('alert').filter({ hasText: '设置文件无法读取' })).toHaveCount(0);
    await page.getByRole('link', { name: '设置' }).click();
    await expect(contactGroup(page, '上级行安全保卫部门').getByLabel(FIRST)).toHaveValue('0571-8888 1234');
    await expect(contactGroup(page, '辖区派出所').getByLabel(FIRST)).toHaveValue('0571-8765 0000');
    const saved = JSON.parse(readFileSync(join(guardbook.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).not.toHaveProperty('phones'); // written back in the new shape
    expect(saved.contacts).toMatchObject({ 'head-office-security': { phones: ['0571-8888 1234'] } });

    await page.goto(homeUrl(guardbook));
    await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    const call = UI.step(page, 'call-police').locator('[data-contact="head-office-security"]');
    await expect(call.getByTestId('contact-number')).toHaveText('0571-8888 1234');
  });
});
