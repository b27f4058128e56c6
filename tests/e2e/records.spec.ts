// Records end to end: runs written by the real engine before the backend starts (and one live through the API),
// listed, filtered and searched, opened in detail, exported, and printed as an A4 record checked as a PDF.
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nodeJournalCrypto } from '../../electron/journal/nodeCrypto';
import { verifyJournalText } from '../../shared/journal/verify';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';
import { abortedRun, BRANCH, robberyDrill, shanghai, shortFireDrill, tamper, writeRuns } from './support/records';
import { unlockAsAdmin } from './support/people';
import { callApi, homeUrl } from './support/runner';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

const ROBBERY = '营业网点持械抢劫现场处置方案';
const row = (page: Page, runId: string) => page.locator(`.record-body [data-run-id="${runId}"]`);

/** axe-core in both themes: the records must be readable in high contrast too. */

/** Run ids of the seeded runs, by name: the seed runs in the fixture, before the page opens. */
const seeded: Record<string, string> = {};

test.describe('a branch’s history', () => {
  test.use({
    bypassCSP: true, // to inject axe-core; the app's own CSP is tested elsewhere
    seed: {
      write: async (dataDir) => {
        const [drill, aborted, older, damaged] = await writeRuns(dataDir, [
          robberyDrill(shanghai('2026-03-12', '09:30:00')),
          abortedRun(shanghai('2026-03-05', '14:10:00')),
          shortFireDrill(shanghai('2026-02-20', '16:00:00'), '赵强'),
          shortFireDrill(shanghai('2026-01-08', '10:00:00'), '赵强'),
        ]);
        // A record altered after it was sealed: its abort reason rewritten, its hash left as it was.
        tamper(dataDir, damaged!, '演练到此结束', '演练顺利完成');
        Object.assign(seeded, { drill, aborted, older, damaged });
      },
    },
  });

  test('lists runs newest first, filters and searches them, and opens one in full', async ({ page, guardbook }) => {
    await guardbook.open(page);
    // Branch settings and exports need a PIN: an administrator set up and this window unlocked as them.
    await unlockAsAdmin(page);
    // A live incident in progress, started through the API as the Home tile would.
    await callApi(page, 'settings.update', { branch: BRANCH });
    const started = await callApi(page, 'runs.start', { planId: 'fire', mode: 'incident' });
    const live = (started.value as { runId: string }).runId;
    await callApi(page, 'runs.command', { runId: live, command: { type: 'complete', step: 'raise-alarm' } });

    // The index re-reads a changed journal a moment later; the screen opens once it has.
    await expect.poll(async () => ((await callApi(page, 'records.list', {})).value as { total: number }).total).toBe(5);

    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '处置记录' })).toBeVisible();
    await expect(page.locator('.records-count')).toHaveText('共 5 条');
    const order = await page
      .locator('.record-body [data-run-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id')));
    expect(order).toEqual([live, seeded.drill, seeded.aborted, seeded.older, seeded.damaged]);

    // Each row: local time, mode, plan and version, outcome, duration, overdue, operator, integrity.
    const drill = row(page, seeded.drill!);
    await expect(drill.locator('.col-started')).toHaveText('2026-03-12 09:30');
    await expect(drill.locator('.col-mode')).toHaveText('演练 DRILL');
    await expect(drill.locator('.col-plan')).toContainText(`${ROBBERY} 第 1 版`);
    await expect(drill.locator('.col-outcome')).toHaveText('移交公安');
    await expect(drill.locator('.col-overdue')).toHaveText('2 项');
    await expect(drill.locator('.col-operator')).toHaveText('张伟');
    await expect(drill.locator('.col-integrity')).toHaveText('✓ 已验证');
    await expect(row(page, live).locator('.col-mode')).toHaveText('实战');
    await expect(row(page, live).locator('.col-outcome')).toHaveText('进行中');
    await expect(row(page, live).locator('.col-integrity')).toHaveText('○ 未封存');
    await expect(row(page, seeded.aborted!).locator('.col-outcome')).toHaveText('已中止');
    await expect(row(page, seeded.aborted!).locator('.col-duration')).toHaveText('0:35');
    const damaged = row(page, seeded.damaged!).locator('.integrity');
    await expect(damaged).toContainText('已损坏');
    // The journal's own first fault, then (for a sealed run) how it departs from its registered seal.
    await expect(damaged).toHaveAttribute(
      'title',
      /^第 \d+ 行（第 \d+ 字节起）：内容与哈希不符（已被修改）(；第 \d+ 行：(记录在封存后被截短|与登记的封存不符（被改写）))?$/,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'records.png') });
    await expectNoAxeViolationsInBothThemes(page);

    // Filters: mode, then text (debounced), local dates, operator; the empty state when nothing matches.
    await page.getByLabel('类型').selectOption('drill');
    await expect(page.locator('.records-count')).toHaveText('共 3 条');
    await expect(row(page, live)).toHaveCount(0);
    await page.getByRole('searchbox', { name: '搜索' }).fill('锁款');
    await expect(page.locator('.records-count')).toHaveText('共 1 条');
    await expect(page.locator('.record-body [data-run-id]')).toHaveCount(1);
    await expect(row(page, seeded.drill!)).toBeVisible();
    await page.getByRole('searchbox', { name: '搜索' }).fill('');
    await page.getByLabel('类型').selectOption('');
    await page.getByLabel('预案').selectOption('armed-robbery');
    await expect(page.locator('.records-count')).toHaveText('共 1 条');
    await page.getByLabel('预案').selectOption('');
    await page.getByLabel('结果').selectOption('aborted');
    await expect(page.locator('.records-count')).toHaveText('共 2 条');
    await expect(row(page, seeded.aborted!)).toBeVisible();
    await page.getByLabel('结果').selectOption('');
    await page.getByLabel('开始日期').fill('2026-02-20');
    await page.getByLabel('结束日期').fill('2026-03-05');
    await expect(page.locator('.records-count')).toHaveText('共 2 条');
    await expect(row(page, seeded.aborted!)).toBeVisible();
    await expect(row(page, seeded.older!)).toBeVisible();
    // The date range as one archive: exactly the runs started in it, journals verbatim, with the public key.
    const zipDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出该日期范围（ZIP）' }).click();
    const zip = unzipSync(readFileSync(await (await zipDownload).path()));
    const journals = Object.keys(zip).filter((name) => name.endsWith('.jsonl'));
    expect(journals.sort()).toEqual([`${seeded.aborted}.jsonl`, `${seeded.older}.jsonl`].sort());
    expect(Buffer.from(zip[`${seeded.older}.jsonl`]!).toString('utf8')).toBe(
      readFileSync(join(guardbook.dataDir, 'runs', `${seeded.older}.jsonl`), 'utf8'),
    );
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['index.csv', 'public-key.b64', 'README.txt']));
    await page.getByLabel('操作人').fill('赵强');
    await expect(page.locator('.records-count')).toHaveText('共 1 条');
    await page.getByRole('searchbox', { name: '搜索' }).fill('没有这样的备注');
    await expect(page.locator('.records-empty')).toHaveText('没有符合筛选条件的记录');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.locator('.records-count')).toHaveText('共 5 条');

    // The detail of the sealed drill.
    await row(page, seeded.drill!).getByRole('link', { name: ROBBERY }).click();
    await expect(page).toHaveURL(new RegExp(`#/records/${seeded.drill}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROBBERY);
    await expect(page.locator('.record-title-row')).toContainText('演练 DRILL');
    await expect(page.getByTestId('record-integrity')).toContainText('✓ 已验证');
    await expect(page.getByTestId('plan-hash')).toHaveText(/^sha256:[0-9a-f]{64}$/);
    const facts = page.locator('.record-facts');
    await expect(facts).toContainText(`${BRANCH.name}（网点编号 ${BRANCH.code}）`);
    await expect(facts).toContainText('张伟、王建国');
    await expect(facts).toContainText('2026-03-12 09:30:00');
    // The timeline in local time and time since the start.
    const timeline = page.locator('.timeline-list');
    await expect(timeline).toContainText('完成：立即触发一键报警');
    await expect(timeline.locator('li').nth(1)).toContainText('09:30:14');
    await expect(timeline.locator('li').nth(1)).toContainText('+0:14');
    // The chart: the alarm took 14 s against 10, red; keeping distance 5 s against 15, not.
    const alarm = page.locator('.chart-row[data-step="press-alarm"]');
    await expect(alarm).toHaveClass(/is-over/);
    await expect(alarm).toContainText('0:14 / 目标 0:10 超出 0:04');
    await expect(page.locator('.chart-row[data-step="keep-distance"]')).toHaveClass(/is-within/);
    await expect(page.locator('.chart-row[data-step="lock-cash"]')).toContainText('超出 0:02');
    await expect(page.locator('.record-decisions')).toContainText('是否有人员受伤？ → 无人受伤');
    await expect(page.locator('.problems')).toContainText('逾期：立即触发一键报警，用时 0:14，目标 0:10，超出 0:04');
    await expect(page.locator('.problems')).toContainText(
      '检查项未勾选：锁存现金和重要空白凭证 —— 柜台窗口和隔离门已关闭',
    );
    await expect(page.locator('.notes')).toContainText('柜员锁款动作偏慢，需加强训练');
    await expect(page.locator('.record-calls')).toContainText('报警 110');
    await expect(page.locator('.record-calls')).toContainText('0571-8765 4321');
    // The plan as it was followed, from the run's own copy.
    await page.getByText('展开查看本次执行时的预案原文').click();
    await expect(page.locator('.plan-as-run .outline-step').first()).toContainText('立即触发一键报警');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'record-detail.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectNoAxeViolationsInBothThemes(page);

    // CSV: UTF-8 with a BOM, Chinese text, one line per event.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe(`guardbook-${seeded.drill}.csv`);
    const csvBytes = readFileSync(await csv.path());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    expect(csvText).toContain('完成：立即触发一键报警');
    expect(csvText).toContain('柜员锁款动作偏慢，需加强训练');
    // JSON: parses, carries the journal verbatim and the public key that verifies its seal.
    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 JSON' }).click();
    const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
      runId: string;
      journal: string;
      publicKey: string;
    };
    expect(json.runId).toBe(seeded.drill);
    expect(json.publicKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const verified = verifyJournalText(json.journal, nodeJournalCrypto, { trustedKeys: [json.publicKey] });
    expect(verified.ok).toBe(true);
    expect(verified.seal).toBe('valid');
    expect(csvText.trimEnd().split('\r\n')).toHaveLength(verified.events.length + 1);

    // The damaged record says so, with where it failed.
    await page.goto(homeUrl(guardbook, `#/records/${seeded.damaged}`));
    await expect(page.getByRole('alert')).toContainText('此记录未通过完整性校验');
    await expect(page.getByTestId('record-integrity')).toContainText('已损坏');
    // The run in progress is shown as such, and its record follows it.
    await page.goto(homeUrl(guardbook, `#/records/${live}`));
    await expect(page.locator('.record-detail')).toContainText('此处置仍在进行中');
    await expect(page.getByTestId('record-integrity')).toContainText('未封存');
    await expect(page.locator('.chart-row[data-step="assess-fire"]')).toContainText('进行中');
  });

  test('prints the drill as an A4 record, checked as a PDF', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.goto(homeUrl(guardbook, `#/records/${seeded.drill}`));
    await page.getByRole('link', { name: '打印报告' }).click();
    await expect(page).toHaveURL(new RegExp(`#/records/${seeded.drill}/report$`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('应急演练记录');
    await expect(sheet).toContainText(`${BRANCH.name}（网点编号 ${BRANCH.code}）`);
    await expect(sheet).toContainText('营业网点持械抢劫现场处置方案（第 1 版）');
    await expect(sheet).toContainText('签名有效，日志完整');
    await expect(sheet.locator('[data-integrity]')).toHaveText('已验证');
    await expect(sheet.getByTestId('report-head')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page);

    // Chromium's print: A4, as the browser would print it; the toolbar and navigation are not on paper.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.report-toolbar')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await page.emulateMedia({ media: null }); // page.pdf prints with print media of its own
    const pdfPath = test.info().outputPath('report.pdf'); // under test-results/
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));

    // `npm test` provisions poppler-utils (tests/provision.ts): a missing pdftoppm is a failure, never a skip.
    expect(existsSync('/usr/bin/pdftoppm'), 'pdftoppm (poppler-utils) is missing: run `npm run provision`').toBe(true);
    const pngBase = join(SCREENSHOT_DIR, 'report-page1');
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]);
    expect(existsSync(`${pngBase}.png`)).toBe(true);
    const firstPage = execFileSync('/usr/bin/pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-'], {
      encoding: 'utf8',
    });
    expect(firstPage).toContain('应急演练记录');
    expect(firstPage).toContain(ROBBERY);
    const steps = ['立即触发一键报警', '锁存现金和重要空白凭证', '保持距离，观察嫌疑人', '拨打110，报告上级行'].filter(
      (s) => firstPage.includes(s),
    );
    expect(steps.length).toBeGreaterThanOrEqual(2);
  });

  test('speaks English when the language is English', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(homeUrl(guardbook, '#/records'));
    await expect(row(page, seeded.drill!).locator('.col-mode')).toHaveText('DRILL 演练');
    await expect(row(page, seeded.drill!).locator('.col-integrity')).toHaveText('✓ Verified');
    await page.goto(homeUrl(guardbook, `#/records/${seeded.aborted}/report`));
    await expect(page.locator('.report-sheet h1')).toHaveText('Emergency Incident Record');
    await expect(page.locator('.report-sheet')).toContainText('Run aborted, reason: 误触启动，现场无人员不适');
    await expect(page.locator('.report-sheet')).toContainText('has not been signed off and sealed yet');
  });
});

