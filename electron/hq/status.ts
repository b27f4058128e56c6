// What head office's operators look at first (`hq status`): the schema's version, the branches, the records received
// and how their checks stand, records offered twice with different content, seal registers that went back or forked
// at a branch, and branches that have sent nothing for a while. Read-only; any member of guardbook_hq_viewer.
import type pg from 'pg';
import { RECORD_KINDS } from '../../shared/hq/receivedRecord';
import { migrationStatus } from './migrate';

export interface KindCounts {
  kind: string;
  received: number;
  /** By each record's latest check (record_checks is appended to; the latest counts). */
  verified: number;
  failed: number;
  unchecked: number;
}

export interface ConflictRow {
  branchCode: string;
  kind: string;
  recordId: string;
  storedHash: string;
  offeredHash: string;
  seenAt: Date;
}

/**
 * A branch's seal register as head office saw it, no longer growing one way: `forked`, two heads for one count of
 * seals (the register was rewritten); `went-back`, a count below one seen earlier (cut back).
 */
export type RegisterProblem =
  | { problem: 'forked'; branchCode: string; seals: number; heads: string[]; lastSeenAt: Date }
  | { problem: 'went-back'; branchCode: string; seals: number; head: string; highestBefore: number; seenAt: Date };

export interface StaleBranch {
  code: string;
  name: string;
  region: string;
  /** Head office's time of its latest receipt; null: it has never sent a record. */
  lastReceiptAt: Date | null;
}

export interface HqStatus {
  schema: { version: number; latestKnown: number; pending: number };
  branches: { enrolled: number; disabled: number };
  records: KindCounts[];
  /** Records queued for ingest verification (004). */
  queued: number;
  conflicts: { count: number; latest: ConflictRow[] };
  registers: RegisterProblem[];
  /** Enabled branches with no receipt in `days` days, those that never sent first. */
  stale: { days: number; branches: StaleBranch[] };
}

/** Conflicts listed in full up to this many (the count is always whole). */
const CONFLICTS_LISTED = 20;

export async function hqStatus(client: pg.ClientBase, options: { staleDays: number }): Promise<HqStatus> {
  const migrations = await migrationStatus(client);
  const applied = migrations.filter((m) => m.status !== 'pending').map((m) => m.version);
  const [branches, records, queued, conflicts, registers, stale] = [
    await client.query<{ enrolled: number; disabled: number }>(
      `SELECT count(*) FILTER (WHERE disabled_at IS NULL)::int AS enrolled,
              count(*) FILTER (WHERE disabled_at IS NOT NULL)::int AS disabled
         FROM guardbook.branches`,
    ),
    await client.query<KindCounts>(
      `SELECT r.kind, count(*)::int AS received,
              count(*) FILTER (WHERE latest.status = 'verified')::int AS verified,
              count(*) FILTER (WHERE latest.status = 'failed')::int AS failed,
              count(*) FILTER (WHERE latest.status IS NULL)::int AS unchecked
         FROM guardbook.received_records r
         LEFT JOIN LATERAL (
           SELECT c.status FROM guardbook.record_checks c
            WHERE (c.branch_code, c.kind, c.record_id) = (r.branch_code, r.kind, r.record_id)
            ORDER BY c.checked_at DESC, c.check_id DESC LIMIT 1) latest ON true
        GROUP BY r.kind`,
    ),
    await client.query<{ queued: number }>('SELECT count(*)::int AS queued FROM guardbook.ingest_queue'),
    await client.query<ConflictRow & { total: number }>(
      `SELECT branch_code AS "branchCode", kind, record_id AS "recordId", stored_hash AS "storedHash",
              offered_hash AS "offeredHash", seen_at AS "seenAt", count(*) OVER ()::int AS total
         FROM guardbook.conflicts ORDER BY seen_at DESC, branch_code, record_id LIMIT $1`,
      [CONFLICTS_LISTED],
    ),
    await client.query<Record<string, unknown>>(
      // Rows seen at the same instant (one push) count in ascending order: a register only grows.
      // A head seen again later (a register cut back to it) is one head, in the order first seen.
      `SELECT 'forked' AS problem, branch_code AS "branchCode", seals, array_agg(head ORDER BY first_seen, head) AS heads,
              max(last_seen) AS "lastSeenAt", NULL::text AS head, NULL::int AS "highestBefore", NULL::timestamptz AS "seenAt"
         FROM (SELECT branch_code, seals, head, min(seen_at) AS first_seen, max(seen_at) AS last_seen
                 FROM guardbook.register_heads GROUP BY branch_code, seals, head) heads
        GROUP BY branch_code, seals HAVING count(*) > 1
       UNION ALL
       SELECT 'went-back', branch_code, seals, NULL, NULL, head, highest_before, seen_at
         FROM (SELECT branch_code, seals, head, seen_at,
                      max(seals) OVER (PARTITION BY branch_code ORDER BY seen_at, witness_id
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS highest_before
                 FROM guardbook.register_heads) seen
        WHERE seals < highest_before
        ORDER BY 2, 3`,
    ),
    await client.query<{ code: string; name: string; region: string; last: Date | null }>(
      `SELECT b.branch_code AS code, b.name, b.region, latest.received_at AS last
         FROM guardbook.branches b
         LEFT JOIN LATERAL (SELECT r.received_at FROM guardbook.receipts r WHERE r.branch_code = b.branch_code
                             ORDER BY r.received_at DESC LIMIT 1) latest ON true
        WHERE b.disabled_at IS NULL
          AND (latest.received_at IS NULL OR latest.received_at < now() - make_interval(days => $1))
        ORDER BY latest.received_at NULLS FIRST, b.branch_code`,
      [options.staleDays],
    ),
  ];
  return {
    schema: {
      version: Math.max(0, ...applied),
      latestKnown: Math.max(0, ...migrations.filter((m) => m.file).map((m) => m.version)),
      pending: migrations.filter((m) => m.status === 'pending').length,
    },
    branches: branches.rows[0]!,
    records: withEveryKind(records.rows),
    queued: queued.rows[0]!.queued,
    conflicts: {
      count: conflicts.rows[0]?.total ?? 0,
      latest: conflicts.rows.map(({ total: _total, ...row }) => row),
    },
    registers: registers.rows.map(registerProblemOf),
    stale: {
      days: options.staleDays,
      branches: stale.rows.map((row) => ({
        code: row.code,
        name: row.name,
        region: row.region,
        lastReceiptAt: row.last,
      })),
    },
  };
}

/** Every kind a branch sends, with zeros where none came, then any other kind found, in that order. */
function withEveryKind(rows: readonly KindCounts[]): KindCounts[] {
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const kinds = [
    ...RECORD_KINDS,
    ...[...byKind.keys()].filter((k) => !(RECORD_KINDS as readonly string[]).includes(k)).sort(),
  ];
  return kinds.map((kind) => byKind.get(kind) ?? { kind, received: 0, verified: 0, failed: 0, unchecked: 0 });
}

/** One row of the union as its own shape (the other shape's columns were nulls). */
function registerProblemOf(row: Record<string, unknown>): RegisterProblem {
  const base = { branchCode: row.branchCode as string, seals: row.seals as number };
  return row.problem === 'forked'
    ? { problem: 'forked', ...base, heads: row.heads as string[], lastSeenAt: row.lastSeenAt as Date }
    : {
        problem: 'went-back',
        ...base,
        head: row.head as string,
        highestBefore: row.highestBefore as number,
        seenAt: row.seenAt as Date,
      };
}
