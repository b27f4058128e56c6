// Head office's dashboard (electron/hq/dashboard.ts) against a real PostgreSQL: four branches in two regions enrolled
// with real installation keys, two plans published with their drill intervals (one to every branch, one to the east
// region only), sealed drills, incidents and inspections pushed on the branches' own logins at chosen dates, checked
// by ingest verification — one tampered on the way — and then read as head office's viewer: every cell of the
// coverage matrix, stale branches, the failed record flagged and not counted, incidents by month, region and
// category, inspection scores, one branch's history page by page, and a record re-verified with its events.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramVerifier } from '../../electron/hq/branchRoles';
import {
  branchHistory,
  coverageMatrix,
  incidentsByMonth,
  inspectionSummary,
  recordDetail,
  unsyncedBranches,
  type HistoryCursor,
} from '../../electron/hq/dashboard';
import { verifyPending } from '../../electron/hq/ingest';
import { migrate } from '../../electron/hq/migrate';
import { publishRelease } from '../../electron/hq/publish';
import { sha256Hex } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey, type SigningKey } from '../../electron/journal/signingKey';
import { contentHashOf } from '../../electron/plans/contentHash';
import { journalLine, nextEvent, type JournalEvent } from '../../shared/journal/format';
import type { Plan } from '../../shared/plan/schema';
import {
  enrolTestBranch,
  insertRecords,
  pushOf,
  rowOf,
  sealedInspectionJournal,
  sealedRunJournal,
  type RecordRow,
  type TestBranch,
} from '../support/hqRecords';
import { startPgCluster, type PgCluster } from '../support/pgCluster';
import { BUNDLED_PLANS_DIR, loadPlanFile, tempDir } from '../support/runJournal';

const DB = 'guardbook';
const TODAY = '2026-06-30';
let cluster: PgCluster;
let su: pg.Client;
let viewer: pg.Client;
const clients: pg.Client[] = [];
let east1: TestBranch;
let east2: TestBranch;
let west1: TestBranch;
let west2: TestBranch;
let robbery: Plan;
let fire: Plan;

