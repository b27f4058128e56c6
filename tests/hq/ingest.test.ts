// Ingest verification against a real PostgreSQL: two branches enrolled with real installation keys push sealed records
// on their own logins; head office's administrator checks them (electron/hq/ingest.ts). Good records are verified,
// tampered ones flagged failed with the reason and kept as received, nothing is checked twice, two verifiers at once
// share the work, and a queue many batches long is drained whole.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramVerifier } from '../../electron/hq/branchRoles';
import { exactNumber, verifyPending } from '../../electron/hq/ingest';
import { migrate } from '../../electron/hq/migrate';
import { sampleJournal } from '../support/journalSample';
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

const DB = 'guardbook';
let cluster: PgCluster;
let su: pg.Client;
let east: TestBranch;
let west: TestBranch;
const clients: pg.Client[] = [];
const ADMIN_PASSWORD = randomBytes(18).toString('base64');

beforeAll(async () => {
  cluster = await startPgCluster();
  await cluster.createDatabase(DB);
  su = await cluster.connect(cluster.superuser.user, cluster.superuser.password, DB);
  await migrate(su);
  east = await enrolTestBranch(cluster, su, DB, 'east-001', 'east');
  west = await enrolTestBranch(cluster, su, DB, 'west-001', 'west');
  clients.push(east.client, west.client);
  await su.query(
    `CREATE ROLE hq_admin LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(ADMIN_PASSWORD))} IN ROLE guardbook_hq_admin`,
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([...clients, su].filter(Boolean).map((c) => c.end().catch(() => undefined)));
  await cluster?.stop();
});

/** A new connection as head office's administrator (not a superuser: its grants are what is tested). */
async function admin(): Promise<pg.Client> {
  const client = await cluster.connect('hq_admin', ADMIN_PASSWORD, DB);
  clients.push(client);
  return client;
}

let runs = 0;
/** A fresh sealed run of `branch`, as the row its sync inserts. */
const runRow = (branch: TestBranch, options: { runId?: string; note?: string } = {}): RecordRow =>
  rowOf(branch.code, pushOf('run', sealedRunJournal(branch.key, options.runId ?? `r-${++runs}`, options)));

interface CheckRow {
  record_id: string;
  status: string;
  reason: string | null;
  checked_by: string;
}

async function checksOf(branch: TestBranch, recordIds: readonly string[]): Promise<CheckRow[]> {
  const { rows } = await su.query<CheckRow>(
    `SELECT record_id, status, reason, checked_by FROM guardbook.record_checks
      WHERE branch_code = $1 AND record_id = ANY($2) ORDER BY record_id, check_id`,
    [branch.code, recordIds],
  );
  return rows;
}

const queued = async () =>
  (await su.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.ingest_queue')).rows[0]!.n;

describe('verifyPending', () => {
  it('marks good records of each branch verified, each checked once by the administrator', async () => {
    const sample = await sampleJournal({ sealed: true, key: east.key }); // written by JournalFile, fsynced, on disk
    const eastRows = [
      rowOf(east.code, pushOf('run', sample.text)),
      runRow(east),
      rowOf(east.code, pushOf('inspection', sealedInspectionJournal(east.key, 'insp-1', 87.5, true))),
      rowOf(east.code, pushOf('inspection', sealedInspectionJournal(east.key, 'insp-2', 66.66666666666667, false))),
    ];
    const westRows = [runRow(west), runRow(west)];
    expect(await insertRecords(east.client, eastRows)).toBe(4);
    expect(await insertRecords(west.client, westRows)).toBe(2);
    expect(await queued()).toBe(6);

    const result = await verifyPending(await admin());

    expect(result).toEqual({ verified: 6, failed: 0, conflicts: 0, failures: [] });
    const checks = [
      ...(await checksOf(
        east,
        eastRows.map((r) => r.record_id),
      )),
      ...(await checksOf(
        west,
        westRows.map((r) => r.record_id),
      )),
    ];
    expect(checks).toHaveLength(6);
    for (const check of checks)
      expect(check).toMatchObject({ status: 'verified', reason: null, checked_by: 'hq_admin' });
    expect(await queued()).toBe(0);
  });

  it('flags tampered records failed with the reason, and keeps each as it was received', async () => {
    const good = runRow(east);
    const alteredText = sealedRunJournal(east.key, 'altered', { note: '嫌疑人向北逃离' });
    const altered = {
      ...rowOf(east.code, pushOf('run', alteredText)),
      journal: Buffer.from(alteredText.replace('向北', '向南'), 'utf8'), // one character of line 4, summary untouched
    };
    // Sealed properly, but with the other branch's key.
    const foreign = rowOf(east.code, pushOf('run', sealedRunJournal(west.key, 'foreign')));
    const notItsSummary = { ...runRow(east, { runId: 'not-a-drill' }), is_drill: false };
    const otherId = { ...runRow(east, { runId: 'journal-id' }), record_id: 'claimed-id' };
    const finerTime = { ...runRow(east, { runId: 'finer-time' }) };
    finerTime.started_at = finerTime.started_at!.replace('.000Z', '.000500Z');
    const infinite = { ...runRow(east, { runId: 'infinite-end' }), ended_at: 'infinity' };
    const scoreNear = {
      ...rowOf(east.code, pushOf('inspection', sealedInspectionJournal(east.key, 'insp-4', 0.1, false))),
      score: '0.10000000000000001', // Number() reads it as 0.1; it is not what the journal says
    };
    const notUtf8 = { ...runRow(east, { runId: 'not-utf8' }) };
    notUtf8.journal = Buffer.concat([
      notUtf8.journal.subarray(0, 40),
      Buffer.from([0xff]),
      notUtf8.journal.subarray(41),
    ]);
    const unknownKind = { ...runRow(east, { runId: 'an-exercise' }), kind: 'exercise' };
    const rows = [good, altered, foreign, notItsSummary, otherId, finerTime, infinite, scoreNear, notUtf8, unknownKind];
    expect(await insertRecords(east.client, rows)).toBe(rows.length);
    const fingerprint = () =>
      su.query(
        `SELECT record_id, kind, head_hash, md5(journal) AS journal, started_at, score::text FROM guardbook.received_records
          WHERE branch_code = $1 ORDER BY record_id, kind`,
        [east.code],
      );
    const before = (await fingerprint()).rows;

    const result = await verifyPending(await admin());

    expect(result.verified).toBe(1);
    expect(result.failed).toBe(rows.length - 1);
    const reasons = Object.fromEntries(result.failures.map((f) => [f.recordId, f.reason]));
    expect(reasons.altered).toMatch(
      /^第 4 行：.*已被修改.* \/ line 4: the content does not match its hash \(altered\)$/,
    );
    expect(reasons.foreign).toContain(`the seal was made with an untrusted key: ${west.key.keyId}`);
    expect(reasons['not-a-drill']).toContain('summary columns differ from the journal: isDrill');
    expect(reasons['claimed-id']).toContain('the record id sent, claimed-id, is not the journal');
    expect(reasons['finer-time']).toContain('summary columns differ from the journal: startedAt');
    expect(reasons['infinite-end']).toContain('summary columns differ from the journal: endedAt');
    expect(reasons['insp-4']).toContain('summary columns differ from the journal: score');
    expect(reasons['not-utf8']).toContain('not valid UTF-8');
    expect(reasons['an-exercise']).toContain('cannot check records of the kind "exercise"');
    // Stored as the reasons were given, and the records are all still there, byte for byte.
    const stored = await checksOf(east, Object.keys(reasons));
    expect(Object.fromEntries(stored.map((c) => [c.record_id, c.reason]))).toEqual(reasons);
    expect(stored.every((c) => c.status === 'failed')).toBe(true);
    expect((await checksOf(east, [good.record_id]))[0]!.status).toBe('verified');
    expect((await fingerprint()).rows).toEqual(before);
  });

  it("takes PostgreSQL's renderings as the values the branch sent: 87.50 is 87.5, a time with milliseconds its instant", async () => {
    const row = rowOf(east.code, pushOf('inspection', sealedInspectionJournal(east.key, 'insp-5', 87.5, true)));
    await insertRecords(east.client, [{ ...row, score: '87.50' }]);
    // Whatever zone and style the session uses, times are read as instants.
    const verifier = await admin();
    await verifier.query("SET TimeZone = 'Asia/Shanghai'; SET DateStyle = 'SQL, DMY'");
    expect(await verifyPending(verifier)).toMatchObject({ verified: 1, failed: 0 });
  });

  it('checks nothing twice: a second pass finds nothing, then only what arrived since', async () => {
    const verifier = await admin();
    const count = async () =>
      (await su.query<{ n: number }>('SELECT count(*)::int AS n FROM guardbook.record_checks')).rows[0]!.n;
    const before = await count();

    expect(await verifyPending(verifier)).toEqual({ verified: 0, failed: 0, conflicts: 0, failures: [] });
    expect(await count()).toBe(before);

    const late = runRow(west);
    await insertRecords(west.client, [late]);
    // The same push again (a retry after a lost answer) adds no record and queues nothing.
    expect(await insertRecords(west.client, [late])).toBe(0);
    expect(await verifyPending(verifier)).toMatchObject({ verified: 1, failed: 0 });
    expect(await count()).toBe(before + 1);

    // A record whose check was appended some other way is not checked again, and leaves the queue.
    const handChecked = runRow(west);
    await insertRecords(west.client, [handChecked]);
    await verifier.query(
      `INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status) VALUES ($1, 'run', $2, 'verified')`,
      [west.code, handChecked.record_id],
    );
    expect(await verifyPending(verifier)).toMatchObject({ verified: 0, failed: 0 });
    expect(await checksOf(west, [handChecked.record_id])).toHaveLength(1);
    expect(await queued()).toBe(0);
  });

  it('checks at most `limit` records in one pass, oldest first', async () => {
    const rows = [runRow(west), runRow(west), runRow(west)];
    for (const row of rows) await insertRecords(west.client, [row]); // one push each: received in this order
    const verifier = await admin();

    expect(await verifyPending(verifier, { limit: 2, batchSize: 1 })).toMatchObject({ verified: 2 });
    const checked = await checksOf(
      west,
      rows.map((r) => r.record_id),
    );
    const ids = (list: readonly { record_id: string }[]) => list.map((r) => r.record_id).sort();
    expect(ids(checked)).toEqual(ids(rows.slice(0, 2)));
    expect(await queued()).toBe(1);
    expect(await verifyPending(verifier)).toMatchObject({ verified: 1 });
  });

  it('counts records checked whose id was also offered with other content', async () => {
    const row = runRow(east);
    await insertRecords(east.client, [row]);
    await east.client.query(
      `INSERT INTO guardbook.conflicts (branch_code, kind, record_id, stored_hash, offered_hash)
       VALUES (guardbook.current_branch(), 'run', $1, $2, $3)`,
      [row.record_id, row.head_hash, createHash('sha256').update('other').digest('hex')],
    );
    expect(await verifyPending(await admin())).toMatchObject({ verified: 1, conflicts: 1 });
  });

  it('two verifiers at once share the records: each checked exactly once', async () => {
    const rows = [
      ...Array.from({ length: 200 }, () => runRow(east)),
      ...Array.from({ length: 200 }, () => runRow(west)),
    ];
    await insertRecords(east.client, rows.slice(0, 200));
    await insertRecords(west.client, rows.slice(200));
    const [a, b] = [await admin(), await admin()];

    const [first, second] = await Promise.all([
      verifyPending(a, { batchSize: 20 }),
      verifyPending(b, { batchSize: 20 }),
    ]);

    expect(first.verified + second.verified).toBe(400);
    expect(first.failed + second.failed).toBe(0);
    expect(first.verified).toBeGreaterThan(0);
    expect(second.verified).toBeGreaterThan(0);
    const { rows: twice } = await su.query(
      `SELECT branch_code, kind, record_id FROM guardbook.record_checks
        GROUP BY branch_code, kind, record_id HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const { rows: unchecked } = await su.query(
      `SELECT record_id FROM guardbook.received_records r WHERE NOT EXISTS (SELECT FROM guardbook.record_checks c
         WHERE (c.branch_code, c.kind, c.record_id) = (r.branch_code, r.kind, r.record_id))`,
    );
    expect(unchecked).toEqual([]);
  });

  it('skips, without waiting, records another verifier holds; they are checked once it gives them back', async () => {
    const rows = Array.from({ length: 6 }, () => runRow(east));
    await insertRecords(east.client, rows);
    const held = rows.slice(0, 2).map((r) => r.record_id);
    // A verifier in the middle of its batch: the queue rows claimed and locked, nothing committed yet.
    const busy = await admin();
    await busy.query('BEGIN');
    await busy.query(
      `DELETE FROM guardbook.ingest_queue WHERE (branch_code, kind, record_id) IN (
         SELECT branch_code, kind, record_id FROM guardbook.ingest_queue WHERE record_id = ANY($1) FOR UPDATE)`,
      [held],
    );
    const verifier = await admin();

    expect(await verifyPending(verifier)).toMatchObject({ verified: 4, failed: 0 });
    expect(await checksOf(east, held)).toEqual([]);

    await busy.query('ROLLBACK'); // it died before committing: its claim is undone
    expect(await verifyPending(verifier)).toMatchObject({ verified: 2, failed: 0 });
    expect((await checksOf(east, held)).map((c) => c.status)).toEqual(['verified', 'verified']);
  });

  it('refuses a login that is not head office administrator, checking nothing', async () => {
    await insertRecords(east.client, [runRow(east)]);
    await expect(verifyPending(east.client)).rejects.toThrow(/permission denied/);
    expect(await queued()).toBe(1);
    await verifyPending(await admin());
  });

  it('verifies every record of many batches from two branches, each exactly once', async () => {
    // The rate is the bench's (npm run bench -- hq); here, that a queue many batches long is drained whole.
    const total = 2_000;
    const rows = Array.from({ length: total }, (_, i) => runRow(i % 2 === 0 ? east : west));
    await Promise.all([
      insertRecords(
        east.client,
        rows.filter((r) => r.branch_code === east.code),
      ),
      insertRecords(
        west.client,
        rows.filter((r) => r.branch_code === west.code),
      ),
    ]);
    const result = await verifyPending(await admin());
    expect(result).toMatchObject({ verified: total, failed: 0 });
    expect(await queued()).toBe(0);
  }, 120_000);
});

describe('exactNumber', () => {
  it('reads a numeric as the number it spells exactly, else NaN', () => {
    expect(exactNumber('87.50')).toBe(87.5);
    expect(exactNumber('100')).toBe(100);
    expect(exactNumber('0.1')).toBe(0.1);
    expect(exactNumber('66.66666666666667')).toBe(66.66666666666667);
    expect(exactNumber('-0.000000123')).toBe(-1.23e-7);
    expect(exactNumber('0.10000000000000001')).toBeNaN();
    expect(exactNumber('NaN')).toBeNaN();
    expect(exactNumber('Infinity')).toBeNaN();
    expect(exactNumber('1' + '0'.repeat(400))).toBeNaN();
  });
});
