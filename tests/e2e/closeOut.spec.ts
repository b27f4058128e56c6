// Who did what and the incident close-out, clicking as the guard would: the guard on duty runs an incident to its
// end, fills in the close-out, signs with their PIN; the record and the printed report show every section, the
// guard as 记录人 and 已核验. With no users at all, a typed name is the only way and shows as 未核验.
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { addUser, ADMIN, apiOk, GUARD, lockIndicator } from './support/people';
import { homeUrl, journalEvents, journalText, UI } from './support/runner';

const PLAN = 'suspicious-item-bomb-threat';

/** The browser's local HH:mm now: never before the run's start minute, never in the future. */
function localNow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  });
}

/** Three taps to the end: a suspicious item whose owner was found (a false alarm). */
async function runToEnd(page: Page): Promise<string> {
  const runId = await UI.start(page, PLAN);
  await UI.choose(page, 'threat-source', '发现可疑物品');
  await UI.complete(page, 'keep-away-from-item');
  await UI.choose(page, 'owner-check', '已确认物主并取回');
  await expect(page.getByRole('heading', { name: '处置已结束' })).toBeVisible();
  return runId;
}

const section = (page: Page, name: string) => page.getByRole('group', { name });

test.describe('the incident close-out and a verified sign-off', () => {
  test.slow(); // a whole incident, the record and the report, on a machine shared with other runs
  test('the guard on duty is the actor of every tap, fills in the close-out and signs with their PIN', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    // An administrator and the guard, made through the API; then this window is locked again.
    await apiOk(page, 'users.setup', { name: ADMIN.name, pin: ADMIN.pin });
    const guard = await addUser(page, GUARD);
    await apiOk(page, 'session.lock');
    // The guard says they are on duty (no PIN; people.spec clicks through that picker); the window stays locked.
    await apiOk(page, 'session.setOnDuty', { userId: guard.id });
    await page.reload();
    await expect(lockIndicator(page)).toContainText('未解锁');
    await expect(page.getByTestId('on-duty')).toHaveText(`值班人员：${GUARD.name}（保安）`);

    const runId = await runToEnd(page);
    // Sign-off waits for the close-out, and says so.
    await expect(page.getByText('请先填写并保存上方的事件后续情况，再签字。')).toBeVisible();
    await expect(page.getByRole('button', { name: '签字并封存记录' })).toBeDisabled();

    // Saving with nothing chosen says which sections are missing.
    const form = page.locator('form.close-out');
    await form.getByRole('button', { name: '保存事件后续情况' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      '还需选择：损失情况、伤亡情况、报警及出警情况、上报情况、后续措施',
    );

    const now = await localNow(page);
    await section(page, '损失情况').getByLabel('有损失').check();
    await section(page, '损失情况').getByLabel('损失说明').fill('门口玻璃被撞碎');
    await section(page, '损失情况').getByLabel('损失金额（元，可选）').fill('1200.50');
    await section(page, '伤亡情况').getByLabel('有人员伤亡').check();
    await section(page, '伤亡情况').getByLabel('受伤人数').fill('1');
    await section(page, '伤亡情况').getByLabel('伤亡说明（可选）').fill('客户一名手部划伤');
    const police = section(page, '报警及出警情况');
    await police.getByLabel('已报警').check();
    await police.getByLabel('报警时间').fill(now);
    await police.getByLabel('出警到达时间（可选）').fill(now);
    await police.getByLabel('报警回执号（可选）').fill('JJ20260312-0815');
    await police.getByLabel('出警情况（可选）').fill('派出所两名民警到场');
    const reports = section(page, '上报情况');
    await reports.getByLabel('已上报').check();
    const first = reports.getByRole('group', { name: '第 1 条上报' });
    await first.getByLabel('上报对象').fill('分行安全保卫部');
    await first.getByLabel('上报时间').fill(now);
    await first.getByLabel('上报人及方式').fill('王伟 电话');
    await section(page, '后续措施').getByLabel('有后续措施').check();
    await section(page, '后续措施').getByLabel('后续措施', { exact: true }).fill('调取录像，排查可疑人员');
    await form.getByRole('button', { name: '保存事件后续情况' }).click();
    await expect(page.locator('.close-out-saved')).toContainText(`事件后续情况已保存`);
    await expect(page.locator('.close-out-saved')).toContainText(GUARD.name);

    // Sign with the PIN: the person on duty is the signer already.
    await expect(page.getByLabel('用 PIN 确认')).toBeChecked();
    const signer = page.getByRole('combobox', { name: '签字人' });
    await expect(signer).toHaveValue(guard.id);
    await expect(signer.locator('option:checked')).toHaveText(`${GUARD.name}（保安）`);
    // A wrong PIN is a clear error and nothing is signed.
    await page.getByLabel('签字人 PIN').fill('000000');
    await page.getByRole('button', { name: '签字并封存记录' }).click();
    await expect(page.locator('.sign-off').getByRole('alert')).toContainText('PIN 错误');
    expect(journalEvents(guardbook, runId).map((e) => e.type)).not.toContain('run.signedOff');
    await page.getByLabel('签字人 PIN').fill(GUARD.pin);
    await page.getByRole('button', { name: '签字并封存记录' }).click();
    await expect(page.getByRole('heading', { name: /记录已封存/ })).toBeVisible();
    await expect(page.locator('.signed-off')).toContainText(GUARD.name);
    await expect(page.locator('.signed-off')).toContainText('已核验 PIN');
    expect(journalText(guardbook, runId)).not.toContain(GUARD.pin);
    // Sealed: the close-out can no longer be corrected.
    await expect(page.getByRole('button', { name: '修改事件后续情况' })).toHaveCount(0);

    // The record: the close-out, the verified sign-off, and the guard on every tap in the timeline.
    await page.goto(homeUrl(guardbook, `#/records/${runId}`));
    const details = page.getByTestId('close-out-details');
    await expect(details).toContainText('门口玻璃被撞碎');
    await expect(details).toContainText('约 1200.50 元');
    await expect(details).toContainText('受伤 1 人，死亡 0 人');
    await expect(details).toContainText('报警回执号：JJ20260312-0815');
    await expect(details).toContainText('分行安全保卫部');
    await expect(details).toContainText('调取录像，排查可疑人员');
    await expect(page.locator('.record-facts')).toContainText('已核验 PIN');
    const tapped = page.locator('.timeline-entry.type-option-chosen, .timeline-entry.type-step-completed');
    await expect(tapped).toHaveCount(3);
    for (const entry of await tapped.all()) await expect(entry.locator('.timeline-by')).toHaveText(GUARD.name);

    // The printed report: 事件后续情况 as a table, 记录人 the guard, the sign-off verified.
    await page.goto(homeUrl(guardbook, `#/records/${runId}/report`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet).toHaveAttribute('data-ready', 'true');
    const closeOutRow = sheet.getByRole('row', { name: /^事件后续情况/ });
    await expect(closeOutRow.locator('.report-closeout')).toBeVisible();
    await expect(closeOutRow).toContainText('报警时间：');
    await expect(closeOutRow).toContainText('报警回执号：JJ20260312-0815');
    await expect(closeOutRow).toContainText('派出所两名民警到场');
    await expect(closeOutRow).toContainText('王伟 电话');
    const byCells = sheet.locator(
      '.report-process tr.type-option-chosen td:nth-child(5), .report-process tr.type-step-completed td:nth-child(5)',
    );
    await expect(byCells).toHaveCount(3);
    for (const cell of await byCells.all()) await expect(cell).toHaveText(GUARD.name);
    await expect(sheet.locator('.report-process thead')).toContainText('记录人');
    await expect(sheet.getByRole('row', { name: /^签字确认/ })).toContainText('已核验 PIN');
  });

  test('with no users, only a typed name is possible: the record says 未核验 and 未登记', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const runId = await runToEnd(page);
    const form = page.locator('form.close-out');
    for (const [name, none] of [
      ['损失情况', '无损失'],
      ['伤亡情况', '无人员伤亡'],
      ['报警及出警情况', '未报警'],
      ['上报情况', '未上报'],
      ['后续措施', '无后续措施'],
    ] as const) {
      await section(page, name).getByLabel(none).check();
    }
    await form.getByRole('button', { name: '保存事件后续情况' }).click();
    await expect(page.locator('.close-out-saved')).toContainText('未登记');
    // Correctable before sign-off: the form comes back with what was saved.
    await page.getByRole('button', { name: '修改事件后续情况' }).click();
    await expect(section(page, '报警及出警情况').getByLabel('未报警')).toBeChecked();
    await page.getByRole('button', { name: '取消修改' }).click();

    await expect(page.getByText('尚未建立用户，只能手写姓名，记录将标为“未核验”。')).toBeVisible();
    await expect(page.getByLabel('用 PIN 确认')).toHaveCount(0);
    await page.getByLabel('签字人姓名').fill('张三');
    await page.getByRole('button', { name: '签字并封存记录' }).click();
    await expect(page.getByRole('heading', { name: /记录已封存/ })).toBeVisible();
    await expect(page.locator('.signed-off')).toContainText('未核验，手写姓名');

    await page.goto(homeUrl(guardbook, `#/records/${runId}`));
    await expect(page.locator('.record-facts')).toContainText('张三');
    await expect(page.locator('.record-facts')).toContainText('未核验，手写姓名');
    await expect(page.getByTestId('close-out-details')).toContainText('未报警');
    await expect(page.locator('.timeline-entry.type-step-completed .timeline-by')).toHaveText('未登记');

    await page.goto(homeUrl(guardbook, `#/records/${runId}/report`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet.getByRole('row', { name: /^签字确认/ })).toContainText('未核验，手写姓名');
    await expect(sheet.locator('.report-process tr.type-step-completed td:nth-child(5)')).toHaveText('未登记');
    const closeOutRow = sheet.getByRole('row', { name: /^事件后续情况/ });
    await expect(closeOutRow).toContainText('未上报');
  });
});

test.describe('accessibility of the close-out and sign-off', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere
  test.slow(); // axe runs four times

  test('axe finds no violations with every section open and after a refusal, in both themes', async ({
    page,
    guardbook,
  }) => {
    const check = () => expectNoAxeViolationsInBothThemes(page);
    await guardbook.open(page);
    await runToEnd(page);
    for (const [name, some] of [
      ['损失情况', '有损失'],
      ['伤亡情况', '有人员伤亡'],
      ['报警及出警情况', '已报警'],
      ['上报情况', '已上报'],
      ['后续措施', '有后续措施'],
    ] as const) {
      await section(page, name).getByLabel(some).check();
    }
    await section(page, '上报情况').getByRole('button', { name: '添加一条上报' }).click();
    await expect(section(page, '上报情况').getByRole('group', { name: '第 2 条上报' })).toBeVisible();
    await check();
    // Saved with the details missing: the problems are listed, each with its section.
    await page.getByRole('button', { name: '保存事件后续情况' }).click();
    const problems = page.locator('form.close-out').getByRole('alert');
    await expect(problems).toContainText('报警时间：请按“时:分”填写');
    await check();
  });
});
