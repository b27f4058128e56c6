// The guard's path through the app, issue 11: one clock that says the truth, drills worded as drills everywhere,
// number keys on Home whatever has focus, the browser edition's address without its token, and the small things a
// guard sees on every screen (tile badges, icons, the favicon). Each test has its own data folder.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { DONE, journalEvents, UI } from './support/runner';

const FIRE = '营业网点火灾现场处置方案';
const MEDICAL = '突发疾病现场处置方案';
const BACK = '← 返回首页';

/** The one clock of a step card (a parallel step's own, not its tracks'). */
const clockOf = (page: Page, stepId: string) => UI.step(page, stepId).getByRole('timer').first();

test.describe('one clock that says the truth', () => {
  test('a step with a timeout counts down to the automatic move, and says where the run goes then', async ({
    page,
    guardbook,
  }) => {
    await page.clock.install(); // time flows as usual; the test jumps it forward in this page only
    await guardbook.open(page);
    await UI.start(page, 'fire');

    // A target and no timeout: the big clock counts up against the target.
    const alarm = clockOf(page, 'raise-alarm');
    await expect(alarm).toHaveAccessibleName('本步用时');
    await expect(alarm).toContainText('目标 0:30');
    await expect(alarm.locator('.timer-clock')).toHaveText(/^0:0\d$/);
    await expect(alarm.locator('.timer-clock')).toHaveText(/^0:0[2-9]$/); // it counts up, a second at a time
    await UI.complete(page, 'raise-alarm');

    // A timeout of 60 s (and a target of 30 s): one clock, counting down to the automatic move.
    const card = UI.step(page, 'assess-fire');
    await expect(card.getByRole('timer')).toHaveCount(1);
    const clock = clockOf(page, 'assess-fire');
    await expect(clock).toHaveAccessibleName('距自动转入');
    await expect(clock.locator('.timer-clock')).toHaveText(/^(1:00|0:5\d)$/);
    await expect(clock.locator('.timer-then')).toHaveText('后自动转入：各岗位同时疏散处置');
    await expect(clock).toContainText(/已用 0:0\d（目标 0:30）/);
    await expect(page.getByText('无时限')).toHaveCount(0);
    await expect(clock).toHaveClass(/timer-normal/);

    await page.clock.fastForward(20_000);
    await expect(clock.locator('.timer-clock')).toHaveText(/^0:(3\d|40)$/);

    // Past the target: red, with how far over, while the countdown goes on.
    await page.clock.fastForward(12_000);
    await expect(clock).toHaveClass(/timer-overdue/);
    await expect(clock).toContainText(/⚠ 已逾期 0:0\d/);
    await expect(clock.locator('.timer-clock')).toHaveText(/^0:2\d$/);

    // At 0:00 it says the run is moving on (the backend writes the timeout on its own clock).
    await page.clock.fastForward(30_000);
    await expect(clock.locator('.timer-clock')).toHaveText('0:00');
    await expect(clock.locator('.timer-then')).toHaveText('正在自动转入：各岗位同时疏散处置');
    // Drawn, not a glyph: the fonts of Debian's Chromium have no ⏱.
    await expect(clock.locator('.timer-then svg')).toHaveCount(1);
    expect(await page.locator('.run').innerText()).not.toContain('⏱');

    // In English the clock reads the same way.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(clock).toHaveAccessibleName('Time left before the run moves on by itself');
    await expect(clock.locator('.timer-then')).toHaveText('Moving on to “Evacuate: every post at once”');
  });

  test('a timeout without a target: the countdown is the clock, amber as the move comes near', async ({
    page,
    guardbook,
  }) => {
    await page.clock.install();
    await guardbook.open(page);
    await UI.start(page, 'armed-robbery');
    // To "是否具备安全制服条件？": 30 s to decide, no target.
    await UI.complete(page, 'press-alarm');
    for (const role of ['teller', 'guard']) {
      await UI.track(page, role).getByRole('button', { name: DONE }).click();
      await expect(UI.track(page, role)).toContainText('已完成');
    }
    await UI.track(page, 'branch-head').getByRole('button', { name: DONE }).click();
    await UI.complete(page, 'calm-suspect');
    await UI.complete(page, 'evacuate-customers');
    await UI.choose(page, 'hostage-check', '否');
    await UI.choose(page, 'robber-left', '仍在网点内');
    const clock = clockOf(page, 'safe-to-engage');
    await expect(clock).toHaveAccessibleName('距自动转入');
    await expect(clock.locator('.timer-clock')).toHaveText(/^0:(30|2\d)$/);
    await expect(clock.locator('.timer-then')).toHaveText('后自动转入：保持监视，等待警方');
    await expect(clock).not.toContainText('目标');
    await expect(clock).toHaveClass(/timer-normal/);
    await page.clock.fastForward(21_000);
    await expect(clock).toHaveClass(/timer-nearing/);
    await expect(clock.locator('.timer-clock')).toHaveText(/^0:0\d$/);
  });

  test('a step with neither a target nor a timeout counts up quietly', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await UI.start(page, 'telecom-fraud-counter');
    const quiet = clockOf(page, 'spot-signs');
    await expect(quiet).toHaveAccessibleName('本步用时');
    await expect(quiet).toHaveClass(/timer-quiet/);
    await expect(quiet.locator('.timer-clock')).toHaveText(/^0:\d\d$/);
    await expect(quiet).not.toContainText(/目标|无时限|自动转入/);
    // Smaller than a clock with a deadline, and in the muted colour.
    const size = await quiet.locator('.timer-clock').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeLessThan(30);
    await UI.complete(page, 'spot-signs');
    // The next step has a target: a full clock again.
    await expect(clockOf(page, 'hold-transaction')).toContainText('目标 1:00');
  });
});

