// Inspections read back: two guard-post inspections conducted through the API (an announced one that passes with one
// finding, an unannounced one that fails the same item again and a critical one) and a daily check still in progress.
// The unannounced one's report is 明查暗访情况通报 with its verdict, the veto, the findings with their photos decoded,
// and the rectifications' state now; it prints to an A4 PDF whose text holds the title, the findings and the
// inspectors and which embeds the photos. The scorecard draws the chart, finds the item failed 2 of 2 times and counts
// the rectifications closed on time, late and overdue. Records' 检查记录 tab lists all three and its filters narrow
// them; on a locked window only that tab asks for a PIN.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { TINY_PNG_BASE64 } from '../support/photos';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test, type Guardbook } from './support/fixtures';
import { conductInspection } from './support/inspections';
import {
  addUser,
  apiOk,
  enterPin,
  GUARD,
  lockIndicator,
  MANAGER,
  pinDialog,
  TRAINER,
  unlockAsAdmin,
} from './support/people';
import { homeUrl } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

// axe-core is injected into the page; the app's own CSP is tested elsewhere.
test.use({ bypassCSP: true });

/** The first look at a screen loaded on first use: generous, as this 2-core machine may be busy with other work. */
const FIRST_PAINT = { timeout: 15_000 };
const SHIFT_LOG = '值班登记和交接班记录按时填写、签字清楚';
const AT_POSITION = '保安在规定岗位值守，未擅自离岗、串岗';
const VISITOR = '张督导';

interface User {
  id: string;
  name: string;
  pin: string;
}

