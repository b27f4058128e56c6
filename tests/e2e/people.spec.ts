// People and permissions end to end, clicking as staff would: the first start, adding people, who is on duty,
// PIN prompts (wrong PINs and their waits), what each role is shown and allowed, the idle lock and the audit trail.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';
import {
  addUser,
  ADMIN,
  apiOk,
  enterPin,
  GUARD,
  lockIndicator,
  MANAGER,
  pinDialog,
  TRAINER,
  unlockAsAdmin,
  unlockThroughUi,
} from './support/people';
import { callApi, homeUrl, journalEvents, RUN_URL, runIdOf } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

/** An administrator, a guard and a manager, then this window locked again and the page reloaded. */
async function staffed(page: Page): Promise<void> {
  await unlockAsAdmin(page);
  await addUser(page, GUARD);
  await addUser(page, MANAGER);
  await addUser(page, TRAINER);
  await apiOk(page, 'session.lock');
  await page.reload();
  await expect(lockIndicator(page)).toContainText('未解锁');
}

test.describe('first start', () => {
  test('the administrator is set up in the UI, adds people; the guard on duty starts an incident with one tap', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    // Nobody exists yet: the tiles are there at once, with an invitation to create the administrator.
    await expect(page.locator('button.tile')).toHaveCount(12);
    await expect(page.getByTestId('on-duty')).toHaveText('值班人员：未指定');
    await expect(lockIndicator(page)).toContainText('未解锁');
    const banner = page.getByTestId('setup-banner');
    await expect(banner).toContainText('首次使用：尚未设置管理员。');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home-first-start.png') });
    await banner.getByRole('link', { name: '创建管理员' }).click();
    await expect(page).toHaveURL(/#\/users$/);

    // The setup form: a name and the PIN twice. A mistyped second PIN is caught before anything is sent.
    const setup = page.getByRole('form', { name: '创建管理员' });
    await setup.getByLabel('姓名').fill(ADMIN.name);
    await setup.getByLabel('PIN', { exact: true }).fill(ADMIN.pin);
    await setup.getByLabel('再次输入 PIN').fill('246810');
    await expect(setup.getByText('两次输入的 PIN 不一致')).toBeVisible();
    await expect(setup.getByRole('button', { name: '创建管理员并解锁' })).toBeDisabled();
    await setup.getByLabel('再次输入 PIN').fill(ADMIN.pin);
    await setup.getByRole('button', { name: '创建管理员并解锁' }).click();

    // The window is unlocked as the administrator, who now sees People and the audit trail.
    await expect(lockIndicator(page)).toContainText(`已解锁：${ADMIN.name}（管理员）`);
    await expect(nav(page).getByRole('link', { name: '人员管理' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: '审计记录' })).toBeVisible();

    // Add a guard and a manager; a weak PIN is refused with the backend's words next to the form.
    const add = page.getByRole('form', { name: '添加人员' });
    await expect(add.getByText('6–12 位数字，不能全部相同或连续（如 123456）')).toBeVisible();
    await add.getByLabel('姓名').fill(GUARD.name);
    await add.getByLabel('PIN', { exact: true }).fill('111111');
    await add.getByLabel('再次输入 PIN').fill('111111');
    await add.getByRole('button', { name: '添加人员' }).click();
    await expect(add.getByRole('alert')).toContainText('PIN 须为 6–12 位数字');
    await expect(add.getByLabel('姓名')).toHaveValue(GUARD.name); // nothing typed is lost
    await add.getByLabel('PIN', { exact: true }).fill(GUARD.pin);
    await add.getByLabel('再次输入 PIN').fill(GUARD.pin);
    await add.getByRole('button', { name: '添加人员' }).click();
    await expect(add.getByRole('status')).toHaveText(`已添加：${GUARD.name}（保安）`);
    await add.getByLabel('姓名').fill(MANAGER.name);
    await add.getByLabel('角色').selectOption({ label: '安全主管' });
    await add.getByLabel('PIN', { exact: true }).fill(MANAGER.pin);
    await add.getByLabel('再次输入 PIN').fill(MANAGER.pin);
    await add.getByRole('button', { name: '添加人员' }).click();
    await expect(add.getByRole('status')).toHaveText(`已添加：${MANAGER.name}（安全主管）`);
    const table = page.locator('.people-table tbody');
    await expect(table.locator('tr')).toHaveCount(3);
    await expect(table.locator('tr').filter({ hasText: MANAGER.name })).toContainText('安全主管');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'users.png'), fullPage: true });

    // Locked again, the links that need a role go.
    await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
    await expect(lockIndicator(page)).toContainText('未解锁');
    await expect(nav(page).getByRole('link', { name: '人员管理' })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: '审计记录' })).toHaveCount(0);

    // On Home, the guard says they are on duty: no PIN.
    await nav(page).getByRole('link', { name: '应急启动' }).click();
    await page.getByRole('button', { name: '选择', exact: true }).click();
    const picker = page.getByRole('dialog', { name: '谁在值班？' });
    await expect(picker.getByRole('button', { name: '不指定' })).toBeVisible();
    await picker.getByRole('button', { name: `${GUARD.name}（保安）` }).click();
    await expect(picker).toHaveCount(0);
    await expect(page.getByTestId('on-duty')).toHaveText(`值班人员：${GUARD.name}（保安）`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home-on-duty.png') });

    // One tap starts the incident: no PIN is asked, and the guard is its operator.
    await page.getByRole('button', { name: /^启动：\s*火灾/ }).click();
    await expect(page).toHaveURL(RUN_URL);
    await expect(pinDialog(page)).toHaveCount(0);
    await expect(page.locator('.run-operator')).toHaveText(`操作人：${GUARD.name}`);
    const runId = runIdOf(page);
    expect(journalEvents(guardbook, runId)[0]!.type).toBe('run.started');
    await page.goto(homeUrl(guardbook, `#/records/${runId}`));
    await expect(page.locator('.record-facts')).toContainText(GUARD.name);
  });
});