test.describe('a drill is worded as a drill everywhere', () => {
  test('the runner, its dialogs, its end and Home’s resume list say 演练, never 处置', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('checkbox', { name: /演练模式/ }).check();
    const runId = await UI.start(page, 'medical-emergency');
    await expect(page.locator('.run')).toHaveClass(/mode-drill/);
    await expect(page.getByRole('complementary', { name: '演练时间线（1）' })).toBeVisible();
    await expect(page.locator('.timeline summary')).toHaveText('演练时间线（1）');

    // The note box says where the note goes.
    await page.keyboard.press('n');
    const noteBox = page.getByRole('dialog', { name: '添加备注' });
    await expect(noteBox.getByLabel('备注内容（将记入演练记录）')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(noteBox).toBeHidden();

    // A journal deleted under the drill: the banner speaks of the drill.
    rmSync(join(guardbook.dataDir, 'runs', `${runId}.jsonl`));
    await UI.complete(page, 'check-response');
    await expect(page.getByTestId('journal-rewritten')).toContainText('记录文件在演练中被删除');

    // Abort: every word of the dialog is about the drill.
    await page.getByRole('button', { name: '中止' }).click();
    const dialog = page.getByRole('dialog', { name: '中止本次演练？' });
    await expect(dialog).toContainText('中止后不能继续演练');
    await dialog.getByRole('button', { name: '返回演练' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '中止' }).click();
    await dialog.getByLabel('中止原因').fill('演练到此结束');
    await dialog.getByRole('button', { name: '确认中止演练' }).click();
    await expect(page.getByRole('heading', { name: '演练已结束' })).toBeVisible();
    // Nothing on the runner calls it 处置 (but the plan's own title, 突发疾病现场处置方案, and the timeline's line for
    // the rewrite, which shared/records/describeEvent.ts words).
    const words = await page.locator('.run').evaluate((run, title) => {
      const copy = run.cloneNode(true) as HTMLElement;
      for (const entry of copy.querySelectorAll('.type-journal-rewritten')) entry.remove();
      return (copy.textContent ?? '').replaceAll(title, '');
    }, MEDICAL);
    expect(words).toContain('本次为演练，不是真实事件');
    expect(words).not.toContain('处置');

    // English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'The drill has ended' })).toBeVisible();
    await expect(page.locator('.timeline summary')).toHaveText(/^Drill timeline \(\d+\)$/);
    await page.getByRole('button', { name: '中文' }).click();

    // Home: a drill waiting for sign-off is offered as a drill.
    await page.getByRole('link', { name: BACK }).click();
    const resume = page.getByRole('region', { name: /继续演练/ });
    await expect(resume.getByRole('heading')).toContainText('以下演练尚未结束，点击继续');
    await expect(resume.locator(`[data-run-id="${runId}"]`)).toContainText('演练 DRILL');

    // With a live incident waiting as well, the list names both.
    await UI.start(page, 'fire');
    await page.getByRole('link', { name: BACK }).click();
    await expect(page.getByRole('region', { name: /继续处置或演练/ })).toContainText('以下处置和演练尚未结束');
  });

  test('a live incident keeps its own words', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await UI.start(page, 'fire');
    await expect(page.locator('.timeline summary')).toHaveText('处置时间线（1）');
    await page.getByRole('button', { name: '中止' }).click();
    const dialog = page.getByRole('dialog', { name: '中止本次处置？' });
    await dialog.getByLabel('中止原因').fill('误触启动');
    await dialog.getByRole('button', { name: '确认中止' }).click();
    await expect(page.getByRole('heading', { name: '处置已结束' })).toBeVisible();
    await page.getByRole('link', { name: BACK }).click();
    await expect(page.getByRole('region', { name: /继续处置/ }).getByRole('heading')).toContainText('以下处置尚未结束');
  });
});

