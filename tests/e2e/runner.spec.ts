// The runner end to end in Chromium against the browser edition: start from Home, walk a plan, sign off,
// and check the journal on disk with the real verifier. Each test has its own data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { verifyJournalText } from '../../shared/journal/verify';
import { axeViolations, expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';
import { unlockAsAdmin } from './support/people';
import { callApi, DONE, journalEvents, journalText, RUN_URL, UI } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

const ROBBERY = '营业网点持械抢劫现场处置方案';
const CLOCK = /\d{2}:\d{2}:\d{2}/;

/** A live incident's close-out with "none" in every section (tests/e2e/closeOut.spec.ts fills it in fully). */
async function closeOutAsNone(page: Page): Promise<void> {
  for (const none of ['无损失', '无人员伤亡', '未报警', '未上报', '无后续措施']) await page.getByLabel(none).check();
  await page.getByRole('button', { name: '保存事件后续情况' }).click();
  await expect(page.locator('.close-out-saved')).toBeVisible();
}

test.describe('an incident from start to seal', () => {
  test('walks the armed-robbery plan to a signed, sealed record that the verifier accepts', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROBBERY);
    await expect(page.getByRole('link', { name: '← 返回首页' })).toBeVisible();
    await expect(page.locator('.mode-banner')).toContainText('实战 / LIVE INCIDENT');

    // The first step, its clock and its one big button, all on screen at 1366×768.
    const first = UI.step(page, 'press-alarm');
    await expect(first.getByRole('heading', { level: 2 })).toHaveText('立即触发一键报警');
    await expect(first.getByRole('timer')).toContainText('目标 0:10');
    await expect(first.getByRole('button', { name: DONE })).toBeInViewport();
    await UI.complete(page, 'press-alarm');

    // A parallel step: one column per role, each with its current step.
    const parallel = UI.step(page, 'secure-and-observe');
    await expect(parallel.getByRole('heading', { level: 2 })).toHaveText('锁款、观察、报警同步进行');
    await expect(page.locator('[data-track]')).toHaveCount(3);
    const teller = UI.track(page, 'teller');
    const cash = teller.getByRole('checkbox', { name: /现金已入柜加锁/ });
    await cash.click();
    await expect(cash).toBeChecked();
    await expect(cash).toHaveAttribute('aria-disabled', 'true');
    await expect(teller.locator('label.check.is-done')).toHaveAttribute('title', /记录只能追加/);
    await cash.click({ force: true }); // cannot be unticked: the record only grows
    await expect(cash).toBeChecked();

    const branchHead = UI.track(page, 'branch-head');
    const police = branchHead.locator('.contact').filter({ hasText: '报警' });
    await expect(police.locator('.contact-phone')).toHaveText('110');
    await police.getByRole('button', { name: /^已拨打\s*：报警 110/ }).click();
    await expect(police).toContainText(/已于 \d{2}:\d{2}:\d{2} 拨打/);
    await expect(branchHead.locator('.contact').filter({ hasText: '上级行安全保卫部门' })).toContainText(
      '号码未设置，请在设置中填写',
    );

    await UI.track(page, 'guard').getByRole('button', { name: DONE }).click();
    await expect(UI.track(page, 'guard')).toContainText('已完成');

    // A note with the N key: the box opens, the note is listed with its time.
    await page.keyboard.press('n');
    const noteBox = page.getByRole('dialog', { name: '添加备注' });
    await expect(noteBox).toBeVisible();
    await noteBox.getByRole('textbox').fill('嫌疑人一名，持刀，黑色外套');
    await noteBox.getByRole('button', { name: '保存备注' }).click();
    await expect(noteBox).toBeHidden();
    await expect(page.locator('.notes li')).toContainText('嫌疑人一名，持刀，黑色外套');
    await expect(page.locator('.notes li time')).toHaveText(CLOCK);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'run.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // A reload mid-run comes back to the same step with what was already recorded.
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`#/run/${runId}$`));
    await expect(UI.track(page, 'guard')).toContainText('已完成');
    await expect(UI.track(page, 'teller').getByRole('checkbox', { name: /现金已入柜加锁/ })).toBeChecked();
    await UI.track(page, 'teller').getByRole('button', { name: DONE }).click();
    await expect(UI.track(page, 'teller')).toContainText('已完成');
    await UI.track(page, 'branch-head').getByRole('button', { name: DONE }).click();
    await expect(parallel).toHaveCount(0);

    // Ordinary steps keep their main buttons on screen at 1366×768, even with four checklist items.
    await expect(UI.step(page, 'calm-suspect').getByRole('button', { name: DONE })).toBeInViewport();
    await UI.complete(page, 'calm-suspect');
    await UI.complete(page, 'evacuate-customers');
    for (const option of await UI.step(page, 'hostage-check').getByRole('button').all()) {
      await expect(option).toBeInViewport();
    }
    await UI.choose(page, 'hostage-check', '否');
    await UI.choose(page, 'robber-left', '已离开');
    await expect(UI.step(page, 'watch-escape').getByRole('button', { name: DONE })).toBeInViewport();
    await UI.complete(page, 'watch-escape');
    await UI.choose(page, 'anyone-hurt', '无人受伤');
    await UI.complete(page, 'protect-scene');
    await UI.complete(page, 'hand-over-police');
    await UI.complete(page, 'debrief');

    // The end: outcome, sign-off, seal; nothing more can be done.
    await expect(page.getByRole('heading', { name: '处置已结束' })).toBeVisible();
    await expect(page.locator('.end-outcome')).toHaveText('结果：移交公安');
    await expect(page.getByRole('button', { name: '中止' })).toHaveCount(0);
    await closeOutAsNone(page);
    await page.getByLabel('签字人姓名').fill('王建国');
    await page.getByLabel('补充说明（可选）').fill('派出所民警已到场接管');
    await page.getByRole('button', { name: '签字并封存记录' }).click();
    await expect(page.getByRole('heading', { name: /记录已封存/ })).toBeVisible();
    await expect(page.locator('.signed-off')).toContainText('王建国');
    const head = (await page.getByTestId('seal-head').textContent()) ?? '';
    const keyId = (await page.getByTestId('seal-key').textContent()) ?? '';
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(keyId).not.toBe('');
    await expect(page.locator('.run').getByRole('button')).toHaveCount(0);
    const timeline = page.locator('.timeline-list');
    await expect(timeline).toContainText('选择：是否有人员受伤？ → 无人受伤');
    await expect(timeline).toContainText('完成：立即触发一键报警');
    await expect(timeline).toContainText('备注：嫌疑人一名，持刀，黑色外套');
    await expect(timeline).toContainText('结束：移交公安');

    // The journal on disk, checked by the real verifier: intact, sealed, and what we did, in order.
    const verification = verifyJournalText(journalText(guardbook, runId), nodeJournalCrypto);
    expect(verification.failure).toBeUndefined();
    expect(verification.ok).toBe(true);
    expect(verification.seal).toBe('valid');
    expect(verification.keyId).toBe(keyId);
    const sealed = verification.events.at(-1)!;
    expect((sealed.data as { head: string }).head).toBe(head);
    const caused = verification.events
      .filter((e) => e.type !== 'step.overdue') // written by the engine if the machine running the test is slow
      .map((e) => {
        const d = e.data as Record<string, string>;
        return [e.type, d.step ?? d.outcome ?? d.name ?? d.text ?? d.mode ?? '', d.option ?? d.item ?? d.contact ?? ''];
      });
    expect(caused).toEqual([
      ['run.started', 'incident', ''],
      ['step.completed', 'press-alarm', ''],
      ['checklist.ticked', 'lock-cash', 'cash-locked'],
      ['contact.called', 'call-police', 'police'],
      ['step.completed', 'keep-distance', ''],
      ['note.added', 'lock-cash', ''],
      ['step.completed', 'lock-cash', ''],
      ['step.completed', 'call-police', ''],
      ['step.completed', 'calm-suspect', ''],
      ['step.completed', 'evacuate-customers', ''],
      ['option.chosen', 'hostage-check', 'no-hostage'],
      ['option.chosen', 'robber-left', 'left'],
      ['step.completed', 'watch-escape', ''],
      ['option.chosen', 'anyone-hurt', 'not-hurt'],
      ['step.completed', 'protect-scene', ''],
      ['step.completed', 'hand-over-police', ''],
      ['step.completed', 'debrief', ''],
      ['run.ended', 'handed-to-police', ''],
      ['incident.closedOut', '', ''],
      ['run.signedOff', '王建国', ''],
      ['run.sealed', '', ''],
    ]);

    // A sealed run is no longer offered for resuming.
    await page.getByRole('link', { name: '← 返回首页' }).click();
    await expect(page.locator('button.tile').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: /继续处置/ })).toHaveCount(0);
  });

  test('uses the branch’s own numbers before the plan’s, and records the number shown', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await unlockAsAdmin(page); // the contact directory is a manager's (or an administrator's) to set
    await callApi(page, 'settings.update', {
      contacts: { 'head-office-security': { phones: ['0571-8888 1234'] }, police: { phones: ['12110'] } },
    });
    const runId = await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    const contacts = UI.track(page, 'branch-head').locator('.contact');
    await expect(contacts.filter({ hasText: '上级行安全保卫部门' }).locator('.contact-phone')).toHaveText(
      '0571-8888 1234',
    );
    await expect(contacts.filter({ hasText: '报警' }).locator('.contact-phone')).toHaveText('12110');
    const office = contacts.filter({ hasText: '上级行安全保卫部门' });
    await office.getByRole('button', { name: /^已拨打/ }).click();
    await expect(office).toContainText(/已于 \d{2}:\d{2}:\d{2} 拨打/);
    // Calling again (a follow-up report) is recorded as another call.
    await office.getByRole('button', { name: /^又拨打了一次/ }).click();
    await expect(office.locator('.contact-called')).toContainText(/拨打.*拨打/);
    const calls = journalEvents(guardbook, runId).filter((e) => e.type === 'contact.called');
    expect(calls.map((c) => c.data.phone)).toEqual(['0571-8888 1234', '0571-8888 1234']);
  });
});