test.describe('who is on duty, seen from every window', () => {
  test('a second window follows the change at once, without a reload or focus', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    const other = await page.context().newPage();
    await guardbook.open(other);
    await expect(other.getByTestId('on-duty')).toHaveText('值班人员：未指定');
    await page.getByRole('button', { name: '选择', exact: true }).click();
    await page
      .getByRole('dialog', { name: '谁在值班？' })
      .getByRole('button', { name: `${GUARD.name}（保安）` })
      .click();
    await expect(other.getByTestId('on-duty')).toHaveText(`值班人员：${GUARD.name}（保安）`);
    await other.close();
  });
});

test.describe('managing people', () => {
  test('an administrator edits a person, resets their PIN, disables and enables them; the last administrator stays', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await unlockAsAdmin(page);
    await addUser(page, GUARD);
    await page.goto(homeUrl(guardbook, '#/users'));
    const row = (name: string) =>
      page.locator('.people-table tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

    // The only administrator cannot be disabled: the backend says why, next to the list.
    await row(ADMIN.name).getByRole('button', { name: /^停用/ }).click();
    await expect(page.getByRole('region', { name: /^人员（/ }).getByRole('alert')).toContainText(
      '不能停用或降级最后一位管理员',
    );

    // A new name and role.
    await row(GUARD.name).getByRole('button', { name: /^编辑/ }).click();
    const details = page.getByRole('form', { name: '姓名与角色' });
    await details.getByLabel('姓名').fill('王伟强');
    await details.getByLabel('角色').selectOption({ label: '培训员' });
    await details.getByRole('button', { name: '保存修改' }).click();
    await expect(details.getByRole('status')).toHaveText('已保存：王伟强（培训员）');
    await expect(row('王伟强')).toContainText('培训员');

    // A new PIN for someone who forgot theirs.
    const reset = page.getByRole('form', { name: '重置 PIN' });
    await reset.getByLabel('新 PIN').fill('620815');
    await reset.getByLabel('再次输入 PIN').fill('620815');
    await reset.getByRole('button', { name: '重置 PIN' }).click();
    await expect(reset.getByRole('status')).toHaveText('已为 王伟强 重置 PIN');

    // Disabled: no longer offered when unlocking.
    await row('王伟强').getByRole('button', { name: /^停用/ }).click();
    await expect(row('王伟强')).toContainText('已停用');
    await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
    await lockIndicator(page).getByRole('button', { name: '解锁' }).click();
    await expect(pinDialog(page).getByRole('radio')).toHaveCount(1);
    await enterPin(page, ADMIN.name, ADMIN.pin);
    await row('王伟强').getByRole('button', { name: /^启用/ }).click();
    await expect(row('王伟强')).toContainText('启用');
    await expect(row('王伟强')).not.toContainText('已停用');

    // The new PIN unlocks.
    await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
    await unlockThroughUi(page, '王伟强', '620815');
    await expect(lockIndicator(page)).toContainText('已解锁：王伟强（培训员）');
  });
});

