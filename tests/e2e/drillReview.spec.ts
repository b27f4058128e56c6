// After a drill, end to end: the trainer rates every objective and step on the evaluation screen, notes an area for
// improvement and makes it an action for the fire plan, writes the hot-wash and seals the evaluation once the run has
// ended; the drill report prints to an A4 PDF whose text holds the plan, the participants, the ratings and the
// action; a manager revises the plan from the actions list (a trainer is refused), an administrator approves, and
// the published version closes the action — the action names version 2, version 2's history names the action and
// the drill.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test, type Guardbook } from './support/fixtures';
import { addUser, ADMIN, apiOk, GUARD, lockIndicator, MANAGER, TRAINER, unlockAsAdmin } from './support/people';
import { homeUrl, UI } from './support/runner';
import { FILLED_DIRECTORY } from '../support/directory';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

// axe-core is injected into the page; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true });

const TITLE = '2026 年上半年火灾疏散演练';
const FIRE_PLAN = '营业网点火灾现场处置方案';
const OBJECTIVE_ALARM = '30 秒内发现火情并报警';
const OBJECTIVE_EVACUATE = '客户全部从安全出口撤离';
const IMPROVEMENT = '大堂经理没有扩音器，客户听不清疏散指令';
const ACTION = '配备扩音器并写入疏散步骤';
const HOT_WASH = '报警及时；疏散指令不清，需配备扩音器。';
const OLD_ACTION = '补充灭火器检查记录';
/** The first look at a screen loaded on first use: generous, as this 2-core machine may be busy with other work. */
const FIRST_PAINT = { timeout: 15_000 };

interface User {
  id: string;
  name: string;
  pin: string;
}