test.describe('a long history', () => {
  const COUNT = 450;
  test.use({
    seed: {
      write: async (dataDir) => {
        const first = shanghai('2025-01-01', '09:00:00').getTime();
        const runs = Array.from({ length: COUNT }, (_, i) =>
          shortFireDrill(new Date(first + i * 6 * 3600_000), i % 3 === 0 ? '赵强' : '孙丽'),
        );
        const ids = await writeRuns(dataDir, runs);
        Object.assign(seeded, { newest: ids.at(-1), oldest: ids[0] });
      },
    },
  });

  test('renders only the rows in view and pages through records.list as it scrolls', async ({ page, guardbook }) => {
    test.slow(); // 450 runs are written (fsynced) before the page opens
    const asked: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/records.list'))
        asked.push((request.postDataJSON() as { offset: number }).offset);
    });
    await guardbook.open(page);
    await page.goto(homeUrl(guardbook, '#/records'));
    await expect(page.locator('.records-count')).toHaveText(`共 ${COUNT} 条`);
    await expect(row(page, seeded.newest!)).toBeVisible();
    const drawn = await page.locator('.record-body [role="row"]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(40);
    expect(asked).toEqual([0]);

    // To the bottom: the last page is fetched and the oldest run is drawn, still with a few dozen rows.
    const scroller = page.locator('.record-scroller');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(row(page, seeded.oldest!)).toBeVisible();
    await expect(row(page, seeded.oldest!).locator('.col-started')).toHaveText('2025-01-01 09:00');
    expect(asked).toContain(400);
    expect(asked).not.toContain(200); // the middle page was never in view
    expect(await page.locator('.record-body [role="row"]').count()).toBeLessThan(40);
    // The table says how many rows there are, for screen readers that see only a few.
    await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    await expect(row(page, seeded.oldest!)).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  });
});