test.describe('PIN prompts', () => {
  test('a wrong PIN is refused in both languages, and after a few the wait is shown', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    await lockIndicator(page).getByRole('button', { name: '解锁' }).click();
    const dialog = pinDialog(page);
    // Everyone enabled is offered; the PIN field is a password field for a numeric keypad, never autofilled.
    await expect(dialog.getByRole('radio')).toHaveCount(4);
    const field = dialog.getByLabel('PIN', { exact: true });
    await expect(field).toHaveAttribute('type', 'password');
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(field).toHaveAttribute('autocomplete', 'off');
    await expect(field).toBeFocused();

    await enterPin(page, GUARD.name, '000000');
    await expect(dialog.getByRole('alert')).toContainText('PIN 错误，请重试。');
    await expect(dialog.getByRole('alert')).toContainText('Wrong PIN. Try again.');
    await expect(field).toHaveValue('');
    await enterPin(page, GUARD.name, '000001');
    await expect(dialog.getByRole('alert')).toContainText('PIN 错误，请重试。');
    // The third wrong PIN in a row costs a wait, said in both languages.
    await enterPin(page, GUARD.name, '000002');
    await expect(dialog.getByRole('alert')).toContainText(/PIN 错误。请 \d+ 秒后再试。/);
    await expect(dialog.getByRole('alert')).toContainText(/Wrong PIN\. Try again in \d+ seconds?\./);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'pin-wrong.png') });
    // Typing is also possible; once the wait is over (the backend's clock moved past it) the right PIN unlocks.
    guardbook.advanceClock(2_100);
    await field.fill(GUARD.pin);
    await field.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(lockIndicator(page)).toContainText(`已解锁：${GUARD.name}（保安）`);
  });

  test('Escape cancels the prompt and nothing is unlocked', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    const unlock = lockIndicator(page).getByRole('button', { name: '解锁' });
    await unlock.click();
    await expect(pinDialog(page)).toBeVisible();
    // Digits typed in the prompt, even with a keypad button focused, never start a plan behind it.
    await pinDialog(page).getByRole('button', { name: '5', exact: true }).focus();
    const starts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/runs.start')) starts.push(request.url());
    });
    await page.keyboard.press('1');
    // Home sends runs.start from the key's handler itself; a round trip through the page's event loop follows it.
    await page.evaluate(() => new Promise((settle) => setTimeout(settle)));
    expect(starts).toEqual([]);
    expect(await apiOk<unknown[]>(page, 'runs.unfinished')).toEqual([]);
    await expect(page).toHaveURL(/#\/$/);
    await page.keyboard.press('Escape');
    await expect(pinDialog(page)).toHaveCount(0);
    await expect(unlock).toBeFocused();
    // The person on duty is chosen first.
    await apiOk(page, 'session.setOnDuty', { userId: await userId(page, MANAGER.name) });
    await page.reload();
    await lockIndicator(page).getByRole('button', { name: '解锁' }).click();
    await expect(pinDialog(page).getByRole('radio', { name: /^李娜（/ })).toBeChecked();
  });
});

