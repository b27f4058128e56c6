// The coverage and training dashboard and self-study, as a guard and a trainer use them: a guard unlocks and takes a
// quiz on the fire plan, which lands in their training record; a drill of the fire plan resets its coverage while
// plans never drilled say so and a planned exercise is on the calendar; the trends are drawn once a drill has been
// evaluated; and a guard never sees the dashboard.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test, type Guardbook } from './support/fixtures';
import { addUser, apiOk, enterPin, GUARD, lockIndicator, TRAINER, unlockAsAdmin } from './support/people';
import { callApi, homeUrl } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

// axe-core is injected into the page; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true });

/** The branch's zone, set in Settings so the backend and the browser (playwright.config.ts) count the same days. */
const ZONE = 'Asia/Shanghai';
const FIRE_TITLE = '营业网点火灾现场处置方案';

interface User {
  id: string;
  name: string;
  pin: string;
}

interface Coverage {
  today: string;
  plans: { planId: string; everyDays: number; status: string }[];
}

interface Grade {
  correct: number;
  total: number;
  perQuestion: { id: string; right: boolean; explanation: { 'zh-CN': string; en: string } }[];
}

/** An administrator sets the branch's zone and adds a trainer and a guard; the page is left unlocked as `as`. */
async function staffed(page: Page, guardbook: Guardbook, as: 'trainer' | 'guard'): Promise<Record<typeof as, User>> {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  await apiOk(page, 'settings.update', { timeZone: ZONE });
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  const guard = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  const user = as === 'trainer' ? trainer : guard;
  await apiOk(page, 'session.unlock', { userId: user.id, pin: user.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${user.name}`);
  return { trainer, guard };
}

/** Switches the page's session to `user` (by the API, as a second person sitting down would with their PIN). */
async function unlockAs(page: Page, guardbook: Guardbook, user: User, hash: string): Promise<void> {
  await apiOk(page, 'session.lock');
  await apiOk(page, 'session.unlock', { userId: user.id, pin: user.pin });
  await page.goto(homeUrl(guardbook, hash));
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${user.name}`);
}

/** A calendar date `days` after a YYYY-MM-DD date (calendar arithmetic, no zone involved). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const localToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: ZONE });
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const planRow = (page: Page, planId: string) => page.locator(`.coverage-table tr[data-plan="${planId}"]`);

test('a guard unlocks and takes a 5-question quiz on the fire plan; wrong answers show the plan’s words; the trainer sees it in their training record', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(60_000);
  const { trainer, guard } = await staffed(page, guardbook, 'trainer');
  await apiOk(page, 'session.lock');

  // Locked: the screen says to unlock with a PIN and offers the session's own prompt.
  await page.goto(homeUrl(guardbook, '#/study'));
  await page.reload();
  await expect(lockIndicator(page)).toContainText('未解锁');
  await expect(page.getByRole('heading', { level: 1, name: '自学测验' })).toBeVisible();
  await expect(page.getByText('请先用您的 PIN 解锁')).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page);
  await page.getByRole('button', { name: '用 PIN 解锁' }).click();
  await enterPin(page, GUARD.name, GUARD.pin);
  await expect(lockIndicator(page)).toContainText(`已解锁：${GUARD.name}`);
  await expect(nav(page).getByRole('link', { name: '自学测验' })).toBeVisible();

  // All plans by default; the guard keeps the fire plan only, five questions.
  const setup = page.getByRole('form', { name: '自学测验' });
  const all = setup.getByRole('checkbox', { name: '全部预案' });
  await expect(all).toBeChecked();
  await expect(setup.getByRole('checkbox', { name: FIRE_TITLE })).toBeChecked();
  await expect(setup.getByRole('radio', { name: '5 题' })).toBeChecked();
  await expectNoAxeViolationsInBothThemes(page);
  await all.uncheck();
  await expect(setup.getByRole('button', { name: '开始测验' })).toBeDisabled();
  await setup.getByRole('checkbox', { name: FIRE_TITLE }).check();
  await setup.getByRole('button', { name: '开始测验' }).click();

  // One question at a time: the first choice each time, by a tap, and by the key 1 on the last.
  const progress = page.locator('.quiz-progress');
  await expect(progress).toHaveText('第 1 题，共 5 题');
  await expect(page.locator('.quiz-prompt')).toBeFocused();
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'study-question.png'), fullPage: true });
  for (let n = 1; n <= 4; n++) {
    await expect(progress).toHaveText(`第 ${n} 题，共 5 题`);
    await page.locator('.quiz-choice').first().click();
  }
  await expect(progress).toHaveText('第 5 题，共 5 题');
  await expect(page.locator('.quiz-choice[aria-pressed="true"]')).toHaveCount(0);
  await page.keyboard.press('1');
  await expect(page.locator('.quiz-choice').first()).toHaveAttribute('aria-pressed', 'true');
  const submit = page.getByRole('button', { name: '提交答案' });
  await expect(submit).toBeFocused();
  const [graded] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/training.submit')),
    submit.click(),
  ]);
  const grade = ((await graded.json()) as { value: Grade }).value;

  // The score, and for a wrong answer the right one and the plan's own words. (The first choice is the right one
  // for 6 of the fire plan's 48 questions: five right in a row is too rare to plan for.)
  expect(grade.total).toBe(5);
  await expect(page.getByTestId('quiz-score')).toHaveText(`得分：${grade.correct} / 5`);
  const wrong = grade.perQuestion.filter((q) => !q.right);
  expect(wrong.length).toBeGreaterThan(0);
  await expect(page.locator('.quiz-review-item.is-wrong')).toHaveCount(wrong.length);
  for (const item of wrong) {
    const card = page.locator(`.quiz-review-item[data-question="${item.id}"]`);
    await expect(card).toContainText('正确答案：');
    await expect(card.locator('.quiz-explanation')).toContainText(item.explanation['zh-CN'].split('\n')[0]!);
  }
  await expect(page.locator('.quiz-review-item.is-right .quiz-explanation')).toHaveCount(0);
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'study-result.png'), fullPage: true });

  // Another quiz: the same plan, at once.
  await page.getByRole('button', { name: '再做一次' }).click();
  await expect(progress).toHaveText('第 1 题，共 5 题');

  // The trainer's dashboard: the guard's quiz in their record; fire studied, another plan not.
  await unlockAs(page, guardbook, trainer, '#/training');
  const person = page.locator(`.people-records tr[data-person="${guard.id}"]`);
  await expect(person.locator('.person-quiz')).toHaveCount(1);
  await expect(person.locator('.person-quiz .quiz-score')).toHaveText(`${grade.correct}/5`);
  await expect(person.locator('[data-gap-plan="fire"]')).toHaveCount(0);
  await expect(person.locator('[data-gap-plan="armed-robbery"]')).toHaveCount(1);
  await expect(person.locator('.gaps-never summary')).toHaveText('从未学习的预案：11 个');
  const trainerRow = page.locator(`.people-records tr[data-person="${trainer.id}"]`);
  await expect(trainerRow.locator('[data-gap-plan="fire"]')).toHaveCount(1);
  await expect(trainerRow).toContainText('未做过测验');
});

test('the coverage dashboard: a fire drill puts fire at 正常, due after its interval; a plan never drilled says so; a planned exercise is on the calendar', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(60_000);
  await staffed(page, guardbook, 'trainer');
  const runId = (await apiOk<{ runId: string }>(page, 'runs.start', { planId: 'fire', mode: 'drill' })).runId;
  await apiOk(page, 'runs.command', { runId, command: { type: 'abort', reason: '演练结束' } });
  const planned = await apiOk<{ id: string }>(page, 'drills.plan', {
    spec: {
      title: '地震应急疏散演练',
      planId: 'earthquake',
      planVersion: 1,
      scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      announced: true,
    },
  });
  const coverage = await apiOk<Coverage>(page, 'drills.coverage');
  const today = localToday();
  expect(coverage.today).toBe(today);
  const everyDays = coverage.plans.find((p) => p.planId === 'fire')!.everyDays;

  // The trainer's navigation leads there.
  await page.goto(homeUrl(guardbook, '#/'));
  await nav(page).getByRole('link', { name: '演练覆盖' }).click();
  await expect(page).toHaveURL(/#\/training$/);
  await expect(page.getByRole('heading', { level: 1, name: '演练覆盖与培训记录' })).toBeVisible();

  const fire = planRow(page, 'fire');
  await expect(fire.locator('.coverage-status .badge')).toHaveText('正常');
  await expect(fire.locator('.coverage-last a')).toHaveText(today);
  await expect(fire.locator('.coverage-last a')).toHaveAttribute('href', `#/records/${runId}`);
  await expect(fire.locator('.coverage-due')).toHaveText(addDays(today, everyDays));
  await expect(fire.locator('.coverage-policy')).toContainText(`每 ${everyDays} 天`);

  // Never drilled: said so, and listed before the plans that are in order.
  const robbery = planRow(page, 'armed-robbery');
  await expect(robbery.locator('.coverage-status .badge')).toHaveText('从未演练');
  await expect(page.locator('.coverage-table tbody tr').last()).toHaveAttribute('data-plan', 'fire');
  await expect(page.locator('.coverage-table tbody tr').first().locator('.coverage-status .badge')).toHaveText(
    '从未演练',
  );

  // The planned exercise: the plan's next one, and on the calendar, each a link to it.
  await expect(planRow(page, 'earthquake').locator('.coverage-next a')).toHaveAttribute(
    'href',
    `#/drills/${planned.id}`,
  );
  const item = page.locator(`.calendar-item[data-exercise="${planned.id}"]`);
  await expect(item).toContainText('地震应急疏散演练');
  await expect(item).toContainText('通知演练');
  await expect(item.getByRole('link', { name: '地震应急疏散演练' })).toHaveAttribute('href', `#/drills/${planned.id}`);

  // The records and the trends come after the table; trends are of exercises, and none has run.
  await expect(page.locator('.people-records')).toBeVisible();
  await expect(page.getByText('还没有已进行的演练安排，暂无趋势。')).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'training-coverage.png'), fullPage: true });
});

test('the trends are drawn with chart.js once a drill is evaluated, and their text alternative names the drill', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(60_000);
  const { trainer, guard } = await staffed(page, guardbook, 'trainer');
  const title = '2026 年火灾疏散演练';
  const exercise = await apiOk<{ id: string }>(page, 'drills.plan', {
    spec: {
      title,
      planId: 'fire',
      planVersion: 1,
      scheduledAt: new Date().toISOString(),
      announced: true,
      objectives: [{ id: 'obj-1', text: '3 分钟内发出火警并报 119', stepId: 'raise-alarm' }],
      participants: [{ userId: guard.id, name: guard.name, role: 'guard' }],
      evaluators: [{ userId: trainer.id, name: trainer.name }],
    },
  });
  const { run } = await apiOk<{ run: { runId: string } }>(page, 'drills.start', { exerciseId: exercise.id });
  await apiOk(page, 'runs.command', { runId: run.runId, command: { type: 'complete', step: 'raise-alarm' } });
  await apiOk(page, 'drills.rate', { exerciseId: exercise.id, target: { objectiveId: 'obj-1' }, rating: 'P' });
  await apiOk(page, 'runs.command', { runId: run.runId, command: { type: 'abort', reason: '演练结束' } });

  await page.goto(homeUrl(guardbook, '#/training'));
  const share = page.locator('figure[data-trend="share"] canvas[role="img"]');
  const time = page.locator('figure[data-trend="time"] canvas[role="img"]');
  await expect(share).toHaveAttribute('data-drawn', 'true');
  await expect(time).toHaveAttribute('data-drawn', 'true');
  await expect(share).toHaveAttribute('aria-label', new RegExp(`「${title}」100%`));
  await expect(time).toHaveAttribute('aria-label', new RegExp(`「${title}」`));
  expect(await share.evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);

  // The same figures as a table.
  await page.getByText('以表格查看趋势数据').click();
  const row = page.locator(`.trend-table tr[data-exercise="${exercise.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `#/drills/${exercise.id}`);
  await expect(row).toContainText('100%');

  // The guard's training record names the drill, their role in the plan, and its run's record.
  const drill = page.locator(`.people-records tr[data-person="${guard.id}"] [data-exercise="${exercise.id}"]`);
  await expect(drill.getByRole('link', { name: title })).toHaveAttribute('href', `#/drills/${exercise.id}`);
  await expect(drill).toContainText(`${FIRE_TITLE} · 角色：保安`);
  await expect(drill.getByRole('link', { name: '运行记录' })).toHaveAttribute('href', `#/records/${run.runId}`);
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'training-trends.png'), fullPage: true });
});

test('a guard does not see the dashboard: no link, the screen asks for a trainer, and the backend refuses', async ({
  page,
  guardbook,
}) => {
  await staffed(page, guardbook, 'guard');
  await expect(nav(page).getByRole('link', { name: '自学测验' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: '演练覆盖' })).toHaveCount(0);

  await page.goto(homeUrl(guardbook, '#/training'));
  await expect(page.getByText(/演练覆盖和人员培训记录只给培训员及以上人员查看/)).toBeVisible();
  await expect(page.locator('.coverage-table')).toHaveCount(0);

  for (const channel of ['drills.coverage', 'drills.trends', 'training.records']) {
    const reply = await callApi(page, channel, {});
    expect(reply.ok, channel).toBe(false);
    expect(reply.error?.code, channel).toBe('forbidden');
  }
});
