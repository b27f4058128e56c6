// The branch's side of head office against a real PostgreSQL (issue 15, item 3 and its fault tests): sealed runs
// sent as the branch's own login, acknowledged by receipt, sent once whatever happens — head office down for the
// whole day, the connection cut mid-push by pg_terminate_backend, the app killed with SIGKILL during a push; the seal
// register's head witnessed; a record head office holds with another head reported as a conflict and never resent;
// plan releases taken only when they verify against the pinned key; nothing attempted while not configured.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { simulateRun } from '../../electron/cli/runsCommands';
import { addBranch, branchRoleName } from '../../electron/hq/branchRoles';
import { migrate } from '../../electron/hq/migrate';
import { hqStatus } from '../../electron/hq/status';
import { verifyChainFile } from '../../electron/journal/chainLog';
import { readSealRegister } from '../../electron/journal/sealRegister';
import { loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { contentHashOf } from '../../electron/plans/contentHash';
import { clientConfig, HeadOfficeLink, type HeadOfficeConnection } from '../../electron/sync/headOfficeLink';
import { runRecords } from '../../electron/sync/sealedRecords';
import { SyncService } from '../../electron/sync/syncService';
import { releaseStatement, type PlanRelease } from '../../shared/hq/release';
import { canonicalJson } from '../../shared/json/canonicalJson';
import type { Plan } from '../../shared/plan/schema';
import { SYNC_DIR, SYNC_LOG_FILE, SYNC_LOG_FORMAT } from '../../shared/sync/syncLog';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const DB = 'guardbook';
let cluster: PgCluster;
let su: pg.Client;
const services: SyncService[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
}, 60_000);

afterEach(() => {
  for (const service of services.splice(0)) service.close();
});