test.describe('what each role is shown and allowed', () => {
  test('a guard’s window shows no People or Audit, cannot export, and the backend refuses admin calls', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await staffed(page);
    // Locked: protected calls are refused with `locked` (the UI would ask for a PIN).
    const locked = await callApi(page, 'users.add', { name: '张三', role: 'guard', pin: '192837' });
    expect(locked.ok).toBe(false);
    expect(locked.error?.code).toBe('locked');

    await unlockThroughUi(page, GUARD.name, GUARD.pin);
    await expect(nav(page).getByRole('link', { name: '人员管理' })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: '审计记录' })).toHaveCount(0);
    const refused = await callApi(page, 'users.add', { name: '张三', role: 'guard', pin: '192837' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('forbidden');
    const audit = await callApi(page, 'audit.list', {});
    expect(audit.error?.code).toBe('forbidden');

    // Settings: the branch stays read-only for a guard, who may still change the theme and their own PIN.
    await nav(page).getByRole('link', { name: '设置' }).click();
    await expect(page.getByLabel('网点名称')).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: '解锁以编辑' })).toBeVisible();
    await expect(page.getByRole('button', { name: '保存设置' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '修改我的 PIN' })).toBeVisible();
    await expect(page.getByRole('link', { name: '查看审计记录' })).toHaveCount(0);

    // Records: printing is open to all, exporting asks for a trainer's PIN.
    const started = await apiOk<{ runId: string }>(page, 'runs.start', { planId: 'fire', mode: 'drill' });
    await page.goto(homeUrl(guardbook, `#/records/${started.runId}`));
    await expect(page.getByRole('link', { name: '打印报告' })).toBeVisible();
    await expect(page.getByRole('button', { name: '导出 JSON' })).toHaveCount(0);
    await page.getByRole('button', { name: '解锁以导出' }).click();
    // Only people who may export are offered.
    await expect(pinDialog(page).getByRole('radio')).toHaveCount(3);
    await expect(pinDialog(page).getByText('此操作需要培训员或以上权限')).toBeVisible();
    await enterPin(page, TRAINER.name, TRAINER.pin);
    await expect(lockIndicator(page)).toContainText(`已解锁：${TRAINER.name}（培训员）`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toBe(`guardbook-${started.runId}.csv`);
  });

  test('a guard changes their own PIN', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    await unlockThroughUi(page, GUARD.name, GUARD.pin);
    await nav(page).getByRole('link', { name: '设置' }).click();
    await page.getByRole('link', { name: '修改我的 PIN' }).click();
    const form = page.getByRole('form', { name: '修改我的 PIN' });
    await form.getByLabel('当前 PIN').fill(GUARD.pin);
    await form.getByLabel('新 PIN').fill('572946');
    await form.getByLabel('再次输入 PIN').fill('572946');
    await form.getByRole('button', { name: '修改 PIN' }).click();
    await expect(form.getByRole('status')).toHaveText('PIN 已修改');
    await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
    await unlockThroughUi(page, GUARD.name, '572946');
  });

  test('a manager unlocks to edit the branch name', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    await nav(page).getByRole('link', { name: '设置' }).click();
    const name = page.getByLabel('网点名称');
    await expect(name).toHaveAttribute('readonly', '');
    await page.getByRole('button', { name: '解锁以编辑' }).click();
    await expect(pinDialog(page).getByText('此操作需要安全主管或以上权限')).toBeVisible();
    await expect(pinDialog(page).getByRole('radio', { name: /^王伟/ })).toHaveCount(0); // a guard may not
    await enterPin(page, MANAGER.name, MANAGER.pin);
    await expect(lockIndicator(page)).toContainText(`已解锁：${MANAGER.name}（安全主管）`);
    await expect(name).not.toHaveAttribute('readonly', '');
    await name.fill('城东支行营业部');
    await page.getByLabel('闲置自动锁定（分钟）').fill('10');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    await expect(page.getByRole('link', { name: '查看审计记录' })).toBeVisible();
    await page.reload();
    await expect(name).toHaveValue('城东支行营业部');
    const saved = JSON.parse(readFileSync(join(guardbook.dataDir, 'settings.json'), 'utf8')) as {
      branch: { name: string };
      idleLockMinutes: number;
    };
    expect(saved.branch.name).toBe('城东支行营业部');
    expect(saved.idleLockMinutes).toBe(10);
  });
});