test.describe('number keys on Home', () => {
  test('start plans after the drill switch was toggled, whatever has focus, but not while typing', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const drill = page.getByRole('checkbox', { name: /演练模式/ });
    await drill.click();
    await expect(drill).toBeFocused();
    await expect(drill).toBeChecked();
    await page.keyboard.press('3'); // the third tile: 火灾
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRE);
    await expect(page.locator('.run')).toHaveClass(/mode-drill/);

    // Toggled on and off again, focus still on the switch: a live incident.
    await page.getByRole('link', { name: BACK }).click();
    await drill.click();
    await drill.click();
    await expect(drill).toBeFocused();
    await expect(drill).not.toBeChecked();
    await page.keyboard.press('1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('营业网点持械抢劫现场处置方案');
    const runId = new URL(page.url()).hash.replace('#/run/', '');
    expect(journalEvents(guardbook, runId)[0]!.data.mode).toBe('incident');

    // In the runner too: with a (ticked) checklist box focused, N still opens the note box.
    await UI.complete(page, 'press-alarm');
    const cash = UI.track(page, 'teller').getByRole('checkbox', { name: /现金已入柜加锁/ });
    await cash.click();
    await expect(cash).toBeChecked();
    await cash.focus();
    await expect(cash).toBeFocused();
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog', { name: '添加备注' })).toBeVisible();
    await page.keyboard.press('Escape');

    // A digit typed in the search field is text.
    await page.getByRole('link', { name: BACK }).click();
    const search = page.getByRole('searchbox', { name: '搜索预案' });
    await search.click();
    await page.keyboard.press('2');
    await expect(search).toHaveValue('2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('发生紧急情况？点击对应预案立即开始');
  });
});