test.describe('drills and resuming', () => {
  test('a drill is marked as a drill on Home, on every part of the runner and in its record', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const drill = page.getByRole('checkbox', { name: /演练模式/ });
    await expect(drill).not.toBeChecked();
    await drill.check();
    await expect(page.getByRole('status').filter({ hasText: '演练模式已开启' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^启动演练：\s*火灾/ })).toBeVisible();
    const runId = await UI.start(page, 'fire');
    await expect(page.locator('.run')).toHaveClass(/mode-drill/);
    await expect(page.locator('.mode-banner')).toContainText('演练 DRILL');
    await expect(page.locator('.mode-banner')).toContainText('不是真实事件');
    await UI.complete(page, 'raise-alarm');
    // A decision with a hard timeout counts down to the automatic branch.
    const assess = UI.step(page, 'assess-fire');
    await expect(assess.getByRole('timer')).toContainText(/[01]:\d\d\s*后自动转入：各岗位同时疏散处置/);
    await expect(assess.getByRole('button', { name: /^初起小火/ })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'run-drill.png') });
    expect(journalEvents(guardbook, runId)[0]!.data.mode).toBe('drill');

    // Back on Home the switch is off again, and the drill waits in the resume list with its badge.
    await page.getByRole('link', { name: '← 返回首页' }).click();
    await expect(page.getByRole('checkbox', { name: /演练模式/ })).not.toBeChecked();
    await expect(page.locator(`[data-run-id="${runId}"]`)).toContainText('演练 DRILL');
  });

  test('Home offers an unfinished run at the top, and one tap resumes it at its step', async ({ page, guardbook }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'fire');
    await UI.complete(page, 'raise-alarm');
    await page.getByRole('link', { name: '← 返回首页' }).click();
    await page.reload(); // as after a restart: the list comes from the backend
    const resume = page.getByRole('region', { name: /继续处置/ });
    await expect(resume).toBeVisible();
    const item = resume.getByRole('link', { name: /营业网点火灾现场处置方案/ });
    await expect(item).toContainText('实战 / LIVE INCIDENT');
    await expect(item).toContainText(/开始于 \d{2}:\d{2}:\d{2}/);
    await expect(item).toContainText('当前：是否为可扑灭的初起火灾？');
    // The resume list must not push the plan tiles off a 1366×768 screen.
    for (const tile of await page.locator('button.tile').all()) await expect(tile).toBeInViewport();
    await item.click();
    await expect(page).toHaveURL(new RegExp(`#/run/${runId}$`));
    await expect(UI.step(page, 'assess-fire')).toBeVisible();
  });
});

