// Local dates and times: Records, the record and the printed report show 2026-12-05 / 2026年12月5日 (5 December
// 2026 in English), never 12/05/2026; a date filter means the branch's local day; and setting the branch's time
// zone in Settings changes the times every screen shows.
import type { Page } from '@playwright/test';
import { runsStartedAt } from '../support/localDayRuns';
import { unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';
import { expect, test } from './support/fixtures';

/** Month-first dates with slashes, as en-US writes them: never shown. */
const MONTH_FIRST = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

const seeded: Record<'afternoon' | 'lateEvening', string> = { afternoon: '', lateEvening: '' };
const row = (page: Page, runId: string) => page.locator(`.record-body [data-run-id="${runId}"]`);

test.describe('local dates and times', () => {
  test.use({
    seed: {
      write: async (dataDir) => {
        // The browser runs in Asia/Shanghai (playwright.config.ts) and the branch sets no zone at first.
        const [afternoon, lateEvening] = await runsStartedAt(dataDir, [
          { planId: 'fire', mode: 'drill', at: '2026-12-05T06:03:07.000Z' }, // 14:03:07 on the 5th in Shanghai
          { planId: 'fire', mode: 'drill', at: '2026-12-04T15:30:00.000Z' }, // 23:30:00 on the 4th in Shanghai
        ]);
        Object.assign(seeded, { afternoon, lateEvening });
      },
    },
  });

  test('Records, the record and the report show local dates as a Chinese user expects', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(row(page, seeded.afternoon).locator('.col-started')).toHaveText('2026-12-05 14:03');
    await expect(row(page, seeded.lateEvening).locator('.col-started')).toHaveText('2026-12-04 23:30');
    expect(await page.locator('main').innerText()).not.toMatch(MONTH_FIRST);

    // A date in the filter is the local day: 23:30 on the 4th belongs to the 4th, not to the 5th (its UTC date).
    await page.getByLabel('开始日期').fill('2026-12-05');
    await page.getByLabel('结束日期').fill('2026-12-05');
    await expect(page.locator('.records-count')).toHaveText('共 1 条');
    await expect(row(page, seeded.afternoon)).toBeVisible();
    await page.getByLabel('开始日期').fill('2026-12-04');
    await page.getByLabel('结束日期').fill('2026-12-04');
    await expect(page.locator('.records-count')).toHaveText('共 1 条');
    await expect(row(page, seeded.lateEvening)).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.locator('.records-count')).toHaveText('共 2 条');

    await page.goto(homeUrl(guardbook, `#/records/${seeded.afternoon}`));
    await expect(page.locator('main time').first()).toHaveText('2026-12-05 14:03:07');
    expect(await page.locator('main').innerText()).not.toMatch(MONTH_FIRST);

    await page.goto(homeUrl(guardbook, `#/records/${seeded.afternoon}/report`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet).toContainText('2026年12月5日 14:03:07');
    expect(await sheet.innerText()).not.toMatch(MONTH_FIRST);

    // In English: the long date is day first, and the list keeps the ISO-like form.
    await page.goto(homeUrl(guardbook, '#/settings'));
    await page.getByRole('radio', { name: 'English' }).check();
    await page.goto(homeUrl(guardbook, `#/records/${seeded.afternoon}/report`));
    await expect(sheet).toContainText('5 December 2026 14:03:07');
    expect(await sheet.innerText()).not.toMatch(MONTH_FIRST);
    await page.goto(homeUrl(guardbook, '#/records'));
    await expect(row(page, seeded.afternoon).locator('.col-started')).toHaveText('2026-12-05 14:03');
    expect(await page.locator('main').innerText()).not.toMatch(MONTH_FIRST);
    // Home lists the runs awaiting sign-off: one from another day shows its date, day first.
    await page.goto(homeUrl(guardbook, '#/'));
    await expect(page.locator(`.resume-item[data-run-id="${seeded.lateEvening}"]`)).toContainText(
      'Started 2026-12-04 23:30:00',
    );
    expect(await page.locator('main').innerText()).not.toMatch(MONTH_FIRST);
  });

  test('setting the branch’s time zone in Settings changes the times shown', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await unlockAsAdmin(page);
    await page.goto(homeUrl(guardbook, '#/settings'));
    const zone = page.getByLabel('时区（IANA 名称，如 Asia/Shanghai）');
    await expect(zone).toHaveValue('');
    await expect(page.getByTestId('time-zone-in-use')).toHaveText('当前使用：Asia/Shanghai');

    // Not a zone: said in place, and the form cannot be saved.
    await zone.fill('Beijing');
    await expect(page.getByText('不是有效的时区名称')).toBeVisible();
    await expect(zone).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: '保存设置' })).toBeDisabled();

    await zone.fill('Europe/Berlin');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('已保存', { exact: true })).toBeVisible();
    await expect(page.getByTestId('time-zone-in-use')).toHaveText('当前使用：Europe/Berlin');

    // 06:03:07 UTC is 07:03:07 in Berlin; 15:30 UTC on the 4th is 16:30 there.
    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(row(page, seeded.afternoon).locator('.col-started')).toHaveText('2026-12-05 07:03');
    await expect(row(page, seeded.lateEvening).locator('.col-started')).toHaveText('2026-12-04 16:30');
    await page.goto(homeUrl(guardbook, `#/records/${seeded.afternoon}/report`));
    await expect(page.locator('.report-sheet')).toContainText('2026年12月5日 07:03:07');

    // The zone is kept: a reload shows the same.
    await page.reload();
    await expect(page.locator('.report-sheet')).toContainText('2026年12月5日 07:03:07');

    // Cleared: the computer's zone again.
    await page.goto(homeUrl(guardbook, '#/settings'));
    await zone.fill('');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByTestId('time-zone-in-use')).toHaveText('当前使用：Asia/Shanghai');
    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(row(page, seeded.afternoon).locator('.col-started')).toHaveText('2026-12-05 14:03');
  });
});