test.describe('the idle lock', () => {
  test('a window left alone locks itself; what was typed survives and saving asks for the PIN again', async ({
    page,
    guardbook,
  }) => {
    await page.clock.install();
    await guardbook.open(page);
    await unlockAsAdmin(page);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
    await page.getByLabel('网点名称').fill('西湖支行');

    // Past the default five minutes without use: the window shows itself locked, and the backend agrees.
    await page.clock.fastForward('05:30');
    await expect(lockIndicator(page)).toContainText('闲置已自动锁定');
    await expect(nav(page).getByRole('link', { name: '人员管理' })).toHaveCount(0);
    const view = await apiOk<{ unlocked: unknown }>(page, 'session.get');
    expect(view.unlocked).toBeNull();
    await expect(page.getByLabel('网点名称')).toHaveValue('西湖支行');

    await page.getByRole('button', { name: '保存设置' }).click();
    await enterPin(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    const settings = await apiOk<{ settings: { branch: { name: string } } }>(page, 'settings.get');
    expect(settings.settings.branch.name).toBe('西湖支行');
  });

  test('a call refused as locked asks for the PIN and is sent again', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await unlockAsAdmin(page);
    await page.goto(homeUrl(guardbook, '#/users'));
    const add = page.getByRole('form', { name: '添加人员' });
    await add.getByLabel('姓名').fill(GUARD.name);
    await add.getByLabel('PIN', { exact: true }).fill(GUARD.pin);
    await add.getByLabel('再次输入 PIN').fill(GUARD.pin);
    // Locked behind the page's back (as when the backend's idle lock runs out before the page's timer).
    await apiOk(page, 'session.lock');
    await add.getByRole('button', { name: '添加人员' }).click();
    await enterPin(page, ADMIN.name, ADMIN.pin);
    await expect(add.getByRole('status')).toHaveText(`已添加：${GUARD.name}（保安）`);
  });
});

