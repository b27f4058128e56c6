// The head-office console in Chromium (issue 15, item 4) against a real, throwaway PostgreSQL: two branches enrolled
// with real installation keys push sealed drills (one tampered on the way), head office publishes two plans and
// verifies what arrived; the browser edition's administrator sets the console's viewer login in its settings panel
// (linked from the dashboard while unconfigured); the 总行 entry appears; the dashboard shows coverage for the test
// branches, overdue first; a branch's history leads to a record shown verified with its events in words, and the
// tampered one shows FAILED with the reason. axe checks the dashboard and both records.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { scramVerifier } from '../../electron/hq/branchRoles';
import { verifyPending } from '../../electron/hq/ingest';
import { migrate } from '../../electron/hq/migrate';
import { listReleases, publishRelease } from '../../electron/hq/publish';
import { keyIdOf, loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import type { Plan } from '../../shared/plan/schema';
import { enrolTestBranch, insertRecords, pushOf, rowOf, sealedRunJournal, type TestBranch } from '../support/hqRecords';
import { startPgCluster, type PgCluster } from '../support/pgCluster';
import { BUNDLED_PLANS_DIR, loadPlanFile, tempDir } from '../support/runJournal';
import { expectNoAxeViolationsInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { ADMIN, unlockAsAdmin } from './support/people';
import { homeUrl } from './support/runner';

test.use({ bypassCSP: true }); // to inject axe-core; the app's own CSP is tested elsewhere

const DB = 'guardbook';
const VIEWER = 'hq_console_viewer';
const VIEWER_PASSWORD = randomBytes(18).toString('base64');
const PUBLISHER = 'hq_console_publisher';
const PUBLISHER_PASSWORD = randomBytes(18).toString('base64');
const DAY = 86_400_000;
let cluster: PgCluster;
let su: pg.Client;
let east: TestBranch;
let west: TestBranch;

/** A bundled plan at version 2 with its drill interval, as head office publishes it and branches run it. */
function bundledAt(file: string, everyDays: number): { plan: Plan; text: string } {
  const plan = JSON.parse(readFileSync(join(BUNDLED_PLANS_DIR, file), 'utf8')) as Record<string, unknown>;
  plan.version = 2;
  plan.drill = { ...(plan.drill as object), everyDays };
  const text = JSON.stringify(plan, null, 2);
  const path = join(tempDir('guardbook-hq-plan-'), file);
  writeFileSync(path, text);
  return { plan: loadPlanFile(path), text };
}

test.beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  west = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
  await su.query(
    `CREATE ROLE ${VIEWER} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(VIEWER_PASSWORD))} IN ROLE guardbook_hq_viewer`,
  );
  await su.query(
    `CREATE ROLE ${PUBLISHER} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(PUBLISHER_PASSWORD))} IN ROLE guardbook_hq_publisher`,
  );
  const hqKey = loadOrCreateSigningKey(tempDir('guardbook-hq-office-'));
  const robbery = bundledAt('armed-robbery.json', 182);
  const fire = bundledAt('fire.json', 30);
  const terms = { scope: { kind: 'all' as const }, mandatory: false, effectiveDate: '2026-01-01' };
  await publishRelease(su, { planText: robbery.text, ...terms }, hqKey);
  await publishRelease(su, { planText: fire.text, ...terms }, hqKey);
  const now = Date.now();
  const drill = (branch: TestBranch, runId: string, plan: Plan, daysAgo: number) =>
    rowOf(branch.code, pushOf('run', sealedRunJournal(branch.key, runId, { plan, startMs: now - daysAgo * DAY })));
  const tampered = drill(east, 'fire-tampered', fire.plan, 2);
  await insertRecords(east.client, [
    drill(east, 'rob-east', robbery.plan, 10),
    drill(east, 'fire-east', fire.plan, 5),
    { ...tampered, journal: Buffer.from(tampered.journal.toString('utf8').replace('向北', '向南'), 'utf8') },
  ]);
  await insertRecords(west.client, [drill(west, 'rob-west', robbery.plan, 200)]);
  const checked = await verifyPending(su);
  expect(checked).toMatchObject({ verified: 3, failed: 1 });
});

test.afterAll(async () => {
  await Promise.all([east?.client, west?.client, su].map((c) => c?.end().catch(() => undefined)));
  await cluster?.stop();
});