test.describe('keys, errors and pending taps', () => {
  test('Enter completes, 1–9 choose, N opens the note box, and keys are ignored while typing', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    await page.keyboard.press('Enter');
    await expect(UI.step(page, 'secure-and-observe')).toBeVisible();
    // In a parallel step Enter completes the first track still working, left to right.
    await page.keyboard.press('Enter');
    await expect(UI.track(page, 'teller')).toContainText('已完成');
    await page.keyboard.press('Enter');
    await expect(UI.track(page, 'guard')).toContainText('已完成');
    await page.keyboard.press('Enter');
    await expect(UI.step(page, 'calm-suspect')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(UI.step(page, 'evacuate-customers')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(UI.step(page, 'hostage-check')).toBeVisible();
    await page.keyboard.press('2');
    await expect(UI.step(page, 'robber-left')).toBeVisible();

    await page.keyboard.press('n');
    const noteBox = page.getByRole('dialog', { name: '添加备注' });
    await expect(noteBox.getByRole('textbox')).toBeFocused();
    await page.keyboard.type('1 名嫌疑人向东逃离');
    await page.keyboard.press('Enter'); // a new line in the note, not "complete"
    await page.keyboard.press('Escape');
    await expect(noteBox).toBeHidden();
    await expect(UI.step(page, 'robber-left')).toBeVisible(); // the "1" typed was text, not a choice

    await page.keyboard.press('1');
    await expect(UI.step(page, 'watch-escape')).toBeVisible();
    const types = journalEvents(guardbook, runId).map((e) => `${e.type}:${String(e.data.step ?? '')}`);
    expect(types.filter((t) => !t.startsWith('step.overdue'))).toEqual([
      'run.started:',
      'step.completed:press-alarm',
      'step.completed:lock-cash',
      'step.completed:keep-distance',
      'step.completed:call-police',
      'step.completed:calm-suspect',
      'step.completed:evacuate-customers',
      'option.chosen:hostage-check',
      'option.chosen:robber-left',
    ]);
  });

  test('a second window showing the same run follows every tap at once', async ({ page, guardbook, context }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    const other = await context.newPage();
    await guardbook.open(other); // its own tab: the token comes with the printed URL
    await other.evaluate((hash) => (window.location.hash = hash), `#/run/${runId}`);
    await expect(UI.step(other, 'press-alarm')).toBeVisible();
    await UI.complete(page, 'press-alarm');
    // No reload, no focus change: the backend's push brings the other window along.
    await expect(UI.step(other, 'secure-and-observe')).toBeVisible();
    await expect(UI.step(other, 'press-alarm')).toHaveCount(0);
    await other.close();
  });

  test('a stale button (another window moved on) is refused, and the refusal is shown', async ({ page, guardbook }) => {
    // Pushes keep every window current; without them (a dropped connection) this window falls behind.
    await page.route('**/api/events**', (route) => route.abort());
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    const stale = UI.step(page, 'press-alarm').getByRole('button', { name: DONE });
    await expect(stale).toBeVisible();
    // Another window completes the step; this one has not heard about it yet.
    expect(
      await callApi(page, 'runs.command', { runId, command: { type: 'complete', step: 'press-alarm' } }),
    ).toMatchObject({ ok: true });
    await stale.click();
    const alert = page.getByRole('alert').filter({ hasText: '操作未被记录' });
    await expect(alert).toContainText('不是当前步骤');
    // The screen catches up with the record, and the alert stays until dismissed.
    await expect(UI.step(page, 'secure-and-observe')).toBeVisible();
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: '知道了' }).click();
    await expect(alert).toHaveCount(0);
  });

  test('a tap shows as done only once the backend has recorded it', async ({ page, guardbook }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/runs.command', async (route) => {
      await held;
      await route.continue();
    });
    const box = UI.track(page, 'teller').getByRole('checkbox', { name: /现金已入柜加锁/ });
    await box.click();
    await expect(box).toHaveAttribute('aria-busy', 'true');
    await expect(box).toBeDisabled();
    await expect(box).not.toBeChecked();
    const done = UI.track(page, 'guard').getByRole('button', { name: DONE });
    await done.click();
    await expect(done).toBeDisabled();
    await expect(done).toContainText('正在记录…');
    expect(journalEvents(guardbook, runId)).toHaveLength(2); // nothing written yet
    release();
    await expect(box).toBeChecked();
    await expect(UI.track(page, 'guard')).toContainText('已完成');
    // The two held commands may reach the backend in either order.
    expect(
      journalEvents(guardbook, runId)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['checklist.ticked', 'run.started', 'step.completed', 'step.completed']);
  });

  test('a journal that cannot be written shows a red banner that does not go away', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await UI.start(page, 'armed-robbery');
    const message = '记录写入失败（磁盘已满）：此后的操作未被记录。请立即报告，并改用纸质记录。';
    await page.route('**/api/runs.command', (route) =>
      route.fulfill({
        status: 507,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'storage', message: { 'zh-CN': message, en: 'Disk full' } } }),
      }),
    );
    await UI.step(page, 'press-alarm').getByRole('button', { name: DONE }).click();
    const banner = page.locator('.write-error');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(message);
    await expect(UI.step(page, 'press-alarm')).toBeVisible(); // not shown as done
    await page.getByRole('alert').filter({ hasText: '操作未被记录' }).getByRole('button', { name: '知道了' }).click();
    await page.unroute('**/api/runs.command');
    await UI.complete(page, 'press-alarm');
    await expect(banner).toContainText(message);
  });

  test('the engine’s overdue event arrives by push; the clock goes amber, then red', async ({ page, guardbook }) => {
    test.slow(); // the first step's target is 10 s of real time
    await guardbook.open(page);
    await UI.start(page, 'armed-robbery');
    const timer = UI.step(page, 'press-alarm').getByRole('timer');
    await expect(timer).toHaveClass(/timer-normal/);
    await expect(timer).toHaveClass(/timer-nearing/, { timeout: 12_000 });
    await expect(timer).toHaveClass(/timer-overdue/, { timeout: 6_000 });
    await expect(timer).toContainText('已逾期');
    // Written by the backend, not by this page: it can only have come through run.changed.
    await expect(page.locator('.timeline-list')).toContainText('逾期：立即触发一键报警（目标 10 秒）', {
      timeout: 6_000,
    });
  });

  test('abort asks for a reason, then the run ends as aborted and waits for sign-off', async ({ page, guardbook }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'medical-emergency');
    await page.getByRole('button', { name: '中止' }).click();
    const dialog = page.getByRole('dialog', { name: '中止本次处置？' });
    const confirm = dialog.getByRole('button', { name: '确认中止' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('button', { name: '返回处置' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '中止' }).click();
    await dialog.getByLabel('中止原因').fill('误触启动');
    await confirm.click();
    await expect(page.locator('.end-outcome')).toHaveText('结果：已中止');
    await expect(page.locator('.end-card')).toContainText('中止原因：误触启动');
    await expect(page.getByRole('button', { name: '签字并封存记录' })).toBeVisible();
    await expect(page.locator('.timeline-list')).toContainText('中止：误触启动');
    expect(journalEvents(guardbook, runId).map((e) => e.type)).toEqual(['run.started', 'run.aborted', 'run.ended']);
  });
});