async function headOfficeLogin(role: string, group: string): Promise<pg.Client> {
  const password = randomBytes(18).toString('base64');
  await su.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${group}`);
  const client = await cluster.connect(role, password, DB);
  clients.push(client);
  return client;
}

/** A bundled plan at version 2, its drill interval set, as head office publishes it and branches run it. */
function bundledAt(file: string, everyDays: number): { plan: Plan; text: string } {
  const plan = JSON.parse(readFileSync(join(BUNDLED_PLANS_DIR, file), 'utf8')) as Record<string, unknown>;
  plan.version = 2;
  plan.drill = { ...(plan.drill as object), everyDays };
  const text = JSON.stringify(plan, null, 2);
  const path = join(tempDir('guardbook-hq-plan-'), file);
  writeFileSync(path, text);
  return { plan: loadPlanFile(path), text };
}

const at = (iso: string) => Date.parse(iso);
/** A drill run's row: its first line one second after `startMs`, its seal eight seconds after (seven lines later). */
const drillRow = (branch: TestBranch, runId: string, plan: Plan, startMs: number): RecordRow =>
  rowOf(branch.code, pushOf('run', sealedRunJournal(branch.key, runId, { plan, startMs })));

/** A live (incident) run, sealed: sealedRunJournal writes drills only. */
function incidentRow(branch: TestBranch, runId: string, plan: Plan, startMs: number): RecordRow {
  const events: JournalEvent[] = [];
  let ms = startMs;
  const append = (type: string, by: string | null, data: unknown) =>
    events.push(nextEvent(events, new Date((ms += 1000)), type, by, data, sha256Hex));
  append('run.started', '张三', {
    runId,
    mode: 'incident',
    plan: { id: plan.id, version: plan.version, contentHash: contentHashOf(plan), body: plan },
    operator: '张三',
    branch: { name: '测试支行', code: branch.code },
  });
  append('note.added', '张三', { text: '已报警' });
  append('run.ended', 'system', { outcome: 'handed-to-police', endStep: 'handed-over' });
  append('run.signedOff', '王五', { name: '王五', note: '' });
  const head = events.at(-1)!.hash;
  const key: SigningKey = branch.key;
  append('run.sealed', 'system', { head, signature: key.sign(head), publicKey: key.publicKey, keyId: key.keyId });
  return rowOf(branch.code, pushOf('run', events.map(journalLine).join('')));
}

const inspectionRow = (branch: TestBranch, id: string, percent: number, passed: boolean) =>
  rowOf(branch.code, pushOf('inspection', sealedInspectionJournal(branch.key, id, percent, passed)));

/** Inserted as a superuser with head office's clock set back: a branch that last sent `daysAgo` days ago. */
async function insertReceivedLongAgo(row: RecordRow, daysAgo: number): Promise<void> {
  await su.query(
    `INSERT INTO guardbook.received_records (branch_code, kind, record_id, head_hash, seal, journal, plan_id,
       plan_version, plan_hash, category, is_drill, started_at, ended_at, score, passed, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() - make_interval(days => $16))`,
    [
      row.branch_code,
      row.kind,
      row.record_id,
      row.head_hash,
      row.seal,
      row.journal,
      row.plan_id,
      row.plan_version,
      row.plan_hash,
      row.category,
      row.is_drill,
      row.started_at,
      row.ended_at,
      row.score,
      row.passed,
      daysAgo,
    ],
  );
}

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east1 = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  east2 = await enrolTestBranch(cluster, su, DB, 'east-002', 'east');
  west1 = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
  west2 = await enrolTestBranch(cluster, su, DB, 'west-002', 'west');
  clients.push(east1.client, east2.client, west1.client, west2.client);
  const publisher = await headOfficeLogin('hq_publisher', 'guardbook_hq_publisher');
  const admin = await headOfficeLogin('hq_admin', 'guardbook_hq_admin');
  viewer = await headOfficeLogin('hq_viewer', 'guardbook_hq_viewer');
  const hqKey = loadOrCreateSigningKey(tempDir('guardbook-hq-office-'));

  const robberyV2 = bundledAt('armed-robbery.json', 182);
  const fireV2 = bundledAt('fire.json', 30);
  robbery = robberyV2.plan;
  fire = fireV2.plan;
  const terms = { mandatory: false, effectiveDate: '2026-01-01' };
  await publishRelease(publisher, { planText: robberyV2.text, scope: { kind: 'all' }, ...terms }, hqKey);
  await publishRelease(
    publisher,
    { planText: fireV2.text, scope: { kind: 'regions', regions: ['east'] }, ...terms },
    hqKey,
  );

  // east-001: robbery drilled 2026-03-01; fire drilled across midnight in Shanghai (started 23:59:56 on 05-19,
  // ended 00:00:03 on 05-20: done on the 20th), and again on 06-25 — that one tampered on the way.
  const tampered = drillRow(east1, 'fire-late', fire, at('2026-06-25T02:00:00Z'));
  const tamperedText = tampered.journal.toString('utf8').replace('嫌疑人向北逃离', '嫌疑人向南逃离');
  expect(tamperedText).not.toBe(tampered.journal.toString('utf8'));
  await insertRecords(east1.client, [
    drillRow(east1, 'rob-1', robbery, at('2026-03-01T00:00:00Z')),
    drillRow(east1, 'fire-1', fire, at('2026-05-19T15:59:55Z')),
    { ...tampered, journal: Buffer.from(tamperedText, 'utf8') },
    incidentRow(east1, 'inc-east', robbery, at('2026-04-10T03:00:00Z')),
    inspectionRow(east1, 'insp-e1', 87.5, true),
    inspectionRow(east1, 'insp-e2', 60, false),
  ]);
  // east-002: robbery drilled 2026-01-05 (due 07-06: due soon), fire never; it last sent ten days ago.
  await insertReceivedLongAgo(drillRow(east2, 'rob-2', robbery, at('2026-01-05T02:00:00Z')), 10);
  // west-001: robbery drilled 2025-12-01 (due 2026-06-01: overdue); fire is not addressed to the west. Incidents:
  // fire in April, and one at 00:30 on 1 May in Shanghai (16:30 on 30 April UTC), which is May's.
  await insertRecords(west1.client, [
    drillRow(west1, 'rob-3', robbery, at('2025-12-01T02:00:00Z')),
    incidentRow(west1, 'inc-w1', fire, at('2026-04-20T01:00:00Z')),
    incidentRow(west1, 'inc-w2', fire, at('2026-04-30T16:29:59Z')),
    inspectionRow(west1, 'insp-w1', 90, true),
  ]);
  // west-002 never sends anything.
  const checked = await verifyPending(admin);
  expect(checked).toMatchObject({ verified: 10, failed: 1 });
}, 120_000);

afterAll(async () => {
  await Promise.all([...clients, su].filter(Boolean).map((c) => c.end().catch(() => undefined)));
  await cluster?.stop();
});

describe('coverageMatrix', () => {
  it("gives every branch × plan cell the branch's own coverage rule, overdue branches first", async () => {
    const matrix = await coverageMatrix(viewer, { today: TODAY, staleDays: 7 });

    expect(matrix.plans.map((p) => [p.planId, p.version, p.everyDays])).toEqual([
      ['armed-robbery', 2, 182],
      ['fire', 2, 30],
    ]);
    expect(matrix.plans[0]!.title['zh-CN']).toBe(robbery.title['zh-CN']);
    const cells = Object.fromEntries(
      matrix.branches.map((b) => [
        b.code,
        b.cells.map((c) => c && [c.status, c.lastDrill?.localDate ?? null, c.dueDate ?? null, c.daysLeft ?? null]),
      ]),
    );
    expect(cells).toEqual({
      'west-001': [['overdue', '2025-12-01', '2026-06-01', -29], null],
      'east-001': [
        ['ok', '2026-03-01', '2026-08-30', 61],
        ['overdue', '2026-05-20', '2026-06-19', -11],
      ],
      'east-002': [
        ['due-soon', '2026-01-05', '2026-07-06', 6],
        ['never', null, null, null],
      ],
      'west-002': [['never', null, null, null], null],
    });
    expect(matrix.branches.map((b) => [b.code, b.worst])).toEqual([
      ['west-001', 'overdue'],
      ['east-001', 'overdue'],
      ['east-002', 'never'],
      ['west-002', 'never'],
    ]);
    expect(matrix.branches.find((b) => b.code === 'east-001')!.cells[0]!.lastDrill?.recordId).toBe('rob-1');
  });

  it('counts only verified drills: the tampered later drill is flagged, and the earlier one still counts', async () => {
    const matrix = await coverageMatrix(viewer, { today: TODAY, staleDays: 7 });
    const east = matrix.branches.find((b) => b.code === 'east-001')!;

    expect(east.cells[1]).toMatchObject({ status: 'overdue', failed: 1, lastDrill: { recordId: 'fire-1' } });
    expect(east.cells[0]).toMatchObject({ failed: 0 });
    expect(east.failedRecords).toBe(1);
    expect(matrix.branches.filter((b) => b.code !== 'east-001').map((b) => b.failedRecords)).toEqual([0, 0, 0]);
  });

  it('marks branches stale with no receipt for staleDays, or none ever', async () => {
    const matrix = await coverageMatrix(viewer, { today: TODAY, staleDays: 7 });
    const stale = Object.fromEntries(matrix.branches.map((b) => [b.code, [b.stale, b.lastReceiptAt !== null]]));

    expect(stale).toEqual({
      'east-001': [false, true],
      'east-002': [true, true],
      'west-001': [false, true],
      'west-002': [true, false],
    });
    expect((await coverageMatrix(viewer, { today: TODAY, staleDays: 30 })).branches.filter((b) => b.stale)).toEqual([
      expect.objectContaining({ code: 'west-002' }),
    ]);
    expect(await unsyncedBranches(viewer, { staleDays: 7 })).toEqual([
      { code: 'west-002', name: '支行 west-002', region: 'west', lastReceiptAt: null },
      expect.objectContaining({ code: 'east-002', region: 'east' }),
    ]);
  });

  it('moves with the day it is asked about', async () => {
    const later = await coverageMatrix(viewer, { today: '2026-09-01', staleDays: 7 });
    const east = later.branches.find((b) => b.code === 'east-001')!;

    expect(east.cells[0]).toMatchObject({ status: 'overdue', daysLeft: -2 });
  });
});

describe('incidentsByMonth', () => {
  it('counts live runs only, by local month, region and category', async () => {
    const counts = await incidentsByMonth(viewer, { from: '2026-01-01', to: '2026-06-30' });

    expect(counts).toEqual([
      { month: '2026-04', region: 'east', category: 'robbery', runs: 1, verified: 1, failed: 0 },
      { month: '2026-04', region: 'west', category: 'fire', runs: 1, verified: 1, failed: 0 },
      { month: '2026-05', region: 'west', category: 'fire', runs: 1, verified: 1, failed: 0 },
    ]);
    expect(await incidentsByMonth(viewer, { from: '2026-04-01', to: '2026-04-30' })).toHaveLength(2);
  });
});

describe('inspectionSummary', () => {
  it('gives each branch its verified inspections, average score and failures', async () => {
    const summary = await inspectionSummary(viewer, { from: '2026-01-01', to: '2026-06-30' });

    expect(summary).toEqual([
      expect.objectContaining({ code: 'east-001', inspections: 2, averageScore: 73.8, failed: 1, flagged: 0 }),
      expect.objectContaining({ code: 'west-001', inspections: 1, averageScore: 90, failed: 0, unchecked: 0 }),
    ]);
    expect(await inspectionSummary(viewer, { from: '2026-04-01', to: '2026-06-30' })).toEqual([]);
  });
});

describe('branchHistory', () => {
  it("lists a branch's records newest first, a page at a time, with each one's check", async () => {
    const pages: string[][] = [];
    let before: HistoryCursor | undefined;
    for (;;) {
      const page = await branchHistory(viewer, 'east-001', { limit: 2, ...(before ? { before } : {}) });
      pages.push(page!.records.map((r) => r.recordId));
      if (!page!.next) break;
      before = page!.next;
    }

    // Both inspections began at the same instant: kind, then id, breaks the tie, the same way on every page.
    expect(pages).toEqual([
      ['fire-late', 'fire-1'],
      ['inc-east', 'insp-e2'],
      ['insp-e1', 'rob-1'],
    ]);
    const all = await branchHistory(viewer, 'east-001', { limit: 50 });
    expect(all!.next).toBeUndefined();
    expect(all!.branch).toMatchObject({ code: 'east-001', region: 'east' });
    const byId = Object.fromEntries(all!.records.map((r) => [r.recordId, r]));
    expect(byId['fire-late']!.check).toMatchObject({ status: 'failed', reason: expect.stringContaining('line') });
    expect(byId['fire-1']).toMatchObject({ kind: 'run', planId: 'fire', isDrill: true, check: { status: 'verified' } });
    expect(byId['fire-1']!.planTitle?.['zh-CN']).toBe(fire.title['zh-CN']);
    expect(byId['inc-east']).toMatchObject({ isDrill: false, category: 'robbery' });
    expect(byId['insp-e2']).toMatchObject({ kind: 'inspection', score: 60, passed: false });
    expect(await branchHistory(viewer, 'nowhere', { limit: 5 })).toBeUndefined();
  });
});

describe('recordDetail', () => {
  it('re-verifies a record with the enrolled key and gives its checks and its events in words', async () => {
    const detail = await recordDetail(viewer, 'east-001', 'run', 'fire-1');

    expect(detail!.recheck).toEqual({ status: 'verified' });
    expect(detail!.summary.check).toEqual({ status: 'verified' });
    expect(detail!.checks).toEqual([expect.objectContaining({ status: 'verified', checkedBy: 'hq_admin' })]);
    expect(detail!.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(detail!.events[0]!.type).toBe('run.started');
    expect(detail!.events[3]!.description['zh-CN']).toContain('嫌疑人向北逃离');
    expect(detail!.events[0]!.description['zh-CN']).not.toBe('run.started');
  });

  it('shows a tampered record FAILED, now as at ingest, with the reason', async () => {
    const detail = await recordDetail(viewer, 'east-001', 'run', 'fire-late');

    expect(detail!.recheck).toMatchObject({ status: 'failed', reason: expect.stringMatching(/line 4/) });
    expect(detail!.summary.check).toMatchObject({ status: 'failed' });
    expect(detail!.events[3]!.description['zh-CN']).toContain('嫌疑人向南逃离');
    expect(await recordDetail(viewer, 'east-001', 'run', 'no-such-run')).toBeUndefined();
  });
});
