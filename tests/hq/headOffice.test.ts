// Head office and two branches, through the branch app's own API and a real PostgreSQL (issue 15's integration
// proof, as far as the branch side goes): head office publishes a signed robbery plan v2 to one region; only the
// branch in scope receives and verifies it, and its manager adopts it through the usual review (another manager's
// PIN); a mandatory release past its date unadopted is overdue; each branch runs a drill and its sealed record
// arrives at head office; the password never lands in settings; the connection is on the audit trail.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import type { Backend } from '../../electron/backend/backend';
import { addBranch, branchRoleName } from '../../electron/hq/branchRoles';
import { verifyPending } from '../../electron/hq/ingest';
import { migrate } from '../../electron/hq/migrate';
import { coverageMatrix, inspectionSummary } from '../../electron/hq/dashboard';
import { publishRelease } from '../../electron/hq/publish';
import { fingerprintOf, keyIdOf, readPublicKey, type SigningKey } from '../../electron/journal/signingKey';
import { contentHashOf } from '../../electron/plans/contentHash';
import type { DraftViewOutput, PlanHistoryView, ReleaseOfferView, SyncStatusView } from '../../shared/api/channels';
import type { Caller } from '../../shared/api/dispatch';
import type { JournalEvent } from '../../shared/journal/format';
import { releaseStatement, type PlanRelease } from '../../shared/hq/release';
import { canonicalJson } from '../../shared/json/canonicalJson';
import type { PublicUser, Role } from '../../shared/people/roles';
import type { Plan } from '../../shared/plan/schema';
import type { RunView } from '../../shared/run/runViewSchema';
import { backendFixtures } from '../support/backends';
import { call, PINS, usersOfEachRole } from '../support/people';
import { conductSigned, inspectionBranch } from '../support/inspectionBranch';
import { TINY_PNG_BASE64 } from '../support/photos';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const DB = 'guardbook';
let cluster: PgCluster;
let su: pg.Client;
const fixtures = backendFixtures('guardbook-hq-branch-');
const headOffice = generateKeyPairSync('ed25519');
const hqPublicKey = (headOffice.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
/** Head office's key as `hq publish` uses it (its installation key; here the test's pair). */
const headOfficeSigningKey: SigningKey = {
  publicKey: hqPublicKey,
  keyId: keyIdOf(hqPublicKey),
  fingerprint: fingerprintOf(hqPublicKey),
  protection: 'file',
  sign: (message) => sign(null, Buffer.from(message, 'utf8'), headOffice.privateKey).toString('base64'),
};

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
}, 60_000);

afterAll(async () => {
  await su?.end();
  await cluster?.stop();
});

interface BranchApp {
  code: string;
  backend: Backend;
  dataDir: string;
  windows: Record<Role, Caller>;
  users: Record<Role, PublicUser>;
}

/** A branch app with a user of each role, enrolled at head office with its installation key, connected by its admin. */
async function branchApp(code: string, region: string): Promise<BranchApp> {
  const dataDir = fixtures.tempDir();
  const backend = await fixtures.start(dataDir);
  const windows: Record<Role, Caller> = {
    guard: { sessionId: 'g' },
    trainer: { sessionId: 't' },
    manager: { sessionId: 'm' },
    admin: { sessionId: 'a' },
  };
  const users = await usersOfEachRole(backend, windows.admin);
  await call(backend, 'session.unlock', { userId: users.manager.id, pin: PINS.manager }, windows.manager);
  const publicKey = readPublicKey(dataDir)!;
  const password = randomBytes(18).toString('base64');
  await addBranch(su, { code, name: `网点 ${code}`, region, publicKey, keyId: keyIdOf(publicKey), password });
  await call(
    backend,
    'sync.configure',
    {
      host: cluster.host,
      port: cluster.port,
      database: DB,
      user: branchRoleName(code),
      password,
      sslMode: 'disable',
      ca: '',
      publicKey: hqPublicKey,
    },
    windows.admin,
  );
  return { code, backend, dataDir, windows, users };
}