test.describe('the browser edition’s address without its token', () => {
  const HELP_ZH = '请用完整地址打开 Guardbook 浏览器版';
  const HELP_EN = 'Open the Guardbook browser edition with its full address';

  test('shows a bilingual page on where the full address is, asks the backend nothing and leaks nothing', async ({
    page,
    guardbook,
  }) => {
    const api: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) api.push(request.url());
    });
    const bare = guardbook.host.url.replace(/#.*$/, '');
    for (const address of [bare, `${bare}#/records`]) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HELP_ZH);
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(HELP_EN);
      await expect(page.locator('#address-help')).toContainText('browser-edition.url');
      await expect(page.locator('#address-help')).toContainText('#token=');
      await expect(page.getByText('会话令牌已经失效')).toBeHidden(); // said only for a refused token
      await expect(page.locator('.fatal')).toHaveCount(0);
      await expect(page.getByText(/Cannot reach the backend|forbidden/)).toHaveCount(0);
      await expect(page).toHaveTitle(/请用完整地址打开/);
    }
    expect(api).toEqual([]);
    const html = await page.content();
    expect(html).not.toContain(guardbook.host.token);
    expect(html).not.toContain(guardbook.dataDir);

    // Pasting the full address into the same tab (a change after `#` only) opens the app.
    await page.goto(guardbook.host.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('发生紧急情况？点击对应预案立即开始');
    await expect(page.locator('#address-help')).toBeHidden();
    expect(page.url()).not.toContain(guardbook.host.token);
  });

  test('says the token is no longer valid when the backend refuses the one this tab has', async ({
    page,
    guardbook,
  }) => {
    const stale = guardbook.host.url.replace(/#token=.*$/, '#token=from-before-a-restart');
    await page.goto(stale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HELP_ZH);
    await expect(page.getByText('这个标签页保存的会话令牌已经失效')).toBeVisible();
    await expect(page.getByText('The session token this tab kept is no longer valid')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('guardbook.token'))).toBeNull();
    expect(page.url()).not.toContain('from-before-a-restart');
    // The server says which 401 it is: a refused token, not a locked window.
    const reply = await page.request.post(new URL('/api/plans.list', guardbook.host.url).href, { data: {} });
    expect(reply.status()).toBe(401);
    expect(reply.headers()['www-authenticate']).toBe('Guardbook-Token');
  });
});

test.describe('the page on the full address, accessibly', () => {
  test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

  test('axe finds no violations on it, in both themes', async ({ page, guardbook }) => {
    await page.goto(guardbook.host.url.replace(/#.*$/, ''));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('请用完整地址打开 Guardbook 浏览器版');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'high-contrast'));
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('what a guard sees on every screen', () => {
  test('tile number badges never overlap a title, in either language', async ({ page, guardbook }) => {
    await guardbook.open(page);
    // Where the badge is against every line of the title's and the subtitle's text.
    const overlaps = () =>
      page.locator('button.tile').evaluateAll((tiles) =>
        tiles.flatMap((tile) => {
          const key = tile.querySelector('.tile-key')?.getBoundingClientRect();
          const title = tile.querySelector('.tile-title');
          if (!key || !title) return [];
          const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
          const lines: DOMRect[] = [];
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            if (text.parentElement?.closest('.tile-key, .visually-hidden')) continue;
            const range = document.createRange();
            range.selectNodeContents(text);
            lines.push(...range.getClientRects());
          }
          const hit = lines.some(
            (line) => line.right > key.left && line.left < key.right && line.bottom > key.top && line.top < key.bottom,
          );
          return hit ? [tile.getAttribute('data-plan-id')] : [];
        }),
      );
    await expect(page.locator('.tile-key')).toHaveCount(9);
    expect(await overlaps()).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emergency? Tap the plan to start at once');
    expect(await overlaps()).toEqual([]);
    // Still every tile on a 1366×768 screen in Chinese, where the guard reads them.
    await page.getByRole('button', { name: '中文' }).click();
    for (const tile of await page.locator('button.tile').all()) await expect(tile).toBeInViewport();
  });

  test('the app has a favicon, served by itself (the CSP allows images from the app only)', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    const icon = page.locator('link[rel="icon"]');
    await expect(icon).toHaveAttribute('type', 'image/svg+xml');
    const href = await icon.evaluate((link) => (link as HTMLLinkElement).href);
    expect(new URL(href).origin).toBe(new URL(guardbook.host.url).origin);
    const reply = await page.request.get(href);
    expect(reply.status()).toBe(200);
    expect(reply.headers()['content-type']).toBe('image/svg+xml');
    expect(await reply.text()).toContain('<svg');
  });
});
