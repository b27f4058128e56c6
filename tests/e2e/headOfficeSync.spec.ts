// The branch's head-office screens in Chromium against a real, throwaway PostgreSQL (issue 15, item 3): the
// administrator connects the branch in Settings (loopback, no TLS, head office's key pinned after comparing its
// fingerprint) and a pass goes through; a signed mandatory robbery release reaches the Plans screen as 待采用 and a
// manager takes it into the editor; a sealed drill goes to head office and the queue empties; head office down
// shows the failure in Chinese with its retry while the rest of the app carries on; a release signed with another
// key than the pinned one is listed as refused, with the reason. axe checks the section with all of that on it.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { addBranch, branchRoleName } from '../../electron/hq/branchRoles';
import { migrate } from '../../electron/hq/migrate';
import { fingerprintOf, keyIdOf, readPublicKey } from '../../electron/journal/signingKey';
import { contentHashOf } from '../../electron/plans/contentHash';
import { releaseStatement, type PlanRelease } from '../../shared/hq/release';
import { canonicalJson } from '../../shared/json/canonicalJson';
import type { Plan } from '../../shared/plan/schema';
import { startPgCluster, type PgCluster } from '../support/pgCluster';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { addUser, ADMIN, apiOk, lockIndicator, MANAGER, unlockAsAdmin, unlockThroughUi } from './support/people';
import { homeUrl } from './support/runner';

test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

const DB = 'guardbook';
const BRANCH_CODE = 'hz-xihu-01';
const REGION = 'zhejiang';
let cluster: PgCluster;
let su: pg.Client;
const headOffice = generateKeyPairSync('ed25519');
const publicKeyOf = (key: KeyObject) => (key.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
const hqPublicKey = publicKeyOf(headOffice.publicKey);

/** Head office's own connection; made again after the server was paused (which ends it). */
async function connectHeadOffice(): Promise<void> {
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  su.on('error', () => {}); // the pause ends it: expected, and the next query would say so
}

test.beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  await connectHeadOffice();
  await migrate(su);
});

test.afterAll(async () => {
  await su?.end();
  await cluster?.stop();
});

