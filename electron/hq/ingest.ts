// Head office's ingest verification: every record a branch sends is checked — its journal's chain, its seal by the
// key that branch enrolled with, its id, head and summary columns (shared/hq/receivedRecord.ts, the rule the branch
// pushes by) — and the result appended to record_checks: verified, or failed with the reason. A record that fails
// is flagged that way and stays as it was received; nothing here changes or removes a record.
//
// Which records: those in guardbook.ingest_queue (004), where a trigger puts each record as it arrives. A batch is
// claimed, checked and recorded in one transaction: the claim deletes the queue rows it takes, locked with
// FOR UPDATE SKIP LOCKED, so a second verifier at the same time takes other rows and no record is checked twice; a
// verifier that dies mid-batch rolls back and its batch is queued again. Runs as a member of guardbook_hq_admin.
import type pg from 'pg';
import {
  checkReceivedRecord,
  RECORD_KINDS,
  type RecordCheck,
  type RecordKind,
  type RecordPush,
} from '../../shared/hq/receivedRecord';
import { canonicalJson } from '../../shared/json/canonicalJson';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { inBothLanguages } from '../../shared/text';
import { nodeJournalCrypto } from '../journal/nodeCrypto';

/** Records per transaction: large enough that round trips cost little, small enough that a batch is a few MB. */
export const INGEST_BATCH = 500;

export interface VerifyPendingOptions {
  /** At most this many records in this pass (all that are queued when absent). */
  limit?: number;
  batchSize?: number;
}

export interface RecordFailure {
  branchCode: string;
  kind: string;
  recordId: string;
  reason: string;
}

export interface VerifyPendingResult {
  verified: number;
  failed: number;
  /** Records checked in this pass for whose id a branch has also offered other content (possible tampering). */
  conflicts: number;
  failures: RecordFailure[];
}

/** Checks queued records, batch after batch, until the queue is empty (of records no other verifier holds) or `limit`. */
export async function verifyPending(
  client: pg.ClientBase,
  options: VerifyPendingOptions = {},
): Promise<VerifyPendingResult> {
  const result: VerifyPendingResult = { verified: 0, failed: 0, conflicts: 0, failures: [] };
  const batchSize = Math.max(1, options.batchSize ?? INGEST_BATCH);
  let remaining = options.limit ?? Infinity;
  while (remaining > 0) {
    const claimed = await verifyBatch(client, Math.min(batchSize, remaining), result);
    if (claimed === 0) break;
    remaining -= claimed;
  }
  return result;
}

/**
 * SQL for a timestamptz in UTC to the microsecond, as `StoredRecord` takes its times (read by journalTime()); out of
 * ISO's range, PostgreSQL's own text. The console's re-check reads its rows the same way.
 */
export const isoOf = (column: string) => `CASE
    WHEN ${column} IS NULL THEN NULL
    WHEN isfinite(${column}) AND extract(year FROM ${column} AT TIME ZONE 'UTC') BETWEEN 1 AND 9999
      THEN to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    ELSE ${column}::text END`;

const CLAIM = `
  WITH claimed AS (
    DELETE FROM guardbook.ingest_queue
     WHERE (branch_code, kind, record_id) IN (
             SELECT branch_code, kind, record_id FROM guardbook.ingest_queue
              ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING branch_code, kind, record_id)
  SELECT r.branch_code, r.kind, r.record_id, r.head_hash, r.seal, r.journal, b.public_key,
         r.plan_id, r.plan_version, r.plan_hash, r.category, r.is_drill,
         ${isoOf('r.started_at')} AS started_at, ${isoOf('r.ended_at')} AS ended_at, r.score::text AS score, r.passed,
         EXISTS (SELECT FROM guardbook.record_checks c
                  WHERE (c.branch_code, c.kind, c.record_id) = (r.branch_code, r.kind, r.record_id)) AS checked,
         EXISTS (SELECT FROM guardbook.conflicts x
                  WHERE (x.branch_code, x.kind, x.record_id) = (r.branch_code, r.kind, r.record_id)) AS conflicted
    FROM claimed
    JOIN guardbook.received_records r USING (branch_code, kind, record_id)
    JOIN guardbook.branches b USING (branch_code)`;