test('the dashboard shows coverage for the branches and drills down to a verified record, and a tampered one', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(120_000);
  await guardbook.open(page);
  await unlockAsAdmin(page);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总行' })).toHaveCount(0);

  // Not configured: the dashboard says so and links the connection settings.
  await page.goto(homeUrl(guardbook, '#/hq'));
  await expect(page.getByText('本机还没有设置总行看板的数据库连接（只读查看账号）。')).toBeVisible();
  await page.getByRole('status').getByRole('link', { name: '连接设置' }).click();
  await expect(page.getByRole('heading', { name: '总行看板连接设置' })).toBeVisible();
  await page.getByLabel('服务器地址').fill(cluster.host);
  await page.getByLabel('端口').fill(String(cluster.port));
  await page.getByLabel('数据库').fill(DB);
  await page.getByLabel('登录名').fill(VIEWER);
  await page.getByLabel(/^密码/).fill(VIEWER_PASSWORD);
  await page.getByRole('radio', { name: '不加密（仅限本机地址）' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();
  await expect(page.getByText('已保存（仅本机账户可读的文件）')).toBeVisible();

  // Configured: the entry appears, and the dashboard shows the matrix, overdue first.
  const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总行' });
  await expect(nav).toBeVisible();
  await nav.click();
  const matrix = page.locator('table.hq-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix.locator('tbody tr')).toHaveCount(2);
  await expect(matrix.locator('tbody tr').first()).toHaveAttribute('data-branch', 'west-001');
  const westRow = matrix.locator('tr[data-branch="west-001"]');
  await expect(westRow.locator('td').nth(0)).toHaveAttribute('data-status', 'overdue');
  await expect(westRow.locator('td').nth(0)).toContainText('逾期');
  await expect(westRow.locator('td').nth(1)).toHaveAttribute('data-status', 'never');
  await expect(westRow.locator('td').nth(1)).toContainText('从未演练');
  const eastRow = matrix.locator('tr[data-branch="east-001"]');
  await expect(eastRow.locator('td').nth(0)).toHaveAttribute('data-status', 'ok');
  await expect(eastRow.locator('td').nth(1)).toHaveAttribute('data-status', 'ok');
  await expect(eastRow.locator('td').nth(1)).toContainText('1 条核验未通过');
  // The region filter.
  await page.getByRole('combobox', { name: '区域' }).selectOption('east');
  await expect(matrix.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('combobox', { name: '区域' }).selectOption('');
  await expectNoAxeViolationsInBothThemes(page);

  // A branch → its history → a record: verified, its events in order and in words.
  await eastRow.getByRole('link', { name: /east-001/ }).click();
  await expect(page.getByRole('heading', { name: '网点 east-001 的记录' })).toBeVisible();
  const history = page.getByTestId('hq-history');
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history.locator('tbody tr').first()).toHaveAttribute('data-record', 'fire-tampered');
  await expect(history.locator('tr[data-record="fire-tampered"]')).toContainText('核验未通过');
  await history.locator('tr[data-record="fire-east"]').getByRole('link').click();
  await expect(page.getByTestId('hq-verdict')).toHaveAttribute('data-verdict', 'verified');
  await expect(page.getByTestId('hq-verdict')).toContainText('核验通过');
  const events = page.getByTestId('hq-events').locator('tbody tr');
  await expect(events).toHaveCount(8);
  await expect(events.first()).toHaveAttribute('data-type', 'run.started');
  await expect(events.nth(3)).toContainText('嫌疑人向北逃离');
  await expectNoAxeViolationsInBothThemes(page);

  // The tampered one: FAILED, with the reason, its events as received.
  await page.goBack();
  await history.locator('tr[data-record="fire-tampered"]').getByRole('link').click();
  const verdict = page.getByTestId('hq-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict).toContainText('核验未通过（FAILED）');
  await expect(verdict).toContainText('line 4');
  await expect(page.getByTestId('hq-events').locator('tbody tr').nth(3)).toContainText('嫌疑人向南逃离');
  await expectNoAxeViolationsInBothThemes(page);
});

test('head office publishes a plan version to a region from its console, signed with its key, PIN asked', async ({
  page,
  guardbook,
}) => {
  test.setTimeout(120_000);
  await guardbook.open(page);
  await unlockAsAdmin(page);
  await page.goto(homeUrl(guardbook, '#/hq/settings'));
  await page.getByLabel('服务器地址').fill(cluster.host);
  await page.getByLabel('端口').fill(String(cluster.port));
  await page.getByLabel('数据库').fill(DB);
  await page.getByLabel('登录名').fill(PUBLISHER);
  await page.getByLabel(/^密码/).fill(PUBLISHER_PASSWORD);
  await page.getByRole('radio', { name: '不加密（仅限本机地址）' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总行' }).click();
  const panel = page.locator('section.hq-publish');
  await expect(panel.getByRole('heading', { name: '下发预案' })).toBeVisible();
  const earthquake = panel.getByLabel('预案版本（本机已发布的）');
  await earthquake.selectOption({
    label: await earthquake.locator('option', { hasText: '（earthquake）' }).innerText(),
  });
  await panel.getByRole('radio', { name: '按区域' }).check();
  await panel.getByRole('checkbox', { name: 'east' }).check();
  await panel.getByRole('radio', { name: '强制（须于生效日期前采用）' }).check();
  await panel.getByLabel('生效日期', { exact: true }).fill('2099-01-15');
  // A wrong PIN: refused, nothing sent.
  await panel.getByLabel('你的 PIN（下发即以总行密钥签名）').fill('000000');
  await panel.getByRole('button', { name: '下发' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  const none = await su.query("SELECT 1 FROM guardbook.plan_versions WHERE plan_id = 'earthquake'");
  expect(none.rowCount).toBe(0);
  await panel.getByLabel('你的 PIN（下发即以总行密钥签名）').fill(ADMIN.pin);
  await panel.getByRole('button', { name: '下发' }).click();
  await expect(panel.getByText(/已下发“.*”第 1 版，目前可送达 1 个网点。/)).toBeVisible();
  await expect(panel.locator('table')).toContainText('区域 east');

  // What the branches read: signed with this installation's key over the whole release, east only.
  const { rows } = await su.query<{ scope_kind: string; scope_regions: string[]; mandatory: boolean }>(
    "SELECT scope_kind, scope_regions, mandatory FROM guardbook.plan_versions WHERE plan_id = 'earthquake'",
  );
  expect(rows).toEqual([{ scope_kind: 'regions', scope_regions: ['east'], mandatory: true }]);
  const seen = async (client: pg.Client) =>
    (await client.query("SELECT 1 FROM guardbook.plan_versions WHERE plan_id = 'earthquake'")).rowCount;
  expect(await seen(east.client)).toBe(1);
  expect(await seen(west.client)).toBe(0);
  const key = readFileSync(join(guardbook.dataDir, 'keys', 'installation-ed25519.pub.der.b64'), 'utf8').trim();
  const released = (await listReleases(su)).find((r) => r.release.planId === 'earthquake');
  expect(released?.keyId).toBe(keyIdOf(key));
  await expectNoAxeViolationsInBothThemes(page);
});