/** Head office publishes a version of the robbery plan to the branch's region, signed over the release statement. */
async function publishRobbery(version: number, mandatory: boolean, effectiveDate: string): Promise<void> {
  const robbery = JSON.parse(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Plan;
  const { $schema: _hint, ...plan } = {
    ...robbery,
    version,
    title: { ...robbery.title, 'zh-CN': `持械抢劫（总行第 ${version} 版）` },
  };
  const release: PlanRelease = {
    planId: plan.id,
    version,
    contentHash: contentHashOf(plan as Plan),
    scope: { kind: 'regions', regions: [REGION] },
    mandatory,
    effectiveDate,
  };
  const signature = sign(null, Buffer.from(releaseStatement(release)), headOffice.privateKey).toString('base64');
  const text = canonicalJson(plan);
  await su.query(
    `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
       scope_kind, scope_regions, mandatory, effective_date)
     VALUES ($1, $2, $10::jsonb, $3::text, $4, $5, $6, 'regions', $7, $8, $9)`,
    // The same text twice: one parameter cast both ways would be read as jsonb and printed back respaced.
    [
      plan.id,
      version,
      text,
      release.contentHash,
      signature,
      keyIdOf(hqPublicKey),
      [REGION],
      mandatory,
      effectiveDate,
      text,
    ],
  );
}

const section = (page: Page) => page.locator('section.settings-head-office');
const headline = (page: Page) => page.getByTestId('sync-headline');

async function syncNow(page: Page): Promise<void> {
  const button = section(page).getByRole('button', { name: '立即同步' });
  await button.click();
  await expect(button).toBeEnabled(); // the pass has answered
}

test('the head office connection, releases on the Plans screen, records sent, head office down, a wrong key', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(180_000);
  await guardbook.open(page);
  await unlockAsAdmin(page);
  await addUser(page, MANAGER);
  // Head office enrols the branch with its installation key, as the branch's letter gave it.
  const branchKey = readPublicKey(guardbook.dataDir)!;
  expect(readFileSync(join(guardbook.dataDir, 'keys', 'installation-ed25519.pub.der.b64'), 'utf8').trim()).toBe(
    branchKey,
  );
  const password = randomBytes(18).toString('base64');
  await addBranch(su, {
    code: BRANCH_CODE,
    name: '西湖支行',
    region: REGION,
    publicKey: branchKey,
    keyId: keyIdOf(branchKey),
    password,
  });

  // The administrator connects the branch.
  await page.goto(homeUrl(guardbook, '#/settings'));
  await expect(section(page).getByRole('heading', { name: '总行连接' })).toBeVisible();
  await expect(headline(page)).toHaveText('未配置总行连接');
  await expect(section(page).getByRole('button', { name: '立即同步' })).toHaveCount(0);
  await page.getByLabel('服务器地址').fill(cluster.host);
  await page.getByLabel('端口').fill(String(cluster.port));
  await page.getByLabel('数据库').fill(DB);
  await page.getByLabel('登录名').fill(branchRoleName(BRANCH_CODE));
  await page.getByLabel('密码', { exact: true }).fill(password);
  await expect(page.getByTestId('hq-password-note')).toHaveText('尚未保存密码');
  // TLS is the default; without it only a loopback address may be reached.
  await expect(page.getByRole('radio', { name: 'TLS 验证证书与主机名' })).toBeChecked();
  await page.getByRole('radio', { name: '不加密（仅限本机地址）' }).check();
  const key = page.getByLabel('总行公钥');
  await key.fill(hqPublicKey.slice(0, 20));
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: '保存总行连接' })).toBeDisabled();
  await key.fill(hqPublicKey);
  await expect(key).toHaveAttribute('aria-invalid', 'false');
  // The fingerprint the page computes is head office's own (the CLI and its letter print the same).
  await expect(page.getByTestId('hq-key-fingerprint')).toHaveText(fingerprintOf(hqPublicKey));
  await page.getByRole('button', { name: '保存总行连接' }).click();
  await expect(section(page).getByRole('status').filter({ hasText: '已保存总行连接' })).toBeVisible();
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('hq-password-note')).toHaveText('已保存（仅本人可读的文件），留空则保留');
  expect(readFileSync(join(guardbook.dataDir, 'settings.json'), 'utf8')).not.toContain(password);

  await syncNow(page);
  await expect(headline(page)).toHaveText('已同步');
  await expect(page.getByTestId('sync-queued')).toHaveText('0 条');
  await expect(page.getByTestId('sync-last-success')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

  // Head office publishes a mandatory robbery release for the region; after a pass it is offered on Plans.
  await publishRobbery(2, true, '2099-01-15');
  await syncNow(page);
  await expect(section(page)).toContainText('1 个版本');
  await page.goto(homeUrl(guardbook, '#/plans'));
  const panel = page.getByRole('region', { name: '总行下发的预案' });
  const release = panel.locator('[data-release="armed-robbery@2"]');
  await expect(release).toContainText('持械抢劫（总行第 2 版）');
  await expect(release).toContainText('第 2 版 · 强制 · 生效日期 2099-01-15');
  await expect(release.locator('[data-state="offered"]')).toHaveText('待采用');

  // A manager takes it: a draft, in the editor.
  await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
  await expect(panel).toHaveCount(0); // locked: releases are a trainer's and up
  await unlockThroughUi(page, MANAGER.name, MANAGER.pin);
  await release.getByRole('button', { name: /^采用（建立草稿）/ }).click();
  await expect(page).toHaveURL(/#\/plans\/armed-robbery\/edit$/);
  await expect(page.getByRole('heading', { name: '编辑草稿：持械抢劫（总行第 2 版）' })).toBeVisible();

  // A drill, sealed; the next pass sends it and head office holds it under the branch's code.
  const runId = (await apiOk<{ runId: string }>(page, 'runs.start', { planId: 'fire', mode: 'drill' })).runId;
  await apiOk(page, 'runs.command', { runId, command: { type: 'abort', reason: '演练结束' } });
  await apiOk(page, 'runs.command', { runId, command: { type: 'signOff', name: MANAGER.name } });
  await page.goto(homeUrl(guardbook, '#/settings'));
  // A manager reads the status; the connection itself is an administrator's.
  await expect(section(page).getByRole('heading', { name: '总行连接' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存总行连接' })).toHaveCount(0);
  await syncNow(page);
  await expect(headline(page)).toHaveText('已同步');
  await expect(page.getByTestId('sync-queued')).toHaveText('0 条');
  const { rows } = await su.query<{ branch_code: string; is_drill: boolean }>(
    'SELECT branch_code, is_drill FROM guardbook.received_records WHERE record_id = $1',
    [runId],
  );
  expect(rows).toEqual([{ branch_code: BRANCH_CODE, is_drill: true }]);

  // Head office down: the pass fails, says why in Chinese (and English) and that it retries by itself; the rest of
  // Settings, and Home, work as before.
  await cluster.pause();
  try {
    await syncNow(page);
    await expect(headline(page)).toHaveText('上次同步未成功');
    const failure = page.getByTestId('sync-failure');
    await expect(failure).toContainText(`连接不上总行服务器 ${cluster.host}`);
    await expect(failure).toContainText('稍后自动重试');
    await expect(failure).toContainText('it will retry by itself');
    await page.getByLabel('网点名称').fill('西湖支行营业部');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^已保存$/ })).toBeVisible();
    await page.goto(homeUrl(guardbook, '#/'));
    await expect(page.locator('button.tile')).toHaveCount(12);
  } finally {
    await cluster.resume();
  }
  await su.end().catch(() => {});
  await connectHeadOffice();
  await page.goto(homeUrl(guardbook, '#/settings'));
  await syncNow(page);
  await expect(headline(page)).toHaveText('已同步');
  await expect(page.getByTestId('sync-failure')).toHaveCount(0);

  // A wrong key pinned: the next release does not verify against it and is listed as refused, with the reason.
  await lockIndicator(page).getByRole('button', { name: '锁定' }).click();
  await expect(section(page)).toHaveCount(0); // locked (as for a guard): the status is a manager's, so no section
  await expect(page.getByLabel('网点名称')).toBeVisible(); // the rest of Settings is there
  await unlockThroughUi(page, ADMIN.name, ADMIN.pin);
  const wrongKey = publicKeyOf(generateKeyPairSync('ed25519').publicKey);
  await page.getByLabel('总行公钥').fill(wrongKey);
  await expect(page.getByTestId('hq-key-fingerprint')).toHaveText(fingerprintOf(wrongKey));
  await page.getByRole('button', { name: '保存总行连接' }).click();
  await expect(section(page).getByRole('status').filter({ hasText: '已保存总行连接' })).toBeVisible();
  await publishRobbery(3, false, '2099-06-01');
  await syncNow(page);
  const refused = page.getByTestId('sync-refused');
  await expect(refused).toContainText('已拒收的总行预案');
  await expect(refused).toContainText('“armed-robbery”第 3 版');
  await expect(refused).toContainText('签名无效');
  await page.goto(homeUrl(guardbook, '#/plans'));
  await expect(page.locator('[data-release="armed-robbery@2"]')).toBeVisible();
  await expect(page.locator('[data-release="armed-robbery@3"]')).toHaveCount(0);

  // The section as an administrator sees it, with the status, a refusal and the form: no axe violations.
  await page.goto(homeUrl(guardbook, '#/settings'));
  await expect(page.getByTestId('sync-refused')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存总行连接' })).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page);
});
