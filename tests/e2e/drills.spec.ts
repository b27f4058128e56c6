// Drill exercises end to end, as a trainer and a guard would use them: an announced fire drill planned through the
// form, watched from the console in a second window, started, its injects delivered on scenario time and by hand to
// the guard's runner and into the run's journal; an unannounced robbery drill declared on the guard's live run; and
// a guard kept away from exercises by the backend itself.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test, type Guardbook } from './support/fixtures';
import { addUser, apiOk, GUARD, lockIndicator, pinDialog, TRAINER, unlockAsAdmin } from './support/people';
import { callApi, homeUrl, journalEvents, RUN_URL, runIdOf } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

// axe-core is injected into the page; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true });

const SMOKE = '二楼档案室冒出浓烟，烟雾报警器响起';
const SMOKE_EXPECTED = '保安立即按下消防报警按钮并报119';
const LATER = '消防车到达，指挥员询问被困人员情况';
const CONTINGENCY = '一名客户拒绝离开大厅';
const CONTINGENCY_EXPECTED = '大堂经理劝离并引导至集合点';

interface User {
  id: string;
  name: string;
  pin: string;
}

/** An administrator adds a trainer and a guard; the page is left unlocked as the trainer. */
async function staffed(page: Page, guardbook: Guardbook): Promise<{ trainer: User; guard: User }> {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  const guard = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  await apiOk(page, 'session.unlock', { userId: trainer.id, pin: trainer.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${TRAINER.name}`);
  return { trainer, guard };
}

/** A tab of its own (its own session, nobody unlocked) on `hash`. */
async function tabAt(context: BrowserContext, guardbook: Guardbook, hash: string): Promise<Page> {
  const tab = await context.newPage();
  await guardbook.open(tab);
  await tab.goto(homeUrl(guardbook, hash));
  return tab;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const row = (form: Locator, name: string) => form.getByRole('group', { name, exact: true });
const mselRow = (page: Page, injectId: string) => page.locator(`.console-msel tr[data-inject="${injectId}"]`);

test('a trainer plans an announced fire drill, watches it from the console in a second window, starts it; injects reach the runner on time and by hand, and the journal', async ({
  page,
  guardbook,
  context,
}) => {
  test.setTimeout(90_000);
  const { trainer } = await staffed(page, guardbook);

  // The trainer's screens are in the navigation; the list is empty at first.
  await nav(page).getByRole('link', { name: '演练与培训' }).click();
  await expect(page).toHaveURL(/#\/drills$/);
  await expect(page.getByText('还没有安排任何演练。')).toBeVisible();
  await page.getByRole('link', { name: '安排演练' }).click();
  await expect(page).toHaveURL(/#\/drills\/new$/);

  // The form: plan, title, scenario, the branch's date and time (kept as offered), announced.
  const form = page.getByRole('form', { name: '安排演练' });
  await form.getByLabel('预案', { exact: true }).selectOption('fire');
  await expect(form.getByText('将演练第 1 版（当前发布的版本）')).toBeVisible();
  await form.getByLabel('演练名称').fill('2026 年上半年火灾疏散演练');
  await form.getByLabel('情景设定').fill('营业时间二楼档案室起火，大厅有客户 12 人。');
  await expect(form.getByLabel('通知演练（事先告知参演人员）')).toBeChecked();

  await form.getByRole('button', { name: '添加目标' }).click();
  const objective = row(form, '目标 1');
  await objective.getByLabel('目标内容').fill('3 分钟内发出火警并报 119');
  await objective.getByLabel('对应步骤').selectOption('raise-alarm');

  // Two participants: an app user, and someone typed in; each with a role of the plan.
  await form.getByRole('button', { name: '添加参演人员' }).click();
  await form.getByRole('button', { name: '添加参演人员' }).click();
  const first = row(form, '参演人员 1');
  await first.getByLabel('人员', { exact: true }).selectOption({ label: `${GUARD.name}（保安）` });
  await first.getByLabel('预案中的角色').selectOption('guard');
  const second = row(form, '参演人员 2');
  await second.getByLabel('姓名').fill('刘大堂');
  await second.getByLabel('预案中的角色').selectOption('lobby-manager');
  await form.getByRole('button', { name: '添加评估人员' }).click();
  await row(form, '评估人员 1')
    .getByLabel('人员', { exact: true })
    .selectOption({ label: `${TRAINER.name}（培训员）` });

  // Three injects: at 0:03, at 10:00, and a contingency one. A time that is not m:ss is caught in place.
  for (let i = 0; i < 3; i++) await form.getByRole('button', { name: '添加情景注入' }).click();
  const smoke = row(form, '情景注入 1');
  await smoke.getByLabel('情景时间（分:秒）').fill('3 秒');
  await smoke.getByLabel('情景内容（告知参演人员）').fill(SMOKE);
  await smoke.getByLabel('发给').selectOption('guard');
  await smoke.getByLabel('预期行动（只在控制台显示）').fill(SMOKE_EXPECTED);
  await smoke.getByLabel('对应步骤').selectOption('raise-alarm');
  await smoke.getByLabel('检验的目标').selectOption('obj-1');
  const later = row(form, '情景注入 2');
  await later.getByLabel('情景时间（分:秒）').fill('10:00');
  await later.getByLabel('情景内容（告知参演人员）').fill(LATER);
  const spare = row(form, '情景注入 3');
  await spare.getByLabel('备用注入（需要时手动下达）').check();
  await expect(spare.getByLabel('情景时间（分:秒）')).toBeDisabled();
  await spare.getByLabel('情景内容（告知参演人员）').fill(CONTINGENCY);
  await spare.getByLabel('发给').selectOption('lobby-manager');
  await spare.getByLabel('预期行动（只在控制台显示）').fill(CONTINGENCY_EXPECTED);
  await form.getByRole('button', { name: '保存演练安排' }).click();
  await expect(smoke.getByText('请按 分:秒 填写，如 10:00')).toBeVisible();
  await expect(smoke.getByLabel('情景时间（分:秒）')).toBeFocused();
  await expect(page).toHaveURL(/#\/drills\/new$/);
  await smoke.getByLabel('情景时间（分:秒）').fill('0:03');
  await expect(smoke.getByText('请按 分:秒 填写，如 10:00')).toHaveCount(0);
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-plan.png'), fullPage: true });
  await form.getByRole('button', { name: '保存演练安排' }).click();

  // The exercise page: what was planned, the MSEL in scenario order, and the start.
  await expect(page).toHaveURL(/#\/drills\/ex-[0-9]{8}-[0-9a-f]{6}$/);
  const exerciseId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/drills\//, ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026 年上半年火灾疏散演练');
  await expect(page.locator('.participants-table tbody tr')).toHaveCount(2);
  await expect(page.locator('.participants-table')).toContainText('大堂经理');
  await expect(page.locator('.exercise-summary .msel-table tbody tr')).toHaveCount(3);
  await expect(page.locator('.exercise-summary .msel-table tbody tr').first()).toContainText('0:03');
  await expect(page.locator('.exercise-summary .msel-table tbody tr').last()).toContainText('备用');
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-exercise.png'), fullPage: true });

  // The console in a second window, opened before the start: it shares this tab's session (no second PIN).
  const [consolePage] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: '在新窗口打开控制台' }).click(),
  ]);
  await expect(consolePage).toHaveURL(new RegExp(`#/drills/${exerciseId}/console$`));
  await expect(consolePage.locator('.mode-banner-drill')).toContainText('演练 DRILL');
  await expect(consolePage.getByRole('timer', { name: '情景时间' })).toHaveText('0:00');
  await expect(consolePage.locator('.console-state')).toHaveText(/演练尚未开始/);
  await expect(mselRow(consolePage, 'inj-1')).toContainText(SMOKE_EXPECTED); // the expected action: here only
  await expect(mselRow(consolePage, 'inj-1').getByRole('button', { name: '立即下达' })).toHaveCount(0);
  await expectNoAxeViolationsInBothThemes(consolePage);

  // Start. The guard's runner (a window nobody unlocked) shows the drill.
  await page.getByRole('button', { name: '开始演练' }).click();
  await expect(page.getByTestId('exercise-run')).toContainText(`由 ${TRAINER.name} 开始`);
  const runId = decodeURIComponent(
    (await page.getByRole('link', { name: '参演人员的执行页面' }).getAttribute('href'))!.replace(/^#\/run\//, ''),
  );
  const runner = await tabAt(context, guardbook, `#/run/${runId}`);
  await expect(runner.locator('.mode-banner-drill')).toBeVisible();

  // At 0:03 of scenario time the first inject is delivered: on the console, the runner, and in the journal.
  await expect(mselRow(consolePage, 'inj-1').locator('.msel-status')).toHaveText(/^已于 \d\d:\d\d:\d\d 下达$/, {
    timeout: 8000,
  });
  const smokeCard = runner.locator('.inject-card[data-inject="inj-1"]');
  await expect(smokeCard.locator('.inject-text')).toHaveText(SMOKE);
  await expect(smokeCard).toContainText('致：保安');
  await expect(runner.getByText(SMOKE_EXPECTED)).toHaveCount(0); // never on the runner
  await expect(consolePage.getByRole('timer', { name: '情景时间' })).not.toHaveText('0:00');
  await expect(consolePage.locator('.console-steps')).toContainText('发现火情立即报警');
  await expect(mselRow(consolePage, 'inj-2').locator('.msel-status')).toHaveText(/^9:5\d 后下达$/);

  // The contingency inject, fired by hand.
  await expect(mselRow(consolePage, 'inj-3').locator('.msel-status')).toHaveText('备用：需要时手动下达');
  await mselRow(consolePage, 'inj-3').getByRole('button', { name: '立即下达' }).click();
  await expect(mselRow(consolePage, 'inj-3').locator('.msel-status')).toHaveText(/^已于 \d\d:\d\d:\d\d 下达$/);
  await expect(mselRow(consolePage, 'inj-3').getByRole('button', { name: '立即下达' })).toHaveCount(0);
  await expect(runner.locator('.inject-card[data-inject="inj-3"] .inject-text')).toHaveText(CONTINGENCY);
  await expect(runner.locator('.inject-card')).toHaveCount(2);
  await consolePage.screenshot({ path: join(SCREENSHOT_DIR, 'drill-console.png'), fullPage: true });

  // Scenario time stops while paused, and goes on when resumed.
  await consolePage.getByRole('button', { name: '暂停情景时间' }).click();
  await expect(consolePage.locator('.console-state')).toHaveText(/情景时间已暂停/);
  const clock = consolePage.getByRole('timer', { name: '情景时间' });
  const frozen = await clock.textContent();
  await consolePage.waitForTimeout(1200);
  await expect(clock).toHaveText(frozen!);
  await expectNoAxeViolationsInBothThemes(consolePage);
  await consolePage.getByRole('button', { name: '继续情景时间' }).click();
  await expect(consolePage.getByRole('button', { name: '暂停情景时间' })).toBeEnabled();
  await expect(clock).not.toHaveText(frozen!);

  // The journal: both injects, as delivered, by whom, at what scenario time.
  const delivered = journalEvents(guardbook, runId).filter((e) => e.type === 'inject.delivered');
  expect(delivered.map((e) => e.data.injectId)).toEqual(['inj-1', 'inj-3']);
  expect(delivered[0]!.data).toMatchObject({ manual: false, scenarioSeconds: 3, text: SMOKE, toRole: 'guard' });
  expect(delivered[1]!.data).toMatchObject({ manual: true, text: CONTINGENCY });
  expect(delivered[0]!.data).not.toHaveProperty('expected');
  const view = await apiOk<{ timeline: { type: string; by: string | null; data: { injectId?: string } }[] }>(
    runner,
    'runs.get',
    { runId },
  );
  const timeline = view.timeline.filter((e) => e.type === 'inject.delivered');
  expect(timeline.map((e) => [e.data.injectId, e.by])).toEqual([
    ['inj-1', 'system'],
    ['inj-3', trainer.name],
  ]);

  // The list: running, two of three injects delivered.
  await page.goto(homeUrl(guardbook, '#/drills'));
  const listed = page.locator(`tr[data-exercise="${exerciseId}"]`);
  await expect(listed).toContainText('通知演练');
  await expect(listed).toContainText('进行中');
  await expect(listed.locator('.exercise-injects')).toHaveText('2/3');
  await expectNoAxeViolationsInBothThemes(page);
});

test('an unannounced robbery drill: the guard starts a live incident with one tap, the trainer declares it; the runner and the record show both facts', async ({
  page,
  guardbook,
  context,
}) => {
  test.setTimeout(60_000);
  await staffed(page, guardbook);
  await page.goto(homeUrl(guardbook, '#/drills/new'));
  const form = page.getByRole('form', { name: '安排演练' });
  await form.getByLabel('预案', { exact: true }).selectOption('armed-robbery');
  await form.getByLabel('演练名称').fill('暗访：持械抢劫');
  await form.getByLabel('通知演练（事先告知参演人员）').uncheck();
  await form.getByRole('button', { name: '保存演练安排' }).click();
  await expect(page).toHaveURL(/#\/drills\/ex-/);
  await expect(page.locator('.exercise-facts')).toContainText('暗访演练');
  await expect(page.getByRole('button', { name: '开始演练' })).toHaveCount(0);
  await expect(page.getByTestId('no-live-runs')).toBeVisible();

  // Changed before it starts: the title, in the same form on the exercise page.
  await page.getByRole('button', { name: '修改安排' }).click();
  const edit = page.getByRole('form', { name: '修改演练安排' });
  await expect(edit.getByLabel('预案', { exact: true })).toHaveValue('armed-robbery');
  await edit.getByLabel('演练名称').fill('暗访：持械抢劫（上午）');
  await expectNoAxeViolationsInBothThemes(page); // the form beside the exercise's own headings: no id twice
  await edit.getByRole('button', { name: '保存演练安排' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('暗访：持械抢劫（上午）');
  await expect(page.locator('.exercise-facts')).toContainText('最后修改');

  // The guard, in a window nobody unlocked, starts the plan as always: one tap, a live incident, no PIN.
  const guardPage = await context.newPage();
  await guardbook.open(guardPage);
  await guardPage.locator('[data-plan-id="armed-robbery"]').click();
  await expect(guardPage).toHaveURL(RUN_URL);
  await expect(pinDialog(guardPage)).toHaveCount(0);
  await expect(guardPage.locator('.mode-banner-incident')).toBeVisible();
  const runId = runIdOf(guardPage);

  // The live run shows up on the exercise page by itself; the trainer declares it the drill.
  const live = page.locator(`.live-run[data-run="${runId}"]`);
  await expect(live).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-declare.png'), fullPage: true });
  await live.getByRole('button', { name: '宣布为演练' }).click();
  await expect(page.getByTestId('exercise-run')).toContainText(`由 ${TRAINER.name} 宣布为演练`);
  await expect(page.getByRole('link', { name: '运行记录' })).toHaveAttribute('href', `#/records/${runId}`);

  // The guard's runner turns into a drill, saying so.
  await expect(guardPage.getByTestId('drill-declared')).toContainText('暗访：持械抢劫（上午）');
  await expect(guardPage.locator('.mode-banner-drill')).toBeVisible();
  await expect(guardPage.locator('.mode-banner-incident')).toHaveCount(0);

  // The record: started as a live incident, then declared a drill (appended, nothing rewritten).
  const record = await apiOk<{
    mode: string;
    startedAs: string;
    timeline: { type: string; data: { mode?: string; name?: string } }[];
  }>(guardPage, 'runs.get', { runId });
  expect(record).toMatchObject({ mode: 'drill', startedAs: 'incident' });
  const types = record.timeline.map((e) => e.type);
  expect(types[0]).toBe('run.started');
  expect(record.timeline[0]!.data.mode).toBe('incident');
  expect(types.indexOf('drill.declared')).toBeGreaterThan(0);
  expect(record.timeline.find((e) => e.type === 'drill.declared')!.data.name).toBe(TRAINER.name);
  expect(journalEvents(guardbook, runId)[0]!.data.mode).toBe('incident');
});

test('a guard can neither see nor declare exercises: no link, and the backend refuses', async ({ page, guardbook }) => {
  const { guard } = await staffed(page, guardbook);
  await apiOk(page, 'drills.plan', {
    spec: {
      title: '暗访：持械抢劫',
      planId: 'armed-robbery',
      planVersion: 1,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      announced: false,
    },
  });
  const runId = (await apiOk<{ runId: string }>(page, 'runs.start', { planId: 'armed-robbery', mode: 'incident' }))
    .runId;
  const [exercise] = await apiOk<{ id: string }[]>(page, 'drills.list');

  await apiOk(page, 'session.lock');
  await apiOk(page, 'session.unlock', { userId: guard.id, pin: guard.pin });
  await page.goto(homeUrl(guardbook, '#/'));
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${GUARD.name}（保安）`);
  await expect(nav(page).getByRole('link', { name: '处置记录' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: '演练与培训' })).toHaveCount(0);

  // The address typed in: the screen asks for a trainer and shows nothing of the exercise.
  await page.goto(homeUrl(guardbook, '#/drills'));
  await expect(page.getByText(/演练安排只给培训员及以上人员查看/)).toBeVisible();
  await expect(page.getByText('暗访：持械抢劫')).toHaveCount(0);

  const list = await callApi(page, 'drills.list', {});
  expect(list.ok).toBe(false);
  expect(list.error?.code).toBe('forbidden');
  const declare = await callApi(page, 'drills.declare', { exerciseId: exercise!.id, runId });
  expect(declare.ok).toBe(false);
  expect(declare.error?.code).toBe('forbidden');
  const record = await apiOk<{ mode: string }>(page, 'runs.get', { runId });
  expect(record.mode).toBe('incident');
});