test.describe('the audit trail', () => {
  test('lists what was done, newest first, with who did it, and verifies', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await staffed(page);
    const guard = await userId(page, GUARD.name);
    await apiOk(page, 'session.setOnDuty', { userId: guard });
    await callApi(page, 'session.unlock', { userId: guard, pin: '999999' }); // one wrong PIN
    await unlockThroughUi(page, MANAGER.name, MANAGER.pin);
    await apiOk(page, 'settings.update', { branch: { name: '城东支行营业部' } });

    await nav(page).getByRole('link', { name: '审计记录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '审计记录' })).toBeVisible();
    const rows = page.locator('.audit-table tbody tr');
    await expect(rows).toHaveCount(9);
    const types = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')));
    expect(types).toEqual([
      'settings.changed',
      'session.unlocked',
      'pin.failed',
      'duty.changed',
      'user.added',
      'user.added',
      'user.added',
      'user.setup',
      'audit.started',
    ]);
    const settings = rows.first();
    await expect(settings.locator('.audit-what')).toHaveText('修改设置');
    await expect(settings.locator('.audit-by')).toHaveText(MANAGER.name);
    await expect(settings.locator('.audit-details')).toContainText('网点');
    await expect(settings.locator('.audit-details')).toContainText('城东支行营业部');
    await expect(settings.locator('.audit-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expect(rows.nth(2).locator('.audit-what')).toHaveText(`PIN 错误：${GUARD.name}`);
    // Nobody is proven by a wrong PIN or a claim to be on duty: unidentified, not "system".
    await expect(rows.nth(2).locator('.audit-by')).toHaveText('未识别');
    await expect(rows.nth(3).locator('.audit-what')).toHaveText(`值班人员改为：${GUARD.name}`);
    await expect(rows.nth(3).locator('.audit-by')).toHaveText('未识别');
    await expect(rows.last().locator('.audit-by')).toHaveText('系统');
    await expect(rows.nth(4).locator('.audit-what')).toHaveText(`添加人员：${TRAINER.name}（培训员）`);
    await expect(rows.nth(4).locator('.audit-by')).toHaveText(ADMIN.name);
    await expect(page.locator('.audit-count')).toHaveText('第 1–9 条，共 9 条（最新的在前）');

    await page.getByRole('button', { name: '校验审计记录' }).click();
    const result = page.getByTestId('audit-verify-result');
    await expect(result).toContainText('✓ 校验通过：共 9 条，哈希链完整。');
    await expect(result.locator('code')).toHaveText(/^[0-9a-f]{64}$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'audit.png'), fullPage: true });

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(settings.locator('.audit-what')).toHaveText('Settings changed');
    await expect(rows.nth(3).locator('.audit-what')).toHaveText(`On duty now: ${GUARD.name}`);
  });
});

test.describe('a long audit trail', () => {
  test('is read a page at a time, newest first', async ({ page, guardbook }) => {
    await guardbook.open(page);
    const admin = await unlockAsAdmin(page);
    // audit.started and user.setup, then 58 changes of who is on duty: 60 entries.
    for (let i = 0; i < 29; i++) {
      await apiOk(page, 'session.setOnDuty', { userId: admin.id });
      await apiOk(page, 'session.setOnDuty', { userId: null });
    }
    await page.goto(homeUrl(guardbook, '#/audit'));
    const count = page.locator('.audit-count');
    await expect(count).toHaveText('第 1–50 条，共 60 条（最新的在前）');
    const seqs = () =>
      page.locator('.audit-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-seq')));
    expect((await seqs()).slice(0, 2)).toEqual(['60', '59']);
    await expect(page.getByRole('button', { name: '较新' })).toBeDisabled();
    await page.getByRole('button', { name: '较早' }).click();
    await expect(count).toHaveText('第 51–60 条，共 60 条（最新的在前）');
    await expect(page.locator('.audit-table tbody tr')).toHaveCount(10);
    expect((await seqs()).at(-1)).toBe('1');
    await expect(page.getByRole('button', { name: '较早' })).toBeDisabled();
    await page.getByRole('button', { name: '较新' }).click();
    await expect(count).toHaveText('第 1–50 条，共 60 条（最新的在前）');
  });
});

test.describe('accessibility of the people screens', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

  test('axe finds no violations on the first-start form, People, Audit, Settings and the dialogs', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await expectNoAxeViolationsInBothThemes(page); // Home with the first-start banner
    await page.goto(homeUrl(guardbook, '#/users'));
    await expect(page.getByRole('form', { name: '创建管理员' })).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);

    await staffed(page);
    await page.goto(homeUrl(guardbook, '#/settings'));
    await expect(page.getByRole('button', { name: '解锁以编辑' })).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);
    await page.getByRole('button', { name: '解锁以编辑' }).click();
    await expect(pinDialog(page)).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'pin-dialog.png') });
    await enterPin(page, ADMIN.name, ADMIN.pin);
    await expect(page.getByLabel('网点名称')).not.toHaveAttribute('readonly', '');
    await expectNoAxeViolationsInBothThemes(page);

    await page.goto(homeUrl(guardbook, '#/users'));
    await page.getByRole('button', { name: new RegExp(`^编辑\\s*：${GUARD.name}$`) }).click();
    await expect(page.getByRole('heading', { name: `编辑人员：${GUARD.name}` })).toBeFocused();
    await expectNoAxeViolationsInBothThemes(page);

    await page.goto(homeUrl(guardbook, '#/audit'));
    await expect(page.locator('.audit-table')).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);

    await page.goto(homeUrl(guardbook, '#/'));
    await page.getByRole('button', { name: '选择', exact: true }).click();
    await expect(page.getByRole('dialog', { name: '谁在值班？' })).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);
  });
});

async function userId(page: Page, name: string): Promise<string> {
  const users = await apiOk<{ id: string; name: string }[]>(page, 'users.list');
  return users.find((u) => u.name === name)!.id;
}