test.describe('screens and languages', () => {
  test('works on a 1920×1080 touch screen with targets of at least 44 px', async ({ browser, guardbook }) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    const page = await context.newPage();
    await guardbook.open(page);
    await page.locator('[data-plan-id="armed-robbery"]').tap();
    await expect(page).toHaveURL(RUN_URL);
    await UI.step(page, 'press-alarm').getByRole('button', { name: DONE }).tap();
    await UI.track(page, 'teller')
      .getByRole('checkbox', { name: /现金已入柜加锁/ })
      .tap();
    await expect(UI.track(page, 'teller').getByRole('checkbox', { name: /现金已入柜加锁/ })).toBeChecked();
    const targets = page.locator('.run button, .run a, .run summary, .run label.check');
    expect(await targets.count()).toBeGreaterThan(10);
    for (const target of await targets.all()) {
      const box = await target.boundingBox();
      expect(box, await target.evaluate((e) => e.outerHTML.slice(0, 80))).not.toBeNull();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    }
    // Every track's main button fits on a full-HD screen.
    for (const role of ['teller', 'guard', 'branch-head']) {
      await expect(UI.track(page, role).getByRole('button', { name: DONE })).toBeInViewport();
    }
    await context.close();
  });

  test('speaks English when the language is English', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('button', { name: 'English' }).click();
    await UI.start(page, 'armed-robbery');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Armed robbery at the branch');
    await expect(page.locator('.mode-banner')).toContainText('LIVE INCIDENT');
    await expect(UI.step(page, 'press-alarm').getByRole('heading')).toHaveText('Press the one-key alarm now');
    await UI.step(page, 'press-alarm')
      .getByRole('button', { name: /^Done\s*: / })
      .click();
    await expect(page.locator('.timeline-list')).toContainText('Done: Press the one-key alarm now');
    await expect(page.getByRole('link', { name: '← Back to start' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

  test('axe finds no violations on the runner (parallel step, notes, end and seal), in both themes', async ({
    page,
    guardbook,
  }) => {
    const check = () => expectNoAxeViolationsInBothThemes(page);
    await guardbook.open(page);
    await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    await UI.track(page, 'teller')
      .getByRole('checkbox', { name: /现金已入柜加锁/ })
      .click();
    await UI.track(page, 'guard').getByRole('button', { name: DONE }).click();
    await expect(UI.track(page, 'guard')).toContainText('已完成');
    await check();
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog', { name: '添加备注' })).toBeVisible();
    await check();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '中止' }).click();
    const dialog = page.getByRole('dialog', { name: '中止本次处置？' });
    await dialog.getByLabel('中止原因').fill('演示');
    await dialog.getByRole('button', { name: '确认中止' }).click();
    await expect(page.getByRole('button', { name: '签字并封存记录' })).toBeVisible();
    await check();
    await closeOutAsNone(page);
    await page.getByLabel('签字人姓名').fill('李娜');
    await page.getByRole('button', { name: '签字并封存记录' }).click();
    await expect(page.getByRole('heading', { name: /记录已封存/ })).toBeVisible();
    await check();
  });

  test('axe finds no violations on a drill’s decision step with its countdown, in both themes', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await page.getByRole('checkbox', { name: /演练模式/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await UI.start(page, 'fire');
    await UI.complete(page, 'raise-alarm');
    await expect(UI.step(page, 'assess-fire')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'high-contrast'));
    expect(await axeViolations(page)).toEqual([]);
  });
});