/** Head office publishes a version of the robbery plan to a region, signed over the whole release statement. */
async function publishRobbery(version: number, region: string, effectiveDate: string): Promise<PlanRelease> {
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
    scope: { kind: 'regions', regions: [region] },
    mandatory: true,
    effectiveDate,
  };
  const signature = sign(null, Buffer.from(releaseStatement(release)), headOffice.privateKey).toString('base64');
  const text = canonicalJson(plan);
  await su.query(
    `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
       scope_kind, scope_regions, mandatory, effective_date)
     VALUES ($1, $2, $8::jsonb, $3::text, $4, $5, $9, 'regions', $6, true, $7)`,
    [plan.id, version, text, release.contentHash, signature, [region], effectiveDate, text, keyIdOf(hqPublicKey)],
  );
  return release;
}

/** A drill of the fire plan, aborted and signed off: a sealed record. */
async function sealedDrill(app: BranchApp): Promise<string> {
  const run = await call<RunView>(app.backend, 'runs.start', { planId: 'fire', mode: 'drill' }, app.windows.manager);
  await call(app.backend, 'runs.command', { runId: run.runId, command: { type: 'abort', reason: '演练结束' } });
  await call(app.backend, 'runs.command', { runId: run.runId, command: { type: 'signOff', name: '李主管' } });
  return run.runId;
}

