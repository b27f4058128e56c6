// What "verified" rests on, end to end in Chromium against the browser edition: the banners every screen shows
// for an unusual or unusable data folder, the key fingerprint and seal register head in Settings and on the
// printed report, a record sealed by another installation, and a journal file deleted under a live run.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { fingerprintOf } from '../../electron/journal/signingKey';
import type { RecordsIntegrity } from '../../shared/api/channels';
import { axeViolations } from './support/axe';
import { expect, NOT_A_FOLDER, test } from './support/fixtures';
import { unlockAsAdmin } from './support/people';
import { robberyDrill, shanghai, writeForeignRuns, writeRuns } from './support/records';
import { callApi, DONE, homeUrl, journalEvents, UI } from './support/runner';

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'high-contrast'));
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'standard'));
}

async function recordsIntegrity(page: Page): Promise<RecordsIntegrity> {
  const reply = await callApi(page, 'records.integrity', {});
  expect(reply.ok).toBe(true);
  return reply.value as RecordsIntegrity;
}

const dataDirBanner = (page: Page) => page.getByTestId('data-dir-banner');
const unrecordedBanner = (page: Page) => page.getByTestId('recording-unavailable');

test.describe('a data folder that is not the default', () => {
  test.use({ dataDirSource: 'argument', bypassCSP: true });

  test('is named on Home, in the runner and in Records, and the step stays in view', async ({ page, guardbook }) => {
    const text = `数据目录不是默认位置：${guardbook.dataDir}（由启动参数指定）`;
    await guardbook.open(page);
    await expect(dataDirBanner(page)).toHaveText(text);
    await expect(dataDirBanner(page)).toHaveAttribute('role', 'status');
    await expect(dataDirBanner(page).getByRole('button')).toHaveCount(0); // nothing to dismiss
    await expectNoAxeViolations(page);

    await UI.start(page, 'armed-robbery');
    await expect(dataDirBanner(page)).toHaveText(text);
    const first = UI.step(page, 'press-alarm');
    await expect(first.getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(first.getByRole('button', { name: DONE })).toBeInViewport();
    await UI.complete(page, 'press-alarm');
    await expect(dataDirBanner(page)).toHaveText(text);

    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('处置记录');
    await expect(dataDirBanner(page)).toHaveText(text);
    await page.getByRole('link', { name: '设置' }).click();
    await expect(dataDirBanner(page)).toHaveText(text);

    await expect(unrecordedBanner(page)).toHaveCount(0);

    // Starting on another folder is on the audit trail, described in words.
    await unlockAsAdmin(page);
    await page.goto(homeUrl(guardbook, '#/audit'));
    const entry = page.locator('.audit-table tbody tr[data-type="app.dataDir"]');
    await expect(entry.locator('.audit-what')).toHaveText('应用在非默认数据目录上启动（由启动参数指定）');
    await expect(entry.locator('.audit-details')).toHaveText(`数据目录：${guardbook.dataDir}`);
    await expect(dataDirBanner(page)).toHaveText(text);
  });
});

test.describe('a data folder set by an environment variable', () => {
  test.use({ dataDirSource: 'environment' });

  test('says so, in English too', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await expect(dataDirBanner(page)).toHaveText(`数据目录不是默认位置：${guardbook.dataDir}（由环境变量指定）`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(dataDirBanner(page)).toHaveText(
      `Data folder is not the default: ${guardbook.dataDir} (set by an environment variable)`,
    );
  });
});

test.describe('the default data folder', () => {
  test('shows no data-folder banner on Home, in the runner or in Records', async ({ page, guardbook }) => {
    await guardbook.open(page);
    await expect(page.locator('button.tile').first()).toBeVisible();
    await expect(dataDirBanner(page)).toHaveCount(0);
    await expect(unrecordedBanner(page)).toHaveCount(0);
    await UI.start(page, 'fire');
    await expect(page.locator('.run')).toBeVisible();
    await expect(dataDirBanner(page)).toHaveCount(0);
    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('处置记录');
    await expect(dataDirBanner(page)).toHaveCount(0);
  });
});

test.describe('a data folder that cannot be written', () => {
  // `--data-dir` pointing at a file: both banners, and still a working runner.
  test.use({ dataDirIsFile: true, dataDirSource: 'argument', bypassCSP: true });

  test('shows the red banner everywhere; a plan still starts with one tap and its steps can be done', async ({
    page,
    guardbook,
  }) => {
    const before = readdirSync(dirname(guardbook.dataDir));
    await guardbook.open(page);
    const banner = unrecordedBanner(page);
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('⚠ 无法记录：数据目录路径是一个文件，而不是文件夹');
    await expect(banner).toContainText('请立即改用纸质记录');
    await expect(banner.getByRole('button')).toHaveCount(0); // cannot be dismissed
    await expect(dataDirBanner(page)).toContainText('数据目录不是默认位置');
    await expectNoAxeViolations(page);

    // One tap, as in any emergency: the runner works, with the banner above it and the step in view.
    await page.getByRole('button', { name: /^启动：\s*持械抢劫/ }).click();
    await expect(page.locator('.run')).toBeVisible();
    await expect(banner).toContainText('请立即改用纸质记录');
    const first = UI.step(page, 'press-alarm');
    await expect(first.getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(first.getByRole('button', { name: DONE })).toBeInViewport();
    await UI.complete(page, 'press-alarm');
    await expect(UI.step(page, 'secure-and-observe')).toBeVisible();
    await expect(page.locator('.write-error')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '处置记录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('处置记录');
    await expect(banner).toContainText('请立即改用纸质记录');

    // Nothing was written: the file is as it was, and nothing appeared beside it.
    expect(readFileSync(guardbook.dataDir, 'utf8')).toBe(NOT_A_FOLDER);
    expect(readdirSync(dirname(guardbook.dataDir))).toEqual(before);
  });
});

/** Run ids of the seeded runs, by name: the seed runs in the fixture, before the page opens. */
const seeded: { own?: string; foreign?: string; foreignKey?: string } = {};

test.describe('the key and the seal register', () => {
  test.use({
    bypassCSP: true,
    seed: {
      write: async (dataDir) => {
        [seeded.own] = await writeRuns(dataDir, [robberyDrill(shanghai('2026-03-12', '09:30:00'))]);
      },
    },
  });

  test('Settings shows the fingerprint and the register head the backend states, and so does the report', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await page.getByRole('link', { name: '设置' }).click();
    const section = page.getByRole('region', { name: '记录核验' });
    await expect(section).toBeVisible();
    await expect(section.getByTestId('recheck')).toHaveText('全部记录已核验');
    const integrity = await recordsIntegrity(page);

    // The fingerprint is the SHA-256 of the public key in the data folder, in groups of four hex digits.
    const publicKey = readFileSync(join(guardbook.dataDir, 'keys', 'installation-ed25519.pub.der.b64'), 'utf8').trim();
    expect(integrity.key?.fingerprint).toBe(fingerprintOf(publicKey));
    expect(integrity.key?.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    await expect(section.getByTestId('key-fingerprint')).toHaveText(integrity.key!.fingerprint);
    await expect(section.getByTestId('key-id')).toHaveText(integrity.key!.keyId);
    await expect(section).toContainText('存于仅本用户可读的文件'); // the browser edition has no OS protection
    expect(integrity.register.seals).toBe(1);
    await expect(section.getByTestId('register-seals')).toHaveText('1 条封存');
    await expect(section.getByTestId('register-head')).toHaveText(integrity.register.head);
    await expect(section).toContainText('抄写下来，或发送给上级行安全保卫部门');
    await expect(section.getByRole('alert')).toHaveCount(0); // the register is sound
    // Monospace and selectable, for copying out by hand.
    const style = await section
      .getByTestId('key-fingerprint')
      .evaluate((e) => [getComputedStyle(e).fontFamily, getComputedStyle(e).userSelect]);
    expect(style[0]).toMatch(/mono/i);
    expect(style[1]).not.toBe('none');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('region', { name: 'Record integrity' }).getByTestId('recheck')).toHaveText(
      'All records checked',
    );
    await expect(page.getByRole('region', { name: 'Record integrity' })).toContainText(
      'kept in a file only this user can read',
    );
    await page.getByRole('button', { name: '中文' }).click();

    // The printed report pins the same key and register head, with when they were read.
    await page.goto(homeUrl(guardbook, `#/records/${seeded.own}/report`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet).toHaveAttribute('data-ready', 'true');
    await expect(sheet.getByTestId('report-fingerprint')).toHaveText(integrity.key!.fingerprint);
    await expect(sheet.getByTestId('report-register-head')).toHaveText(integrity.register.head);
    await expect(sheet).toContainText('本机安装密钥指纹');
    await expect(sheet).toContainText('读取时间');
    await expect(sheet.locator('dd[data-integrity]')).toHaveText('已验证');
  });
});

test.describe('a record sealed by another installation', () => {
  test.use({
    bypassCSP: true,
    seed: {
      write: async (dataDir) => {
        [seeded.own] = await writeRuns(dataDir, [robberyDrill(shanghai('2026-03-12', '09:30:00'))]);
        const foreign = await writeForeignRuns(dataDir, [robberyDrill(shanghai('2026-03-10', '10:00:00'), '钱敏')]);
        [seeded.foreign] = foreign.ids;
        seeded.foreignKey = foreign.keyId;
      },
    },
  });

  test('shows 由其他安装封存 with its key, in the list, the record and the report, and never 已验证', async ({
    page,
    guardbook,
  }) => {
    await guardbook.open(page);
    await page.getByRole('link', { name: '处置记录' }).click();
    const own = page.locator(`[data-run-id="${seeded.own}"] .integrity`);
    const foreign = page.locator(`[data-run-id="${seeded.foreign}"] .integrity`);
    // Once the re-check has settled both, the own run is verified and the other never is.
    await expect(own).toHaveText('✓ 已验证');
    await expect(foreign).toHaveAttribute('data-integrity', 'foreign');
    await expect(foreign).toContainText('由其他安装封存');
    await expect(foreign).not.toContainText('已验证');
    await expect(foreign).toHaveAttribute('title', `由其他安装封存（密钥 ${seeded.foreignKey}）`);
    await expectNoAxeViolations(page);

    await page.goto(homeUrl(guardbook, `#/records/${seeded.foreign}`));
    const facts = page.getByTestId('record-integrity');
    await expect(facts).toHaveText(`⚠ 由其他安装封存（密钥 ${seeded.foreignKey}）`);
    await expect(page.getByTestId('record-foreign')).toContainText('此记录由其他安装封存');
    await expect(page.locator('.record-detail')).not.toContainText('已验证');
    await expectNoAxeViolations(page);

    await page.goto(homeUrl(guardbook, `#/records/${seeded.foreign}/report`));
    const sheet = page.locator('.report-sheet');
    await expect(sheet).toHaveAttribute('data-ready', 'true');
    await expect(sheet.locator('dd[data-integrity]')).toHaveText(`由其他安装封存（密钥 ${seeded.foreignKey}）`);
    await expect(sheet).toContainText('不是本机的安装密钥');
    await expect(sheet).not.toContainText('已验证');
    await expect(sheet).not.toContainText('签名有效，日志完整');

    // The API says the same: a valid seal, another key.
    const record = (await callApi(page, 'records.get', { runId: seeded.foreign })).value as {
      integrity: string;
      keyId: string;
    };
    expect(record).toMatchObject({ integrity: 'foreign', keyId: seeded.foreignKey });
  });
});

test.describe('a journal file deleted under a live run', () => {
  test('is written again from what was acknowledged, and the runner says so', async ({ page, guardbook }) => {
    await guardbook.open(page);
    const runId = await UI.start(page, 'armed-robbery');
    await UI.complete(page, 'press-alarm');
    const journal = join(guardbook.dataDir, 'runs', `${runId}.jsonl`);
    const acknowledged = journalEvents(guardbook, runId).length;
    rmSync(journal);
    expect(existsSync(journal)).toBe(false);

    await UI.track(page, 'guard').getByRole('button', { name: DONE }).click();
    await expect(UI.track(page, 'guard')).toContainText('已完成');
    const banner = page.getByTestId('journal-rewritten');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toHaveText(
      `⚠ 记录文件在处置中被删除，已按已确认的 ${acknowledged} 条操作重写，未丢失。请报告安全主管。`,
    );
    // A line or two, not a wall: the step goes on right under it.
    expect((await banner.boundingBox())!.height).toBeLessThan(70);
    await expect(UI.step(page, 'secure-and-observe').getByRole('heading', { level: 2 })).toBeInViewport();

    // The file is back, with everything acknowledged, the rewrite and the tap after it.
    expect(existsSync(journal)).toBe(true);
    const types = journalEvents(guardbook, runId).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['run.started', 'step.completed']);
    expect(types).toContain('journal.rewritten');
    expect(types.at(-1)).toBe('step.completed');
    await expect(page.locator('.run-side')).toContainText('记录文件在处置中被删除');

    // It stays after a reload (it is in the journal), and reads in English too.
    await page.reload();
    await expect(banner).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(banner).toHaveText(
      `⚠ The record file was deleted during the run; it was written again from the ${acknowledged} acknowledged actions, nothing lost. Report this to the security manager.`,
    );
  });
});
