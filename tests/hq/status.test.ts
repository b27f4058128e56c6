// `hqStatus` (electron/hq/status.ts) against a real PostgreSQL, read as head office's viewer: the schema's version,
// branches, records by kind and how their checks stand, conflicts, seal registers that forked or went back, and
// branches that have sent nothing for N days or never.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramVerifier } from '../../electron/hq/branchRoles';
import { verifyPending } from '../../electron/hq/ingest';
import { migrate, readMigrations } from '../../electron/hq/migrate';
import { hqStatus, type HqStatus } from '../../electron/hq/status';
import {
  enrolTestBranch,
  insertRecords,
  pushOf,
  rowOf,
  sealedInspectionJournal,
  sealedRunJournal,
  type TestBranch,
} from '../support/hqRecords';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const DB = 'guardbook';
let cluster: PgCluster;
let su: pg.Client;
let viewer: pg.Client;
let status: HqStatus;
let east: TestBranch;
let west: TestBranch;
let north: TestBranch;
const clients: pg.Client[] = [];
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const DAY_MS = 86_400_000;

async function headOfficeLogin(role: string, group: string): Promise<pg.Client> {
  const password = randomBytes(18).toString('base64');
  await su.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`);
  const client = await cluster.connect(role, password, DB);
  clients.push(client);
  return client;
}

/** What a branch says of its seal register, as its sync does (each in its own transaction: its own seen_at). */
const witness = (branch: TestBranch, seals: number, head: string) =>
  branch.client.query(
    'INSERT INTO guardbook.register_heads (branch_code, seals, head) VALUES (guardbook.current_branch(), $1, $2)',
    [seals, hash(head)],
  );

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  west = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
  north = await enrolTestBranch(cluster, su, DB, 'north-001', 'north');
  const gone = await enrolTestBranch(cluster, su, DB, 'closed-001', 'north');
  clients.push(east.client, west.client, north.client, gone.client);
  const admin = await headOfficeLogin('hq_admin', 'guardbook_hq_admin');
  viewer = await headOfficeLogin('hq_viewer', 'guardbook_hq_viewer');

  // east: two runs and an inspection that verify, a run whose summary is not its journal's, then one more run that
  // arrives after the check; and a conflict it reported.
  const run = (branch: TestBranch, id: string) => rowOf(branch.code, pushOf('run', sealedRunJournal(branch.key, id)));
  await insertRecords(east.client, [
    run(east, 'e-1'),
    run(east, 'e-2'),
    rowOf(east.code, pushOf('inspection', sealedInspectionJournal(east.key, 'e-insp-1', 92.5, true))),
    { ...run(east, 'e-3'), category: 'fire' },
  ]);
  // west: one run, received (by head office's clock) ten days ago.
  const old = run(west, 'w-1');
  const columns = Object.keys(old) as (keyof typeof old)[];
  await su.query(
    `INSERT INTO guardbook.received_records (${columns.join(', ')}, received_at)
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}, now() - interval '10 days')`,
    columns.map((column) => old[column]),
  );
  await verifyPending(admin);
  await insertRecords(east.client, [run(east, 'e-4')]);
  await east.client.query(
    `INSERT INTO guardbook.conflicts (branch_code, kind, record_id, stored_hash, offered_hash)
     VALUES (guardbook.current_branch(), 'run', 'e-1', $1, $2)`,
    [hash('stored'), hash('offered')],
  );
  // Registers: east grows as it should; west shows two heads at 5 seals; north had 7 seals, then 4.
  await witness(east, 3, 'e3');
  await witness(east, 5, 'e5');
  await witness(west, 5, 'w5');
  await witness(west, 5, 'w5-rewritten');
  await witness(north, 7, 'n7');
  await witness(north, 4, 'n4');
  await admin.query("UPDATE guardbook.branches SET disabled_at = now() WHERE branch_code = 'closed-001'");

  status = await hqStatus(viewer, { staleDays: 7 });
}, 60_000);

afterAll(async () => {
  await Promise.all([...clients, su].filter(Boolean).map((c) => c.end().catch(() => undefined)));
  await cluster?.stop();
});

describe('hqStatus', () => {
  it("gives the schema's version and no migration pending", () => {
    expect(status.schema).toEqual({
      version: readMigrations().at(-1)!.version,
      latestKnown: readMigrations().at(-1)!.version,
      pending: 0,
    });
  });

  it('counts branches enabled and disabled', () => {
    expect(status.branches).toEqual({ enrolled: 3, disabled: 1 });
  });

  it('counts records by kind: received, verified, failed, not yet checked', () => {
    expect(status.records).toEqual([
      { kind: 'run', received: 5, verified: 3, failed: 1, unchecked: 1 },
      { kind: 'evaluation', received: 0, verified: 0, failed: 0, unchecked: 0 },
      { kind: 'inspection', received: 1, verified: 1, failed: 0, unchecked: 0 },
    ]);
    expect(status.queued).toBe(1);
  });

  it('counts a record by its latest check', async () => {
    // A record checked again later (as an auditor might) counts as the latest check says.
    await su.query(
      `INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status, reason)
       VALUES ('east-001', 'run', 'e-3', 'verified', NULL)`,
    );
    const later = await hqStatus(viewer, { staleDays: 7 });
    expect(later.records[0]).toEqual({ kind: 'run', received: 5, verified: 4, failed: 0, unchecked: 1 });
  });

  it('lists conflicts', () => {
    expect(status.conflicts.count).toBe(1);
    expect(status.conflicts.latest).toEqual([
      expect.objectContaining({
        branchCode: 'east-001',
        kind: 'run',
        recordId: 'e-1',
        storedHash: hash('stored'),
        offeredHash: hash('offered'),
      }),
    ]);
  });

  it('finds a register that forked and one that went back, and no problem with one that grew', () => {
    expect(status.registers).toEqual([
      expect.objectContaining({
        problem: 'went-back',
        branchCode: 'north-001',
        seals: 4,
        highestBefore: 7,
        head: hash('n4'),
      }),
      expect.objectContaining({
        problem: 'forked',
        branchCode: 'west-001',
        seals: 5,
        heads: [hash('w5'), hash('w5-rewritten')],
      }),
    ]);
  });

  it('lists enabled branches with no receipt for N days, those that never sent first', () => {
    expect(status.stale.days).toBe(7);
    expect(status.stale.branches.map((b) => b.code)).toEqual(['north-001', 'west-001']);
    const [never, late] = status.stale.branches;
    expect(never!.lastReceiptAt).toBeNull();
    const age = Date.now() - late!.lastReceiptAt!.getTime();
    expect(age).toBeGreaterThan(10 * DAY_MS - 60_000);
    expect(age).toBeLessThan(10 * DAY_MS + 60_000);
  });

  it('with a longer window, only the branch that never sent', async () => {
    const lenient = await hqStatus(viewer, { staleDays: 30 });
    expect(lenient.stale.branches.map((b) => b.code)).toEqual(['north-001']);
  });
});