describe('head office and two branches', () => {
  it('a release reaches only the branch in scope, verified, and is adopted through review; drills arrive', async () => {
    const east = await branchApp('sh-east-01', 'east');
    const west = await branchApp('sh-west-01', 'west');
    const release = await publishRobbery(2, 'east', '2099-01-15');

    for (const app of [east, west]) {
      const status = await call<SyncStatusView>(app.backend, 'sync.now', {}, app.windows.manager);
      expect(status).toMatchObject({ configured: true, password: 'file' });
      expect(status.failure).toBeUndefined();
    }
    const offers = await call<ReleaseOfferView[]>(east.backend, 'plans.releases', {}, east.windows.manager);
    expect(offers).toEqual([
      expect.objectContaining({
        planId: 'armed-robbery',
        version: 2,
        mandatory: true,
        effectiveDate: '2099-01-15',
        state: 'offered',
        title: expect.objectContaining({ 'zh-CN': '持械抢劫（总行第 2 版）' }),
      }),
    ]);
    expect(await call(west.backend, 'plans.releases', {}, west.windows.manager)).toEqual([]);

    // The manager takes it as a draft (local details could be filled in), submits; the admin approves with a PIN.
    const draft = await call<DraftViewOutput>(
      east.backend,
      'plans.takeRelease',
      { planId: 'armed-robbery', version: 2 },
      east.windows.manager,
    );
    expect(draft.draft).toMatchObject({
      origin: 'head-office',
      release: { version: 2, contentHash: release.contentHash },
    });
    // Head office's plan names its security office; the branch's own number for it is a local detail to fill in.
    expect(draft.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'unfilled-contact', path: 'contacts[2]' }),
    ]);
    await call(
      east.backend,
      'settings.update',
      {
        contacts: {
          'head-office-security': {
            name: { 'zh-CN': '市分行保卫处', en: 'City branch security office' },
            role: '保卫处',
            phones: ['021-5555 0101'],
            notes: '',
          },
        },
      },
      east.windows.manager,
    );
    await call(
      east.backend,
      'plans.submit',
      { planId: 'armed-robbery', note: '采用总行第 2 版' },
      east.windows.manager,
    );
    await call(
      east.backend,
      'plans.approve',
      { planId: 'armed-robbery', contentHash: draft.contentHash, pin: PINS.admin },
      east.windows.admin,
    );
    const history = await call<PlanHistoryView>(east.backend, 'plans.history', { planId: 'armed-robbery' });
    expect(history.versions.at(-1)).toMatchObject({ source: 'head-office', release: { version: 2 } });
    const adopted = await call<ReleaseOfferView[]>(east.backend, 'plans.releases', {}, east.windows.manager);
    expect(adopted[0]!.state).toBe('adopted');

    // Head office governs the fire plan too (every branch, advisory); each branch drills it, the sealed records
    // arrive under each branch's own code, verify at ingest, and show on head office's coverage matrix.
    await publishRelease(
      su,
      {
        planText: readFileSync(join(PLANS_DIR, 'fire.json'), 'utf8'),
        scope: { kind: 'all' },
        mandatory: false,
        effectiveDate: '2026-01-01',
      },
      headOfficeSigningKey,
    );
    const eastRun = await sealedDrill(east);
    const westRun = await sealedDrill(west);
    for (const app of [east, west]) await call(app.backend, 'sync.now', {}, app.windows.manager);
    const { rows } = await su.query<{ branch_code: string; record_id: string; plan_id: string; is_drill: boolean }>(
      `SELECT branch_code, record_id, plan_id, is_drill FROM guardbook.received_records ORDER BY branch_code`,
    );
    expect(rows).toEqual([
      { branch_code: 'sh-east-01', record_id: eastRun, plan_id: 'fire', is_drill: true },
      { branch_code: 'sh-west-01', record_id: westRun, plan_id: 'fire', is_drill: true },
    ]);
    expect((await call<SyncStatusView>(east.backend, 'sync.status', {}, east.windows.manager)).queued).toBe(0);
    expect(await verifyPending(su)).toMatchObject({ verified: 2, failed: 0 });
    const today = new Date().toISOString().slice(0, 10);
    const matrix = await coverageMatrix(su, { today, staleDays: 7 });
    const fireColumn = matrix.plans.findIndex((p) => p.planId === 'fire');
    expect(fireColumn).toBeGreaterThanOrEqual(0);
    const cellOf = (code: string) => matrix.branches.find((b) => b.code === code)?.cells[fireColumn];
    expect(cellOf('sh-east-01')).toMatchObject({ status: 'ok', lastDrill: { recordId: eastRun } });
    expect(cellOf('sh-west-01')).toMatchObject({ status: 'ok', lastDrill: { recordId: westRun } });
  });

  it('a mandatory release past its date unadopted is overdue; the password stays out of settings; the change is audited', async () => {
    const app = await branchApp('bj-north-01', 'north');
    await publishRobbery(3, 'north', '2020-01-01');
    await call(app.backend, 'sync.now', {}, app.windows.manager);
    const [offer] = await call<ReleaseOfferView[]>(app.backend, 'plans.releases', {}, app.windows.manager);
    expect(offer).toMatchObject({ version: 3, state: 'overdue' });

    const settings = readFileSync(join(app.dataDir, 'settings.json'), 'utf8');
    const status = await call<SyncStatusView>(app.backend, 'sync.status', {}, app.windows.manager);
    expect(status.headOffice.user).toBe(branchRoleName('bj-north-01'));
    expect(JSON.stringify(status)).not.toContain(readFileSync(join(app.dataDir, 'keys', 'hq-password'), 'utf8'));
    expect(settings).not.toContain(readFileSync(join(app.dataDir, 'keys', 'hq-password'), 'utf8'));
    expect(statSync(join(app.dataDir, 'keys', 'hq-password')).mode & 0o077).toBe(0);
    const audit = await call<{ entries: JournalEvent[] }>(app.backend, 'audit.list', { limit: 50 }, app.windows.admin);
    const configured = audit.entries.find((e) => e.type === 'sync.configured');
    expect(configured?.data).toMatchObject({ host: cluster.host, passwordChanged: true, sslMode: 'disable' });
    expect(JSON.stringify(configured)).not.toContain(readFileSync(join(app.dataDir, 'keys', 'hq-password'), 'utf8'));
    // Only an administrator sets the connection.
    const refused = await app.backend.call('sync.configure', { ...status.headOffice }, app.windows.manager);
    expect(refused.ok || refused.error.code).toBe('forbidden');
  });

  it('a release signed with another key than the pinned one is refused, with the reason shown to the manager', async () => {
    const app = await branchApp('gz-south-01', 'south');
    const forger = generateKeyPairSync('ed25519');
    const robbery = JSON.parse(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Plan;
    const { $schema: _hint, ...plan } = { ...robbery, version: 9 };
    const release: PlanRelease = {
      planId: plan.id,
      version: 9,
      contentHash: contentHashOf(plan as Plan),
      scope: { kind: 'regions', regions: ['south'] },
      mandatory: false,
      effectiveDate: '2099-01-01',
    };
    const signature = sign(null, Buffer.from(releaseStatement(release)), forger.privateKey).toString('base64');
    const text = canonicalJson(plan);
    await su.query(
      `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
         scope_kind, scope_regions, mandatory, effective_date)
       VALUES ($1, 9, $5::jsonb, $2::text, $3, $4, '0123456789abcdef', 'regions', ARRAY['south'], false, '2099-01-01')`,
      [plan.id, text, release.contentHash, signature, text],
    );
    const status = await call<SyncStatusView>(app.backend, 'sync.now', {}, app.windows.manager);
    expect(status.releases.refused).toEqual([
      expect.objectContaining({ planId: 'armed-robbery', version: 9, reason: expect.stringMatching(/pinned/) }),
    ]);
    // Not offered (head office's fire release, signed with the pinned key, is).
    const offered = await call<ReleaseOfferView[]>(app.backend, 'plans.releases', {}, app.windows.manager);
    expect(offered.filter((o) => o.planId === 'armed-robbery')).toEqual([]);
  });

  it('inspection rectifications reach head office as they change: open, then closed by a checked fix', async () => {
    const dataDir = fixtures.tempDir();
    const b = await inspectionBranch(await fixtures.start(dataDir), dataDir);
    const code = 'hz-insp-01';
    const publicKey = readPublicKey(dataDir)!;
    const password = randomBytes(18).toString('base64');
    await addBranch(su, { code, name: `网点 ${code}`, region: 'east', publicKey, keyId: keyIdOf(publicKey), password });
    await call(
      b.backend,
      'sync.configure',
      {
        host: cluster.host,
        port: cluster.port,
        database: DB,
        user: branchRoleName(code),
        password,
        sslMode: 'disable',
        ca: '',
        publicKey: hqPublicKey,
      },
      b.windows.admin,
    );
    const signed = await conductSigned(b, {
      checklistId: 'guard-post',
      fail: ['post-attentive', 'dress-tidy'],
      owners: { 'post-attentive': { userId: b.users.guard.id, name: b.users.guard.name } },
      owner: { name: '外包保安公司 刘经理' },
    });
    const guards = signed.signedOff!.rectifications.find((r) => r.itemId === 'post-attentive')!.actionId;
    await call(b.backend, 'sync.now', {}, b.windows.manager);
    await verifyPending(su);
    const range = { from: '2000-01-01', to: '2100-01-01' };
    const rowOf = async () => (await inspectionSummary(su, range)).find((r) => r.code === code);
    // Two items failed, neither critical: the inspection passed, and both rectifications are open.
    expect(await rowOf()).toMatchObject({ inspections: 1, failed: 0, openRectifications: 2, overdueRectifications: 0 });

    // The guard reports it fixed with a photo; the manager checks it: done, and head office hears of it.
    await call(
      b.backend,
      'actions.fix',
      { actionId: guards, note: '已整改', files: [{ name: '整改后.png', base64: TINY_PNG_BASE64 }] },
      b.windows.guard,
    );
    await call(b.backend, 'sync.now', {}, b.windows.manager);
    await call(b.backend, 'actions.check', { actionId: guards, accepted: true, note: '' }, b.windows.manager);
    await call(b.backend, 'sync.now', {}, b.windows.manager);
    const { rows } = await su.query<{ status: string }>(
      'SELECT status FROM guardbook.rectification_states WHERE branch_code = $1 AND action_id = $2 ORDER BY changed_at',
      [code, guards],
    );
    expect(rows.map((r) => r.status)).toEqual(['open', 'fixed', 'done']);
    expect(await rowOf()).toMatchObject({ openRectifications: 1, overdueRectifications: 0 });
    // Nothing is reported twice.
    await call(b.backend, 'sync.now', {}, b.windows.manager);
    const again = await su.query('SELECT 1 FROM guardbook.rectification_states WHERE branch_code = $1', [code]);
    expect(again.rowCount).toBe(4);

    // One reported past its due day counts as overdue (written as the branch's own login, as its sync would).
    const branchLogin = await cluster.connect(branchRoleName(code), password, DB);
    try {
      await branchLogin.query(
        `INSERT INTO guardbook.rectification_states (branch_code, action_id, inspection_id, status, due, changed_at)
         VALUES (guardbook.current_branch(), 'act-late', $1, 'open', '2020-01-01', now())`,
        [signed.summary.id],
      );
      await expect(
        branchLogin.query("UPDATE guardbook.rectification_states SET status = 'done' WHERE action_id = 'act-late'"),
      ).rejects.toThrow();
    } finally {
      await branchLogin.end();
    }
    expect(await rowOf()).toMatchObject({ openRectifications: 2, overdueRectifications: 1 });
  });
});