afterAll(async () => {
  await su?.end();
  await cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Branch {
  code: string;
  dataDir: string;
  connection: HeadOfficeConnection;
  runIds: string[];
}

let branchCount = 0;
/** A branch's data folder holding `runs` sealed drills, enrolled at head office with its installation key. */
async function branch(runs: number, region = 'east'): Promise<Branch> {
  const code = `br-${++branchCount}-${randomBytes(2).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-sync-'));
  dirs.push(dataDir);
  const runIds: string[] = [];
  const plans = ['fire', 'armed-robbery', 'medical-emergency'];
  for (let i = 0; i < runs; i++) {
    const start = new Date(Date.UTC(2026, 10, 1 + (i % 28), 2, i % 60));
    const made = await simulateRun({ planId: plans[i % plans.length]!, dataDir, mode: 'drill', seed: i + 1, start });
    runIds.push(made.runId);
  }
  const key = loadOrCreateSigningKey(dataDir);
  const password = randomBytes(18).toString('base64');
  await addBranch(su, { code, name: `网点 ${code}`, region, publicKey: key.publicKey, keyId: key.keyId, password });
  const connection: HeadOfficeConnection = {
    host: cluster.host,
    port: cluster.port,
    database: DB,
    user: branchRoleName(code),
    password,
    sslMode: 'disable',
  };
  return { code, dataDir, connection, runIds };
}

function syncOf(b: Branch, options: { pinnedKey?: string; connection?: HeadOfficeConnection | undefined } = {}) {
  const connection = 'connection' in options ? options.connection : b.connection;
  const service = SyncService.open({
    dataDir: b.dataDir,
    installation: `branch-${b.code}`,
    sealed: () => runRecords(readSealRegister(b.dataDir)?.seals.values() ?? [], join(b.dataDir, 'runs')),
    register: () => {
      const register = readSealRegister(b.dataDir);
      return { seals: register?.seals.size ?? 0, head: register?.verification.events.at(-1)!.hash ?? '0'.repeat(64) };
    },
    connection: () => connection,
    pinnedKey: () => options.pinnedKey,
    firstRetryMs: 50,
    maxRetryMs: 200,
    intervalMs: 60_000,
  });
  services.push(service);
  return service;
}

async function received(code: string): Promise<{ record_id: string; head_hash: string }[]> {
  const { rows } = await su.query<{ record_id: string; head_hash: string }>(
    'SELECT record_id, head_hash FROM guardbook.received_records WHERE branch_code = $1 ORDER BY record_id',
    [code],
  );
  return rows;
}

/** Each run's head as the branch's register holds it. */
function heads(b: Branch): { record_id: string; head_hash: string }[] {
  return [...readSealRegister(b.dataDir)!.seals.values()]
    .map((s) => ({ record_id: s.runId, head_hash: s.head }))
    .sort((x, y) => x.record_id.localeCompare(y.record_id));
}

/** The sync log verifies, and acknowledges each record exactly once. */
function expectAckedOnce(b: Branch): void {
  const log = verifyChainFile(join(b.dataDir, SYNC_DIR, SYNC_LOG_FILE), SYNC_LOG_FORMAT);
  expect(log.ok).toBe(true);
  const acked = log.events
    .filter((e) => e.type === 'record.acked')
    .map((e) => (e.data as { recordId: string }).recordId);
  expect(acked.sort()).toEqual([...b.runIds].sort());
}

describe('sending sealed records', () => {
  it('sends each sealed run once, acknowledged by head office’s receipt, and witnesses the register', async () => {
    const b = await branch(5);
    const sync = syncOf(b);
    expect(sync.status()).toMatchObject({ configured: true, queued: 5 });
    expect(await sync.syncOnce()).toMatchObject({ sent: 5, conflicts: 0 });
    expect(await received(b.code)).toEqual(heads(b));
    expect(sync.status()).toMatchObject({ queued: 0, state: 'idle' });
    expect(sync.status().lastSuccessAt).toBeDefined();
    // Again: nothing to send, nothing changes at head office.
    expect(await sync.syncOnce()).toMatchObject({ sent: 0 });
    expect(await received(b.code)).toHaveLength(5);
    expectAckedOnce(b);
    // The journal arrived byte for byte, with the summary columns the journal states.
    const { rows } = await su.query<{ journal: Buffer; plan_id: string; is_drill: boolean }>(
      'SELECT journal, plan_id, is_drill FROM guardbook.received_records WHERE branch_code = $1 AND record_id = $2',
      [b.code, b.runIds[0]],
    );
    expect(rows[0]!.journal.equals(readFileSync(join(b.dataDir, 'runs', `${b.runIds[0]}.jsonl`)))).toBe(true);
    expect(rows[0]).toMatchObject({ plan_id: 'fire', is_drill: true });
    const register = readSealRegister(b.dataDir)!;
    const witnessed = await su.query('SELECT seals, head FROM guardbook.register_heads WHERE branch_code = $1', [
      b.code,
    ]);
    expect(witnessed.rows).toEqual([{ seals: 5, head: register.verification.events.at(-1)!.hash }]);
  });

  it('head office down the whole day: the branch keeps sealing, the queue grows, then drains with nothing lost or twice', async () => {
    const b = await branch(3);
    const sync = syncOf(b);
    await sync.syncOnce();
    await cluster.pause();
    try {
      // The day goes on at the branch: more drills sealed while head office is away.
      for (let i = 0; i < 4; i++) {
        const made = await simulateRun({ planId: 'fire', dataDir: b.dataDir, mode: 'drill', seed: 100 + i });
        b.runIds.push(made.runId);
      }
      await expect(sync.syncOnce()).rejects.toThrow();
      const down = sync.status();
      expect(down.queued).toBe(4);
      expect(down.failure?.message.en).toMatch(/Cannot reach head office's server 127\.0\.0\.1 .*nothing is lost/);
      // The background loop keeps retrying with a growing wait, and never throws at anyone.
      sync.start();
      await new Promise((r) => setTimeout(r, 400));
      expect(sync.status().state).toBe('waiting');
    } finally {
      await cluster.resume();
      await su.end().catch(() => {});
      su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
    }
    // The background retries may already have got through once the server was back; one more pass either way.
    await sync.stop();
    await sync.syncOnce();
    expect(sync.status().queued).toBe(0);
    expect(sync.status().failure).toBeUndefined();
    expect(await received(b.code)).toEqual(heads(b));
    expectAckedOnce(b);
  }, 60_000);

  it('the connection cut mid-push (pg_terminate_backend): the next pass finishes, nothing lost or duplicated', async () => {
    const b = await branch(60);
    const sync = syncOf(b);
    const pass = sync.syncOnce();
    // As soon as head office has some of them, cut the branch's connection from the server side.
    for (;;) {
      const { rows } = await su.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM guardbook.received_records WHERE branch_code = $1',
        [b.code],
      );
      if (rows[0]!.n >= 5) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const killed = await su.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND application_name = 'guardbook-branch'`,
      [branchRoleName(b.code)],
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    const outcome = await pass.then(
      (r) => r,
      (e: Error) => e,
    );
    // Either it was cut (most likely) or it had just finished: both must end with every run at head office once.
    if (outcome instanceof Error) {
      expect(sync.status().failure?.message.en).toMatch(/refused|reach/);
      expect(sync.status().queued).toBeGreaterThan(0);
    }
    await sync.syncOnce();
    expect(await received(b.code)).toEqual(heads(b));
    expectAckedOnce(b);
  }, 60_000);

  it('the app killed with SIGKILL during a push: after restart every run is at head office exactly once', async () => {
    const b = await branch(150);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../support/syncChild.ts'),
        b.dataDir,
        JSON.stringify(b.connection),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let waited = 0; ; waited += 10) {
      const { rows } = await su.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM guardbook.received_records WHERE branch_code = $1',
        [b.code],
      );
      if (rows[0]!.n >= 10 || output.includes('done')) break;
      if (waited > 30_000) throw new Error(`the child never got going: ${output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const before = (await received(b.code)).length;
    expect(before).toBeGreaterThan(0);
    // The app starts again on the same data folder (the dead child's lock is stale) and finishes the job.
    const sync = syncOf(b);
    expect(sync.status().queued).toBeGreaterThanOrEqual(150 - before);
    await sync.syncOnce();
    expect(await received(b.code)).toEqual(heads(b));
    expectAckedOnce(b);
    process.stdout.write(
      `kill -9 during a push: ${before} of 150 at head office when killed; all 150 once after restart\n`,
    );
  }, 120_000);

  it('a record head office holds with another head is a conflict: reported to both sides, never resent', async () => {
    const b = await branch(2);
    // Someone sent run 1 with another head before the branch did (a journal rewritten and resealed, say).
    const link = await HeadOfficeLink.connect(b.connection);
    const forged = '1'.repeat(64);
    const sample = readFileSync(join(b.dataDir, 'runs', `${b.runIds[0]}.jsonl`), 'utf8');
    const { recordPushOf } = await import('../../shared/hq/receivedRecord');
    const { nodeJournalCrypto } = await import('../../electron/journal/nodeCrypto');
    const push = recordPushOf('run', sample, nodeJournalCrypto)!;
    await link.push({ ...push, headHash: forged, seal: { ...push.seal, head: forged } });
    await link.close();
    const sync = syncOf(b);
    expect(await sync.syncOnce()).toMatchObject({ sent: 1, conflicts: 1 });
    const conflict = sync.status().conflicts[0]!;
    expect(conflict).toMatchObject({ recordId: b.runIds[0], storedHead: forged, head: push.headHash });
    const atHq = await su.query('SELECT stored_hash, offered_hash FROM guardbook.conflicts WHERE branch_code = $1', [
      b.code,
    ]);
    expect(atHq.rows).toEqual([{ stored_hash: forged, offered_hash: push.headHash }]);
    // Not sent again at the next pass; the queue is empty, the conflict stays shown.
    expect(await sync.syncOnce()).toMatchObject({ sent: 0, conflicts: 0 });
    expect(sync.status()).toMatchObject({ queued: 0 });
    expect(sync.status().conflicts).toHaveLength(1);
  });

  it('a kick passes soon only when something is waiting: not at every tap of a run under way', async () => {
    const b = await branch(1);
    const sync = syncOf(b);
    await sync.syncOnce();
    const attempted = sync.status().lastAttemptAt;
    sync.kick(); // nothing new sealed: a run's taps change records, not the queue
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sync.status().lastAttemptAt).toBe(attempted);
    const made = await simulateRun({ planId: 'fire', dataDir: b.dataDir, mode: 'drill', seed: 77 });
    sync.kick(); // a new seal: sent within a second or two
    for (let waited = 0; sync.status().queued > 0 && waited < 10_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await received(b.code)).map((r) => r.record_id)).toContain(made.runId);
    await sync.stop();
  });

  it('a seal register cut back to an earlier head is seen at head office as going back', async () => {
    const b = await branch(3);
    const register = readSealRegister(b.dataDir)!;
    const earlier = { seals: 2, head: register.verification.events.at(-2)!.hash };
    const now = { seals: 3, head: register.verification.events.at(-1)!.hash };
    let shown = earlier;
    const sync = SyncService.open({
      dataDir: b.dataDir,
      installation: `branch-${b.code}`,
      sealed: () => [],
      register: () => shown,
      connection: () => b.connection,
      pinnedKey: () => undefined,
    });
    services.push(sync);
    await sync.syncOnce();
    shown = now;
    await sync.syncOnce();
    await sync.syncOnce(); // unchanged: not reported again
    shown = earlier; // the register restored from an older copy
    await sync.syncOnce();
    const { rows } = await su.query<{ seals: number }>(
      'SELECT seals FROM guardbook.register_heads WHERE branch_code = $1 ORDER BY seen_at, witness_id',
      [b.code],
    );
    expect(rows.map((r) => r.seals)).toEqual([2, 3, 2]);
    const status = await hqStatus(su, { staleDays: 7 });
    expect(status.registers.filter((r) => r.branchCode === b.code)).toEqual([
      expect.objectContaining({ problem: 'went-back', seals: 2 }),
    ]);
  });

  it('a branch not configured attempts nothing; a plain connection to another host is refused', async () => {
    const b = await branch(1);
    const sync = syncOf(b, { connection: undefined });
    expect(sync.status()).toMatchObject({ configured: false, state: 'off', queued: 1 });
    expect(() => clientConfig({ ...b.connection, host: 'hq.example.cn' })).toThrow(/TLS is required/);
    expect(clientConfig({ ...b.connection, host: 'hq.example.cn', sslMode: 'verify-full' }).ssl).toMatchObject({
      rejectUnauthorized: true,
      servername: 'hq.example.cn',
    });
  });
});

describe('plan releases from head office', () => {
  const headOffice = generateKeyPairSync('ed25519');
  const hqPublicKey = (headOffice.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');

  /** Publishes a signed release of the robbery plan v2 for a region, as head office's publisher would. */
  async function publish(version: number, region: string): Promise<PlanRelease> {
    const robbery = JSON.parse(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')) as Plan;
    const { $schema: _hint, ...plan } = { ...robbery, version };
    const release: PlanRelease = {
      planId: plan.id,
      version,
      contentHash: contentHashOf(plan as Plan),
      scope: { kind: 'regions', regions: [region] },
      mandatory: true,
      effectiveDate: '2027-01-15',
    };
    const signature = sign(null, Buffer.from(releaseStatement(release)), headOffice.privateKey).toString('base64');
    const text = canonicalJson(plan);
    await su.query(
      `INSERT INTO guardbook.plan_versions (plan_id, version, content, content_text, content_hash, signature, key_id,
         scope_kind, scope_regions, mandatory, effective_date)
       VALUES ($1, $2, $8::jsonb, $3::text, $4, $5, '0123456789abcdef', 'regions', $6, true, $7)`,
      [plan.id, version, text, release.contentHash, signature, [region], release.effectiveDate, text],
    );
    return release;
  }

  it('takes a release in scope that verifies against the pinned key; another key is refused with the reason', async () => {
    const east = await branch(0, 'north');
    const west = await branch(0, 'south');
    await publish(2, 'north');
    const wrongKey = (
      generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }) as Buffer
    ).toString('base64');
    const wrong = syncOf(east, { pinnedKey: wrongKey });
    expect(await wrong.syncOnce()).toMatchObject({ releases: 0, refused: 1 });
    expect(wrong.status().releases.refused[0]!.reason).toMatch(
      /not signed with the head-office key this branch pinned/,
    );
    wrong.close();
    services.splice(services.indexOf(wrong), 1);

    const right = syncOf(east, { pinnedKey: hqPublicKey });
    expect(await right.syncOnce()).toMatchObject({ releases: 1, refused: 0 });
    const [taken] = right.releases();
    expect(taken).toMatchObject({ planId: 'armed-robbery', version: 2, mandatory: true, effectiveDate: '2027-01-15' });
    const stored = JSON.parse(readFileSync(taken!.file, 'utf8')) as Plan;
    expect(contentHashOf(stored)).toMatch(/^sha256:/);
    // Not taken twice; and a branch of another region never sees it.
    expect(await right.syncOnce()).toMatchObject({ releases: 0 });
    const other = syncOf(west, { pinnedKey: hqPublicKey });
    expect(await other.syncOnce()).toMatchObject({ releases: 0, refused: 0 });
  });
});