/** An administrator adds the staff; the page is left unlocked as the trainer. */
async function staffed(page: Page, guardbook: Guardbook) {
  await guardbook.open(page);
  await unlockAsAdmin(page);
  const trainer: User = { ...(await addUser(page, TRAINER)), pin: TRAINER.pin };
  const guard: User = { ...(await addUser(page, GUARD)), pin: GUARD.pin };
  const manager: User = { ...(await addUser(page, MANAGER)), pin: MANAGER.pin };
  await apiOk(page, 'session.unlock', { userId: trainer.id, pin: trainer.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${TRAINER.name}`);
  return { trainer, guard, manager };
}

/** Reports a rectification fixed as the page's user, with a photo, and has `checker` (another tab) accept it. */
async function closeRectification(page: Page, checker: Page, actionId: string): Promise<void> {
  await apiOk(page, 'actions.fix', {
    actionId,
    note: '已整改',
    files: [{ name: 'fixed.png', base64: TINY_PNG_BASE64 }],
  });
  await apiOk(checker, 'actions.check', { actionId, accepted: true, note: '复核通过' });
}

test('an inspection report with its photos as a PDF, the scorecard, and inspections in Records', async ({
  page,
  guardbook,
  context,
}) => {
  test.setTimeout(120_000);
  const { trainer, guard, manager } = await staffed(page, guardbook);
  const owner = { userId: guard.id, name: GUARD.name };

  const first = await conductInspection(page, {
    checklistId: 'guard-post',
    fail: ['post-shift-log'],
    pin: trainer.pin,
    owner,
    inspectors: [TRAINER.name, VISITOR],
  });
  // Due long ago: one of its rectifications is closed late, the other stays open and overdue.
  const second = await conductInspection(page, {
    checklistId: 'guard-post',
    fail: ['post-at-position', 'post-shift-log'],
    pin: trainer.pin,
    owner,
    announced: false,
    due: '2020-01-31',
    inspectors: [TRAINER.name, VISITOR],
  });
  const inProgress = await apiOk<{ summary: { id: string } }>(page, 'inspections.start', {
    checklistId: 'daily-opening-closing',
    announced: true,
    place: '金库',
    inspectors: [MANAGER.name],
  });

  const checker = await context.newPage();
  await guardbook.open(checker);
  await apiOk(checker, 'session.unlock', { userId: manager.id, pin: manager.pin });
  await closeRectification(page, checker, first.actionIds[0]!); // on time
  await closeRectification(page, checker, second.actionIds[0]!); // late
  await checker.close();

  // The unannounced inspection's report.
  await page.goto(homeUrl(guardbook, `#/inspections/${second.inspectionId}/report`));
  const sheet = page.locator('.report-sheet[data-ready="true"]');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('明查暗访情况通报', FIRST_PAINT);
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText([
    '一、基本情况',
    '二、检查结论',
    '三、发现的问题',
    '四、检查明细',
    '五、整改要求',
    '六、总体评价',
    '七、签字确认',
    '八、记录依据',
  ]);
  await expect(sheet.getByTestId('report-verdict')).toContainText('不合格');
  await expect(sheet.getByTestId('report-verdict')).toContainText('合格线 80 分');
  await expect(sheet.getByTestId('report-veto')).toContainText(`一票否决：${AT_POSITION}`);
  await expect(sheet.getByTestId('report-inspectors')).toHaveText(`${TRAINER.name}、${VISITOR}`);
  const findings = sheet.locator('.inspection-report-finding');
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText(AT_POSITION);
  await expect(findings.nth(0)).toContainText('关键项');
  await expect(findings.nth(1)).toContainText(SHIFT_LOG);
  await expect(findings.nth(1)).toContainText('否');
  // Every finding's photo is in the page and decoded before the sheet says it is ready.
  const photos = findings.locator('img.report-photo');
  await expect(photos).toHaveCount(2);
  for (const photo of await photos.all()) {
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await expect(sheet.locator('tr[data-item="post-shift-log"][data-result="fail"]')).toContainText('不符合');
  await expect(sheet.locator('tr[data-item="post-attentive"][data-result="pass"]')).toContainText('符合');
  // The rectifications' state now, as the trainer may read the tracker.
  await expect(sheet.locator(`tr[data-action="${second.actionIds[0]}"]`)).toContainText('已完成');
  await expect(sheet.locator(`tr[data-action="${second.actionIds[1]}"]`)).toContainText('待整改');
  await expect(sheet.locator(`tr[data-action="${second.actionIds[1]}"]`)).toContainText('已逾期');
  await expect(sheet.getByTestId('report-integrity')).toHaveText('已验证');
  const key = await apiOk<{ key?: { fingerprint: string } }>(page, 'records.integrity');
  await expect(sheet.getByTestId('report-fingerprint')).toHaveText(key.key!.fingerprint);
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '保存为 PDF' })).toHaveCount(0); // the desktop app's only
  await expectNoAxeViolationsInBothThemes(page);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-toolbar')).toBeHidden();
  await page.emulateMedia({ media: null }); // page.pdf prints with print media of its own
  const pdfPath = test.info().outputPath('inspection-report.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  expect(existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils) is missing: run `npm run provision`').toBe(true);
  // Table cells wrap: the text is compared without its line breaks and spaces.
  const pdfText = execFileSync('/usr/bin/pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['明查暗访情况通报', AT_POSITION, SHIFT_LOG, TRAINER.name, VISITOR, '一票否决']) {
    expect(pdfText, expected).toContain(expected);
  }
  const images = execFileSync('/usr/bin/pdfimages', ['-list', pdfPath], { encoding: 'utf8' });
  // A header, a rule, then one line per image.
  expect(images.trim().split('\n').length - 2, images).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspection-report.png'), fullPage: true });

  // The announced one is a 检查记录 that passed with one finding.
  await page.goto(homeUrl(guardbook, `#/inspections/${first.inspectionId}/report`));
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('检查记录', FIRST_PAINT);
  await expect(sheet.getByTestId('report-verdict')).toContainText('合格 · 总分 95 分');
  await expect(sheet.getByTestId('report-veto')).toHaveCount(0);

  // The scorecard.
  await page.goto(homeUrl(guardbook, '#/inspections/scorecard'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('检查评分看板', FIRST_PAINT);
  const figure = page.locator('figure[data-checklist="guard-post"]');
  await expect(figure.locator('canvas[data-drawn="true"]')).toBeVisible();
  await expect(figure.locator('canvas')).toHaveAttribute('aria-label', /共 2 次检查，其中不合格 1 次/);
  await expect(figure.locator('figcaption')).toContainText('合格线 80 分');
  const recurring = page.locator('.scorecard-recurring tr[data-item="post-shift-log"]');
  await expect(recurring.getByRole('rowheader')).toHaveText(SHIFT_LOG);
  await expect(recurring.getByTestId('recurring-times')).toContainText('2 / 2 次');
  await expect(page.locator('.scorecard-recurring tbody tr')).toHaveCount(1); // post-at-position failed once only
  const figureValue = (name: string) => page.locator(`[data-figure="${name}"] dd`);
  await expect(figureValue('sealed')).toHaveText('2');
  await expect(figureValue('passRate')).toHaveText('50%');
  await expect(figureValue('total')).toHaveText('3');
  await expect(figureValue('closedOnTime')).toHaveText('1');
  await expect(figureValue('closedLate')).toHaveText('1');
  await expect(figureValue('openOverdue')).toHaveText('1');
  await expect(figureValue('openInTime')).toHaveText('0');
  await expect(figureValue('onTimeRate')).toHaveText('33.3%');
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'scorecard.png'), fullPage: true });

  // Records: the inspections tab lists the three begun, and its filters narrow them.
  await page.goto(homeUrl(guardbook, '#/records'));
  await page.getByRole('tab', { name: '检查记录' }).click();
  const panel = page.getByRole('tabpanel', { name: '检查记录' });
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(3, FIRST_PAINT);
  const listed = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-inspection')));
  expect(await listed()).toEqual([inProgress.summary.id, second.inspectionId, first.inspectionId]);
  await panel.getByLabel('结果').selectOption({ label: '合格' });
  await expect(rows).toHaveCount(1);
  expect(await listed()).toEqual([first.inspectionId]);
  await panel.getByLabel('结果').selectOption({ label: '进行中' });
  await expect(rows).toHaveCount(1);
  expect(await listed()).toEqual([inProgress.summary.id]);
  await panel.getByLabel('结果').selectOption({ label: '全部' });
  await panel.getByLabel('方式').selectOption({ label: '暗访' });
  await expect(rows).toHaveCount(1);
  expect(await listed()).toEqual([second.inspectionId]);
  await panel.getByRole('button', { name: '清除筛选' }).click();
  await panel.getByLabel('检查表').selectOption({ label: '保安在岗' });
  await expect(rows).toHaveCount(2);
  await panel.getByLabel('搜索').fill('金库');
  await expect(panel.locator('.records-empty')).toHaveText('没有符合筛选条件的检查');
  await panel.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(3);
  await expectNoAxeViolationsInBothThemes(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspection-records.png'), fullPage: true });
  await rows.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/inspections/${second.inspectionId}$`));

  // A locked window: Records' first tab asks nothing; the inspections tab asks for a guard's PIN.
  const locked = await context.newPage();
  await guardbook.open(locked);
  await locked.goto(homeUrl(guardbook, '#/records'));
  const runsTab = locked.getByRole('tab', { name: '处置与演练记录' });
  await expect(runsTab).toHaveAttribute('aria-selected', 'true');
  await expect(locked.locator('.records-empty')).toBeVisible(); // no runs yet, and no PIN asked
  await runsTab.focus();
  await locked.keyboard.press('ArrowRight');
  await expect(locked.getByRole('tab', { name: '检查记录' })).toBeFocused();
  await expect(locked.getByRole('tab', { name: '检查记录' })).toHaveAttribute('aria-selected', 'true');
  await locked.getByRole('button', { name: '解锁查看检查记录' }).click();
  await enterPin(locked, GUARD.name, GUARD.pin);
  await expect(pinDialog(locked)).toHaveCount(0);
  await expect(locked.getByRole('tabpanel', { name: '检查记录' }).locator('tbody tr')).toHaveCount(3, FIRST_PAINT);
  // A guard reads the report too, the rectifications as signed: the tracker is a trainer's.
  await locked.goto(homeUrl(guardbook, `#/inspections/${first.inspectionId}/report`));
  const guardSheet = locked.locator('.report-sheet[data-ready="true"]');
  await expect(guardSheet.locator(`tr[data-action="${first.actionIds[0]}"]`)).toContainText(GUARD.name, FIRST_PAINT);
  await expect(guardSheet.locator(`tr[data-action="${first.actionIds[0]}"]`)).toContainText('见整改措施');
  await expect(guardSheet.locator('img.report-photo')).toHaveCount(1);
});