/** An administrator adds the staff; the page is left unlocked as the trainer. */
async function staffed(page: Page, guardbook: Guardbook) {
  await guardbook.open(page);
  const admin = { ...(await unlockAsAdmin(page)), pin: ADMIN.pin };
  const trainer = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  const guard = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  const manager = { ...(await addUser(page, MANAGER)), pin: MANAGER.pin };
  // A plan is published only with every contact's number filled in (a revision of the fire plan comes later).
  await apiOk(page, 'settings.update', { contacts: FILLED_DIRECTORY });
  await apiOk(page, 'session.unlock', { userId: trainer.id, pin: trainer.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${TRAINER.name}`);
  return { admin, trainer, guard, manager };
}

/** A tab of its own (its own session) unlocked as `user`, or nobody. */
async function tabOf(context: BrowserContext, guardbook: Guardbook, user?: User): Promise<Page> {
  const tab = await context.newPage();
  await guardbook.open(tab);
  if (user) {
    await apiOk(tab, 'session.unlock', { userId: user.id, pin: user.pin });
    await tab.reload();
    await expect(lockIndicator(tab)).toContainText(`已解锁：${user.name}`);
  }
  return tab;
}

/** The local calendar date `days` from today (negative: in the past), as the branch (this test's zone) counts. */
function localDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const group = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('group', { name, exact: typeof name === 'string' });

/** Rates one objective or step as the unlocked evaluator and waits until it is saved. */
async function rate(item: Locator, rating: string, observation: string): Promise<void> {
  await item.getByRole('radio', { name: rating, exact: true }).check();
  await item.getByLabel('观察记录').fill(observation);
  await item.getByRole('button', { name: '保存评定' }).click();
  await expect(item.getByRole('status')).toHaveText(/^已于 .+ 保存$/);
}

test('after a fire drill: evaluation, a sealed hot-wash, the report as a PDF, and an action closed by the plan version it caused', async ({
  page,
  guardbook,
  context,
}) => {
  test.setTimeout(120_000);
  const { admin, trainer, guard, manager } = await staffed(page, guardbook);

  // Planned and started through the API (the planning form has its own spec): two objectives, two participants.
  const planned = await apiOk<{ id: string }>(page, 'drills.plan', {
    spec: {
      title: TITLE,
      planId: 'fire',
      planVersion: 1,
      scenario: '营业时间二楼档案室起火，大厅有客户 12 人。',
      objectives: [
        { id: 'obj-1', text: OBJECTIVE_ALARM, stepId: 'raise-alarm' },
        { id: 'obj-2', text: OBJECTIVE_EVACUATE },
      ],
      participants: [
        { userId: guard.id, name: GUARD.name, role: 'guard' },
        { name: '刘大堂', role: 'lobby-manager' },
      ],
      evaluators: [{ userId: trainer.id, name: TRAINER.name }],
      scheduledAt: new Date().toISOString(),
      announced: true,
      injects: [{ id: 'inj-1', atSeconds: 0, text: '二楼档案室冒出浓烟', toRole: 'guard' }],
    },
  });
  const exerciseId = planned.id;
  const started = await apiOk<{ run: { runId: string } }>(page, 'drills.start', { exerciseId });
  const runId = started.run.runId;

  // The guard completes the first step on the runner.
  const runner = await tabOf(context, guardbook);
  await runner.goto(homeUrl(guardbook, `#/run/${runId}`));
  await expect(runner.locator('.mode-banner-drill')).toBeVisible();
  await UI.complete(runner, 'raise-alarm');

  // From the exercise page to its evaluation.
  await page.goto(homeUrl(guardbook, `#/drills/${exerciseId}`));
  await page.getByRole('link', { name: '演练评估' }).click();
  await expect(page).toHaveURL(new RegExp(`#/drills/${exerciseId}/evaluate$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`演练评估：${TITLE}`, FIRST_PAINT);
  await expect(page.getByTestId('run-status')).toHaveText('进行中');

  // Objective 1's time comes from the journal against the plan's 30-second target, never typed.
  const alarm = group(page, `目标 1：${OBJECTIVE_ALARM}`);
  await expect(alarm.locator('.rating-measured')).toHaveText(
    /^步骤“发现火情立即报警”：用时 0:\d\d，目标 0:30 (在目标内|超时)$/,
  );
  const evacuate = group(page, `目标 2：${OBJECTIVE_EVACUATE}`);
  await expect(evacuate.locator('.rating-measured')).toHaveCount(0); // a free objective: no step, no time
  await rate(alarm, '达标（P）', '保安 10 秒内按下报警按钮');
  await expect(alarm.locator('.rating-consensus')).toHaveText('综合评定： 达标（P）');
  await rate(evacuate, '基本达标（S）', '疏散指令不清，客户犹豫');
  await expect(evacuate.locator('.rating-consensus')).toContainText('基本达标（S）');
  await expect(evacuate.locator('.rating-list')).toContainText(`${TRAINER.name}（您）：基本达标（S）`);
  // Every step the run visited is there to rate: the first one, and the decision it is on now.
  const step = group(page, '发现火情立即报警');
  await expect(step.locator('.rating-measured')).toContainText('目标 0:30');
  await rate(step, '达标（P）', '动作规范');
  await expect(group(page, '是否为可扑灭的初起火灾？').locator('.rating-measured')).toContainText('仍在进行');

  // An area for improvement, with its cause and the objective it concerns.
  const findingForm = page.getByRole('form', { name: '记录评估发现' });
  await findingForm.getByRole('radio', { name: '需要改进' }).check();
  await findingForm.getByLabel('内容').fill(IMPROVEMENT);
  await findingForm.getByRole('button', { name: '记录' }).click();
  await expect(findingForm.getByLabel('原因类别')).toBeFocused(); // the cause is required
  await findingForm.getByLabel('原因类别').selectOption({ label: '资源' });
  await findingForm.getByLabel('涉及的目标或步骤').selectOption({ label: `目标 2：${OBJECTIVE_EVACUATE}` });
  await findingForm.getByRole('button', { name: '记录' }).click();
  const improvement = page.locator('.finding-improvement').filter({ hasText: IMPROVEMENT });
  await expect(improvement).toContainText('原因：资源');
  await expect(improvement).toContainText(`涉及：目标 2：${OBJECTIVE_EVACUATE}`);
  await expect(findingForm.getByLabel('内容')).toHaveValue('');

  // … made an action for the fire plan, owned by the manager, due in a month.
  await improvement.getByRole('button', { name: `转为整改措施：${IMPROVEMENT}` }).click();
  const actionForm = improvement.getByRole('form', { name: '建立整改措施' });
  await expect(actionForm.getByLabel('整改措施')).toHaveValue(IMPROVEMENT);
  await expect(actionForm.getByLabel('需要修订的预案')).toHaveValue('fire');
  await actionForm.getByLabel('整改措施').fill(ACTION);
  await actionForm.getByLabel('负责人', { exact: true }).selectOption({ label: `${MANAGER.name}（安全主管）` });
  const due = localDate(30);
  await actionForm.getByLabel('完成期限').fill(due);
  await actionForm.getByRole('button', { name: '建立整改措施' }).click();
  await expect(improvement.locator('.finding-actions')).toContainText(
    `整改措施：${ACTION}（负责人 ${MANAGER.name}，期限 ${due}）`,
  );
  await expect(improvement.locator('.finding-actions')).toContainText('待整改');

  // The run is still going: closing is refused, and the screen says why.
  const close = page.getByRole('button', { name: '结束评估并封存' });
  await expect(close).toBeDisabled();
  await expect(page.locator('#close-reason')).toContainText('演练运行尚未结束');
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-evaluation.png'), fullPage: true });

  // The run is aborted on the runner; the evaluation screen follows it and allows the close.
  await apiOk(runner, 'runs.command', { runId, command: { type: 'abort', reason: '演练结束' } });
  await expect(page.getByTestId('run-status')).toHaveText('已结束');
  await expect(close).toBeEnabled();
  await expect(page.locator('#close-reason')).toHaveCount(0);
  await page.getByLabel('现场复盘记录').fill(HOT_WASH);
  await close.click();
  const confirm = page.getByRole('button', { name: '确认结束并封存' });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await expect(page.getByTestId('evaluation-sealed')).toContainText('评估已结束并封存');
  const keyId = (await page.getByTestId('seal-key-id').textContent())!;
  expect(keyId).toMatch(/\S{8,}/);
  await expect(page.getByTestId('evaluation-sealed')).toContainText(keyId);
  // Sealed: read back, nothing to change.
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '保存评定' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: '记录评估发现' })).toHaveCount(0);
  await expect(page.locator('.hot-wash')).toHaveText(HOT_WASH);
  await expect(alarm.locator('.rating-consensus')).toContainText('达标（P）');
  await expectNoAxeViolationsInBothThemes(page);

  // The report: one A4 document, its sections as AQ/T 9009 orders them.
  await page.getByRole('link', { name: '演练总结报告' }).click();
  await expect(page).toHaveURL(new RegExp(`#/drills/${exerciseId}/report$`));
  const sheet = page.locator('.report-sheet[data-ready="true"]');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('应急演练总结报告', FIRST_PAINT);
  await expect(sheet.locator('.report-stamp')).toHaveText('演练 DRILL');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText([
    '一、演练目的',
    '二、演练时间和地点',
    '三、参演单位和人员',
    '四、演练情景',
    '五、演练过程',
    '六、评估结果',
    '七、发现的问题及原因',
    '八、整改措施',
    '九、做得好的方面',
    '十、现场复盘',
    '十一、记录依据',
  ]);
  await expect(sheet.locator('tr[data-objective="obj-1"] .drill-report-rating')).toHaveText('达标（P）');
  await expect(sheet.locator('tr[data-objective="obj-2"] .drill-report-rating')).toHaveText('基本达标（S）');
  await expect(sheet.getByTestId('report-seal-key')).toHaveText(keyId);
  await expect(sheet).toContainText(runId);
  await expect(page.getByRole('button', { name: '保存为 PDF' })).toHaveCount(0); // the desktop app's only
  await expectNoAxeViolationsInBothThemes(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-toolbar')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await page.emulateMedia({ media: null }); // page.pdf prints with print media of its own
  const pdfPath = test.info().outputPath('drill-report.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  expect(existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils) is missing: run `npm run provision`').toBe(true);
  const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const expected of [FIRE_PLAN, GUARD.name, '刘大堂', '达标（P）', '基本达标（S）', ACTION, MANAGER.name, due]) {
    expect(pdfText, expected).toContain(expected);
  }
  expect(pdfText.replace(/\s+/g, '')).toContain('应急演练总结报告');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-report.png'), fullPage: true });

  // An older action, already overdue, to see the list's order.
  await apiOk(page, 'actions.open', {
    spec: {
      title: OLD_ACTION,
      source: { kind: 'drill', exerciseId, title: TITLE },
      owner: { name: '刘大堂' },
      due: localDate(-5),
    },
  });

  // The actions list: overdue first and marked; the drill's action with its source, owner and due date.
  await page.goto(homeUrl(guardbook, '#/actions'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('整改措施', FIRST_PAINT);
  const cards = page.locator('.action-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText(OLD_ACTION);
  await expect(cards.first()).toHaveClass(/action-overdue/);
  await expect(cards.first().getByTestId('action-overdue')).toHaveText(/^逾期 [4-6] 天$/);
  await expect(page.getByTestId('actions-summary')).toHaveText('共 2 项，未完成 2 项，其中逾期 1 项。');
  const card = cards.filter({ hasText: ACTION });
  await expect(card.getByRole('link', { name: `演练“${TITLE}”` })).toHaveAttribute('href', `#/drills/${exerciseId}`);
  await expect(card.getByTestId('action-owner')).toHaveText(MANAGER.name);
  await expect(card.getByTestId('action-due')).toHaveText(due);

  // Updated: in progress, with a note.
  await card.getByRole('button', { name: `更新进展：${ACTION}` }).click();
  const update = card.getByRole('form', { name: `更新进展：${ACTION}` });
  await update.getByLabel('标记为整改中').check();
  await update.getByLabel('进展说明').fill('已申请采购扩音器');
  await update.getByRole('button', { name: '保存' }).click();
  await expect(card.locator('[data-status]').first()).toHaveText('整改中');
  await expect(card.locator('.action-history summary')).toHaveText('处理记录（1 条）');
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'drill-actions.png'), fullPage: true });

  // A trainer may not revise a plan: the backend says so, and the screen shows it.
  await card.getByRole('button', { name: '修订预案' }).click();
  await expect(card.getByRole('alert')).toContainText('此操作需要安全主管或更高权限');
  await expect(page).toHaveURL(/#\/actions$/);

  // The manager opens the revision from the action and submits a small change for review.
  const author = await tabOf(context, guardbook, manager);
  await author.setViewportSize({ width: 1920, height: 1080 });
  await author.goto(homeUrl(guardbook, '#/actions'));
  await author.locator('.action-card').filter({ hasText: ACTION }).getByRole('button', { name: '修订预案' }).click();
  await expect(author).toHaveURL(/#\/plans\/fire\/edit$/);
  await expect(author.getByRole('heading', { name: /^编辑草稿：/ })).toBeVisible(FIRST_PAINT);
  await author
    .getByRole('navigation', { name: '步骤' })
    .getByRole('button', { name: /防止复燃，报告上级行/ })
    .click();
  await author.locator('#ed-step--secure-after-fire--title--zh-CN').fill('防止复燃，检查扩音器，报告上级行');
  await expect(author.getByTestId('save-state')).toContainText(/已于 \d\d:\d\d 保存/);
  await author.getByRole('button', { name: '提交审核' }).click();
  const dialog = author.getByRole('dialog', { name: '提交审核' });
  await dialog.getByLabel('修改说明（必填）').fill('疏散时使用扩音器');
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(author.getByTestId('read-only')).toContainText('草稿已提交审核');

  // The administrator approves it with a PIN: version 2 is published.
  const reviewer = await tabOf(context, guardbook, admin);
  await reviewer.goto(homeUrl(guardbook, '#/plans/fire'));
  await reviewer.getByRole('link', { name: '审核' }).click();
  await reviewer.getByLabel('您的 PIN（批准即签字）').fill(ADMIN.pin);
  await reviewer.getByRole('button', { name: '批准并发布' }).click();
  await expect(reviewer).toHaveURL(/#\/plans\/fire$/);

  // The action is closed by version 2 (the list follows the push), and links to the plan's history…
  await expect(card.locator('[data-status]').first()).toHaveText('已完成');
  await expect(card.getByRole('button', { name: '修订预案' })).toHaveCount(0);
  const closedBy = card.getByRole('link', { name: `由《${FIRE_PLAN}》第 2 版关闭` });
  await expect(closedBy).toHaveAttribute('href', '#/plans/fire/history');
  await expect(page.getByTestId('actions-summary')).toHaveText('共 2 项，未完成 1 项，其中逾期 1 项。');
  await expect(cards.last()).toContainText(ACTION); // closed ones last
  await expectNoAxeViolationsInBothThemes(page);

  // … where version 2 names the action and the drill it came from.
  await closedBy.click();
  const current = page.locator('.version-entry[aria-current="true"]');
  await expect(current).toContainText('第 2 版', FIRST_PAINT);
  await expect(current.locator('.revised-for')).toHaveText(`为整改措施“${ACTION}”修订（来自演练“${TITLE}”）`);

  // The exercise page lists the drill's actions too; the report shows the action done, by version 2.
  await page.goto(homeUrl(guardbook, `#/drills/${exerciseId}`));
  await expect(page.locator('.exercise-improvements')).toContainText(ACTION, FIRST_PAINT);
  await page.goto(homeUrl(guardbook, `#/drills/${exerciseId}/report`));
  await expect(sheet.locator('.section-measures')).toContainText('由预案第 2 版关闭');

  // In English, the same report speaks English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Drill report');
  await expect(sheet.locator('tr[data-objective="obj-1"] .drill-report-rating')).toHaveText('Performed (P)');
});