interface ClaimedRow {
  branch_code: string;
  kind: string;
  record_id: string;
  head_hash: string;
  seal: unknown;
  journal: Buffer;
  public_key: string;
  plan_id: string | null;
  plan_version: number | null;
  plan_hash: string | null;
  category: string | null;
  is_drill: boolean | null;
  started_at: string | null;
  ended_at: string | null;
  /** numeric, as PostgreSQL writes it (pg hands numeric over as text). */
  score: string | null;
  passed: boolean | null;
  /** A check exists already (appended some other way): the queue entry goes, no second check is made. */
  checked: boolean;
  conflicted: boolean;
}

/** Claims up to `size` queued records, checks them and appends their checks, in one transaction; how many it claimed. */
async function verifyBatch(client: pg.ClientBase, size: number, result: VerifyPendingResult): Promise<number> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<ClaimedRow>(CLAIM, [size]);
    const checks: { row: ClaimedRow; check: RecordCheck }[] = rows
      .filter((row) => !row.checked)
      .map((row) => ({ row, check: checkRow(row) }));
    if (checks.length > 0) {
      await client.query(
        `INSERT INTO guardbook.record_checks (branch_code, kind, record_id, status, reason)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          checks.map(({ row }) => row.branch_code),
          checks.map(({ row }) => row.kind),
          checks.map(({ row }) => row.record_id),
          checks.map(({ check }) => check.status),
          checks.map(({ check }) => (check.status === 'failed' ? check.reason : null)),
        ],
      );
    }
    // The coverage matrix's derived table, in the same transaction: a verified drill is the latest of its branch and
    // plan unless a later one is there already (migration 007).
    const drills = checks.filter(
      ({ row, check }) =>
        check.status === 'verified' && row.kind === 'run' && row.is_drill && row.plan_id && row.started_at,
    );
    if (drills.length > 0) {
      await client.query(
        `INSERT INTO guardbook.drill_coverage (branch_code, plan_id, record_id, started_at, ended_at)
         SELECT DISTINCT ON (b, p) b, p, r, s, e
           FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS d(b, p, r, s, e)
          ORDER BY b, p, s DESC
         ON CONFLICT (branch_code, plan_id) DO UPDATE
            SET record_id = excluded.record_id, started_at = excluded.started_at, ended_at = excluded.ended_at
          WHERE excluded.started_at > guardbook.drill_coverage.started_at`,
        [
          drills.map(({ row }) => row.branch_code),
          drills.map(({ row }) => row.plan_id),
          drills.map(({ row }) => row.record_id),
          drills.map(({ row }) => row.started_at),
          drills.map(({ row }) => row.ended_at),
        ],
      );
    }
    await client.query('COMMIT');
    for (const { row, check } of checks) {
      if (row.conflicted) result.conflicts++;
      if (check.status === 'verified') result.verified++;
      else {
        result.failed++;
        result.failures.push({
          branchCode: row.branch_code,
          kind: row.kind,
          recordId: row.record_id,
          reason: check.reason,
        });
      }
    }
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // a lost connection has rolled back already
    throw error;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);

/**
 * The check of one received record against its branch's enrolled key. A record the check itself stumbles on is
 * flagged failed with the error, so that it cannot hold up every record queued behind it; a later check may say
 * otherwise (the latest check counts).
 */
function checkRow(row: ClaimedRow): RecordCheck {
  try {
    return checkRowOrThrow(row);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'failed', reason: inBothLanguages(HQ_MESSAGES.recordCheckBroke(reason)) };
  }
}

function checkRowOrThrow(row: ClaimedRow): RecordCheck {
  return checkStoredRecord({ ...row, started: row.started_at, ended: row.ended_at });
}

/** A received record as stored, its times as PostgreSQL renders them to the microsecond (`…T08:00:00.123000Z`). */
export interface StoredRecord {
  kind: string;
  record_id: string;
  head_hash: string;
  seal: unknown;
  journal: Buffer;
  /** The branch's enrolled key: the only one its seals are checked with. */
  public_key: string;
  plan_id: string | null;
  plan_version: number | null;
  plan_hash: string | null;
  category: string | null;
  is_drill: boolean | null;
  started: string | null;
  ended: string | null;
  /** numeric, as PostgreSQL writes it (pg hands numeric over as text). */
  score: string | null;
  passed: boolean | null;
}

/**
 * Ingest's check of a stored record (and the dashboard's check again when a record is opened): the journal must be
 * UTF-8 and of a known kind, then the shared rule (shared/hq/receivedRecord.ts) on the push rebuilt from the row.
 */
export function checkStoredRecord(row: StoredRecord): RecordCheck {
  const failed = (reason: string): RecordCheck => ({ status: 'failed', reason });
  if (!isRecordKind(row.kind)) return failed(inBothLanguages(HQ_MESSAGES.recordKindUnknown(row.kind)));
  let journal: string;
  try {
    // Strict: bytes that are not UTF-8 would otherwise be read as U+FFFD, and could verify as text they are not.
    journal = utf8.decode(row.journal);
  } catch {
    return failed(inBothLanguages(HQ_MESSAGES.recordNotUtf8()));
  }
  return checkReceivedRecord(pushOfRow(row, row.kind, journal), row.public_key, nodeJournalCrypto);
}

/** The push as the branch made it, rebuilt from its row: what the check compares with the journal. */
function pushOfRow(row: StoredRecord, kind: RecordKind, journal: string): RecordPush {
  return {
    kind,
    recordId: row.record_id,
    journal,
    headHash: row.head_hash,
    // jsonb keeps its keys in an order of its own; the journal's seal line has them in canonical order.
    seal: JSON.parse(canonicalJson(row.seal)) as RecordPush['seal'],
    summary: {
      planId: row.plan_id,
      planVersion: row.plan_version,
      planHash: row.plan_hash,
      category: row.category,
      isDrill: row.is_drill,
      startedAt: journalTime(row.started),
      endedAt: journalTime(row.ended),
      score: row.score === null ? null : exactNumber(row.score),
      passed: row.passed,
    },
  };
}

/**
 * Stands for a stored value that no journal value can be (a time finer than milliseconds, a number no JavaScript
 * number spells): the shared check compares it unequal to anything, and names its column. (Date.parse reads almost
 * any text as some time, so a string would not do.)
 */
const NEVER_EQUAL = Number.NaN;

/** A time as the journal writes it (ISO 8601 UTC, milliseconds), if the stored one is exactly such a time. */
function journalTime(stored: string | null): string | null {
  if (stored === null) return null;
  const ms = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})000Z$/.exec(stored);
  return ms ? `${ms[1]}Z` : (NEVER_EQUAL as unknown as string);
}

/**
 * A numeric's text as the JavaScript number it spells exactly (as the branch's number was written: its shortest
 * form), else NaN, which equals no journal value: 85.50 is 85.5, but 0.10000000000000001 is not the journal's 0.1,
 * though Number() reads both as 0.1.
 */
export function exactNumber(numericText: string): number {
  const value = Number(numericText);
  if (!Number.isFinite(value)) return NEVER_EQUAL;
  const key = decimalKey(numericText);
  return key !== undefined && decimalKey(String(value)) === key ? value : NEVER_EQUAL;
}

/** A decimal's value as sign, significant digits and exponent: equal keys, equal numbers. */
function decimalKey(decimal: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(decimal.trim());
  if (!m) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  let digits = (whole + fraction).replace(/^0+/, '');
  let power = Number(exponent) - fraction.length;
  if (digits === '') return '0';
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  power += trailing;
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}
