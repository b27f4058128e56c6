// Head office's dashboard: read-only queries as a member of guardbook_hq_viewer. The branches × plans drill coverage
// (the branch's own rule, shared/drills/coverage.ts, applied to what head office received), incidents by category,
// region and month, inspection scores, branches that have not synced, one branch's history, and one record in full,
// verified again here with the branch's enrolled key.
//
// What counts: a record counts only when its latest check (record_checks, appended to) says `verified`; one whose
// latest check failed is flagged, never counted; one not checked yet is neither. Times are head office's reading
// of the branch's journal; local days are in `zone` (Asia/Shanghai unless told otherwise). Indexes: 005_dashboard.sql.
import type pg from 'pg';
import { addDays, daysBetween, dueSoonDays, type CoverageStatus } from '../../shared/drills/coverage';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import type { Plan } from '../../shared/plan/schema';
import { eventDescriber } from '../../shared/records/describeEvent';
import { inBothLanguages, text, type Text } from '../../shared/text';
import { localDayRange } from '../../shared/time/localTime';
import { checkStoredRecord, isoOf } from './ingest';

export const HQ_ZONE = 'Asia/Shanghai';

/** A record's standing at head office: its latest check, if any. */
export type CheckState = { status: 'verified' } | { status: 'failed'; reason: string } | { status: 'unchecked' };

/** A plan head office governs: the latest version published, and how often it must be drilled. */
export interface GovernedPlan {
  planId: string;
  version: number;
  title: Text;
  everyDays: number;
}

export interface CoverageCell {
  planId: string;
  /** The latest verified drill run of the plan at this branch. */
  lastDrill?: { recordId: string; startedAt: string; localDate: string };
  dueDate?: string;
  daysLeft?: number;
  status: CoverageStatus;
  /** Drill runs of this plan whose latest check failed: flagged, not counted. */
  failed: number;
}

export interface CoverageRow {
  code: string;
  name: string;
  region: string;
  lastReceiptAt: string | null;
  /** No receipt for `staleDays` (head office's clock), or never. */
  stale: boolean;
  /** One per plan of `plans`, in that order; null where the plan's latest version is not addressed to this branch. */
  cells: (CoverageCell | null)[];
  /** Records of any kind whose latest check failed. */
  failedRecords: number;
  /** The worst cell: overdue, never, due-soon, ok (none: no plan reaches it). */
  worst: CoverageStatus | null;
}

export interface CoverageMatrix {
  today: string;
  zone: string;
  staleDays: number;
  plans: GovernedPlan[];
  /** Overdue first (longest overdue first), then never drilled, due soon, ok; then by code. */
  branches: CoverageRow[];
}

export interface CoverageMatrixOptions {
  /** YYYY-MM-DD in `zone`. */
  today: string;
  staleDays: number;
  zone?: string;
}

/** Stale: no receipt within `days` days of now, by head office's clock (as `hq status` says it). */
const STALE = (last: string, days: string) => `(${last} IS NULL OR ${last} < now() - make_interval(days => ${days}))`;

/** The latest check of the record aliased `r`, as a LATERAL subquery's body. */
const LATEST_CHECK = `SELECT c.status, c.reason FROM guardbook.record_checks c
   WHERE c.branch_code = r.branch_code AND c.kind = r.kind AND c.record_id = r.record_id
   ORDER BY c.checked_at DESC, c.check_id DESC LIMIT 1`;

const URGENCY: Record<CoverageStatus, number> = { overdue: 0, never: 1, 'due-soon': 2, ok: 3 };

export async function coverageMatrix(client: pg.ClientBase, options: CoverageMatrixOptions): Promise<CoverageMatrix> {
  const zone = options.zone ?? HQ_ZONE;
  if (!localDayRange(options.today, zone)) throw new RangeError(`not a YYYY-MM-DD date: ${options.today}`);
  const plans = await client.query<{
    plan_id: string;
    version: number;
    title: { 'zh-CN'?: string; en?: string } | null;
    every_days: number;
    scope_kind: string;
    scope_regions: string[] | null;
    scope_branches: string[] | null;
  }>(
    `SELECT plan_id, version, content -> 'title' AS title, (content -> 'drill' ->> 'everyDays')::int AS every_days,
            scope_kind, scope_regions, scope_branches
       FROM (SELECT DISTINCT ON (plan_id) * FROM guardbook.plan_versions ORDER BY plan_id, version DESC) latest
      WHERE (content -> 'drill' ->> 'everyDays') ~ '^[0-9]+$' AND (content -> 'drill' ->> 'everyDays')::int >= 1
      ORDER BY plan_id`,
  );
  const branches = await client.query<{
    code: string;
    name: string;
    region: string;
    last: Date | null;
    stale: boolean;
  }>(
    `SELECT b.branch_code AS code, b.name, b.region, latest.received_at AS last,
            ${STALE('latest.received_at', '$1')} AS stale
       FROM guardbook.branches b
       LEFT JOIN LATERAL (SELECT r.received_at FROM guardbook.receipts r WHERE r.branch_code = b.branch_code
                           ORDER BY r.received_at DESC LIMIT 1) latest ON true
      WHERE b.disabled_at IS NULL
      ORDER BY b.branch_code`,
    [options.staleDays],
  );
  // Each in-scope (branch, plan): its latest drill run whose latest check is verified, and the local date it was
  // done (ended, else started: coverage.ts's rule), computed here, as Intl in JavaScript costs more than the
  // queries. The latest verified drill of each cell is ingest's derived table (migration 007).
  const cells = await client.query<{
    code: string;
    plan_id: string;
    record_id: string | null;
    started: Date | null;
    local_date: string | null;
  }>(
    `WITH plans AS (
       SELECT DISTINCT ON (plan_id) plan_id, scope_kind, scope_regions, scope_branches
         FROM guardbook.plan_versions ORDER BY plan_id, version DESC)
     SELECT b.branch_code AS code, p.plan_id, last.record_id, last.started_at AS started,
            to_char(coalesce(last.ended_at, last.started_at) AT TIME ZONE $2, 'YYYY-MM-DD') AS local_date
       FROM guardbook.branches b
       JOIN plans p ON p.scope_kind = 'all'
                    OR (p.scope_kind = 'regions' AND b.region = ANY (p.scope_regions))
                    OR (p.scope_kind = 'branches' AND b.branch_code = ANY (p.scope_branches))
       -- The latest verified drill, kept by ingest (migration 007): one row per cell, not a probe of the records.
       LEFT JOIN guardbook.drill_coverage last ON last.branch_code = b.branch_code AND last.plan_id = p.plan_id
      WHERE b.disabled_at IS NULL AND p.plan_id = ANY ($1)`,
    [plans.rows.map((p) => p.plan_id), zone],
  );
  const failed = await failedRecords(client);

  const governed: GovernedPlan[] = plans.rows.map((p) => ({
    planId: p.plan_id,
    version: p.version,
    title: titleOf(p.title, p.plan_id),
    everyDays: p.every_days,
  }));
  type LastDrill = { recordId: string; startedAt: string; localDate: string } | null;
  const lastDrills = new Map<string, Map<string, LastDrill>>();
  for (const row of cells.rows) {
    const byPlan = lastDrills.get(row.code) ?? new Map<string, LastDrill>();
    byPlan.set(
      row.plan_id,
      row.record_id && row.started && row.local_date
        ? { recordId: row.record_id, startedAt: row.started.toISOString(), localDate: row.local_date }
        : null,
    );
    lastDrills.set(row.code, byPlan);
  }
  const rows = branches.rows.map((b): CoverageRow => {
    const inScope = lastDrills.get(b.code) ?? new Map<string, LastDrill>();
    const flagged = failed.get(b.code);
    const cellsOfBranch = governed.map((p) =>
      inScope.has(p.planId)
        ? cellOf(p, inScope.get(p.planId) ?? null, options.today, flagged?.drills.get(p.planId) ?? 0)
        : null,
    );
    const present = cellsOfBranch.filter((c): c is CoverageCell => c !== null);
    const worst = present.reduce<CoverageStatus | null>(
      (w, c) => (w === null || URGENCY[c.status] < URGENCY[w] ? c.status : w),
      null,
    );
    return {
      code: b.code,
      name: b.name,
      region: b.region,
      lastReceiptAt: b.last?.toISOString() ?? null,
      stale: b.stale,
      cells: cellsOfBranch,
      failedRecords: flagged?.total ?? 0,
      worst,
    };
  });
  const mostOverdue = (row: CoverageRow) =>
    Math.min(0, ...row.cells.map((c) => (c?.status === 'overdue' ? (c.daysLeft ?? 0) : 0)));
  rows.sort(
    (a, b) =>
      (a.worst === null ? 4 : URGENCY[a.worst]) - (b.worst === null ? 4 : URGENCY[b.worst]) ||
      mostOverdue(a) - mostOverdue(b) ||
      a.code.localeCompare(b.code),
  );
  return { today: options.today, zone, staleDays: options.staleDays, plans: governed, branches: rows };
}

/**
 * One cell by coverage.ts's rule and its own date arithmetic: due = the drill's local date + everyDays; overdue when
 * today is past it, due soon within dueSoonDays(everyDays) of it (today included), never without a drill.
 */
function cellOf(
  plan: GovernedPlan,
  last: { recordId: string; startedAt: string; localDate: string } | null,
  today: string,
  failed: number,
): CoverageCell {
  if (!last) return { planId: plan.planId, status: 'never', failed };
  const dueDate = addDays(last.localDate, plan.everyDays);
  const daysLeft = daysBetween(today, dueDate);
  const status: CoverageStatus = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays(plan.everyDays) ? 'due-soon' : 'ok';
  return { planId: plan.planId, lastDrill: last, dueDate, daysLeft, status, failed };
}

/** Per branch, the records whose latest check failed: how many, and of those the drill runs per plan. */
async function failedRecords(
  client: pg.ClientBase,
): Promise<Map<string, { total: number; drills: Map<string, number> }>> {
  // From the (few) failed checks, through the partial index record_checks_failed: those no later check replaced.
  const { rows } = await client.query<{ code: string; plan_id: string | null; drill: boolean; n: number }>(
    `SELECT r.branch_code AS code, r.plan_id, (r.kind = 'run' AND coalesce(r.is_drill, false)) AS drill,
            count(*)::int AS n
       FROM (SELECT DISTINCT branch_code, kind, record_id FROM guardbook.record_checks WHERE status = 'failed') f
       JOIN guardbook.received_records r USING (branch_code, kind, record_id)
       CROSS JOIN LATERAL (${LATEST_CHECK}) latest
      WHERE latest.status = 'failed'
      GROUP BY 1, 2, 3`,
  );
  const byBranch = new Map<string, { total: number; drills: Map<string, number> }>();
  for (const row of rows) {
    const entry = byBranch.get(row.code) ?? { total: 0, drills: new Map<string, number>() };
    entry.total += row.n;
    if (row.drill && row.plan_id) entry.drills.set(row.plan_id, (entry.drills.get(row.plan_id) ?? 0) + row.n);
    byBranch.set(row.code, entry);
  }
  return byBranch;
}

function titleOf(title: { 'zh-CN'?: string; en?: string } | null | undefined, fallback: string): Text {
  const zh = title?.['zh-CN'] || title?.en || fallback;
  return text(zh, title?.en || zh);
}

// ——— Incidents, inspections, unsynced branches ———

export interface DateRange {
  /** YYYY-MM-DD in `zone`, inclusive. */
  from: string;
  to: string;
  zone?: string;
}

/** The instants [start, end) of a range of local days. */
function instantsOf(range: DateRange): { start: Date; end: Date; zone: string } {
  const zone = range.zone ?? HQ_ZONE;
  const from = localDayRange(range.from, zone);
  const to = localDayRange(range.to, zone);
  if (!from || !to) throw new RangeError(`not a YYYY-MM-DD range: ${range.from} – ${range.to}`);
  return { start: new Date(from.start), end: new Date(to.end), zone };
}

export interface IncidentCount {
  /** YYYY-MM of the run's start, in the zone. */
  month: string;
  region: string;
  category: string;
  /** Every incident run received… */
  runs: number;
  /** …of which verified; failed: flagged. The rest are not checked yet. */
  verified: number;
  failed: number;
}

/** Non-drill runs started in the range, by month, region and category. */
export async function incidentsByMonth(client: pg.ClientBase, range: DateRange): Promise<IncidentCount[]> {
  const { start, end, zone } = instantsOf(range);
  const { rows } = await client.query<IncidentCount>(
    `SELECT to_char(r.started_at AT TIME ZONE $3, 'YYYY-MM') AS month, b.region,
            coalesce(r.category, '') AS category, count(*)::int AS runs,
            count(*) FILTER (WHERE latest.status = 'verified')::int AS verified,
            count(*) FILTER (WHERE latest.status = 'failed')::int AS failed
       FROM guardbook.received_records r
       JOIN guardbook.branches b USING (branch_code)
       LEFT JOIN LATERAL (${LATEST_CHECK}) latest ON true
      WHERE r.kind = 'run' AND r.is_drill = false AND r.started_at >= $1 AND r.started_at < $2
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
    [start, end, zone],
  );
  return rows;
}

export interface InspectionSummaryRow {
  code: string;
  name: string;
  region: string;
  /** Verified inspections in the range; the average and the failures are of these. */
  inspections: number;
  averageScore: number | null;
  /** Verified inspections that did not pass. */
  failed: number;
  /** Inspections whose latest check failed (not counted above), and those not checked yet. */
  flagged: number;
  unchecked: number;
  /** Rectifications its branch reports not yet done (latest status), and of those the ones past their due day. */
  openRectifications: number;
  overdueRectifications: number;
}

/**
 * Per enabled branch, its inspections started in the range, and its rectifications still open (and overdue) as the
 * branch last reported them.
 */
export async function inspectionSummary(client: pg.ClientBase, range: DateRange): Promise<InspectionSummaryRow[]> {
  const { start, end } = instantsOf(range);
  const { rows } = await client.query<InspectionSummaryRow & { average: string | null }>(
    `SELECT b.branch_code AS code, b.name, b.region,
            count(*) FILTER (WHERE latest.status = 'verified')::int AS inspections,
            avg(r.score) FILTER (WHERE latest.status = 'verified')::text AS average,
            count(*) FILTER (WHERE latest.status = 'verified' AND r.passed = false)::int AS failed,
            count(*) FILTER (WHERE latest.status = 'failed')::int AS flagged,
            count(*) FILTER (WHERE latest.status IS NULL)::int AS unchecked,
            rect.open AS "openRectifications", rect.overdue AS "overdueRectifications"
       FROM guardbook.received_records r
       JOIN guardbook.branches b USING (branch_code)
       LEFT JOIN LATERAL (${LATEST_CHECK}) latest ON true
       -- Each rectification's latest reported status (008): open until done or dropped; overdue by the local day.
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE s.status NOT IN ('done', 'dropped'))::int AS open,
                count(*) FILTER (WHERE s.status NOT IN ('done', 'dropped')
                                   AND s.due < (now() AT TIME ZONE $3)::date)::int AS overdue
           FROM (SELECT DISTINCT ON (x.action_id) x.status, x.due FROM guardbook.rectification_states x
                  WHERE x.branch_code = b.branch_code ORDER BY x.action_id, x.changed_at DESC) s) rect
      WHERE r.kind = 'inspection' AND r.started_at >= $1 AND r.started_at < $2 AND b.disabled_at IS NULL
      GROUP BY b.branch_code, b.name, b.region, rect.open, rect.overdue
      ORDER BY b.branch_code`,
    [start, end, HQ_ZONE],
  );
  return rows.map(({ average, ...row }) => ({
    ...row,
    averageScore: average === null ? null : Math.round(Number(average) * 10) / 10,
  }));
}

export interface UnsyncedBranch {
  code: string;
  name: string;
  region: string;
  /** Null: it has never sent a record. */
  lastReceiptAt: string | null;
}

/** Enabled branches with no receipt in `staleDays` days (head office's clock), those that never sent first. */
export async function unsyncedBranches(
  client: pg.ClientBase,
  options: { staleDays: number },
): Promise<UnsyncedBranch[]> {
  const { rows } = await client.query<{ code: string; name: string; region: string; last: Date | null }>(
    `SELECT b.branch_code AS code, b.name, b.region, latest.received_at AS last
       FROM guardbook.branches b
       LEFT JOIN LATERAL (SELECT r.received_at FROM guardbook.receipts r WHERE r.branch_code = b.branch_code
                           ORDER BY r.received_at DESC LIMIT 1) latest ON true
      WHERE b.disabled_at IS NULL AND ${STALE('latest.received_at', '$1')}
      ORDER BY latest.received_at NULLS FIRST, b.branch_code`,
    [options.staleDays],
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    region: r.region,
    lastReceiptAt: r.last?.toISOString() ?? null,
  }));
}

// ——— One branch, one record ———

/** The kinds received_records holds (its CHECK constraint). */
export type StoredKind = 'run' | 'exercise' | 'evaluation' | 'inspection';

/** Where a page of history ends: the next page starts after it. */
export interface HistoryCursor {
  /** started_at to the microsecond, UTC (null: a record that states no start). */
  startedAt: string | null;
  kind: StoredKind;
  recordId: string;
}

export interface HistoryRecord {
  kind: string;
  recordId: string;
  planId: string | null;
  planVersion: number | null;
  /** The plan's title where head office publishes it. */
  planTitle: Text | null;
  category: string | null;
  isDrill: boolean | null;
  startedAt: string | null;
  endedAt: string | null;
  score: number | null;
  passed: boolean | null;
  receivedAt: string;
  check: CheckState;
}

export interface BranchInfo {
  code: string;
  name: string;
  region: string;
  keyId: string;
  enrolledAt: string;
  disabledAt: string | null;
}

export interface BranchHistory {
  branch: BranchInfo;
  records: HistoryRecord[];
  /** Present when there may be more: pass it as `before`. */
  next?: HistoryCursor;
}

/** A time to the microsecond, UTC: as ingest reads it for its check (and a history cursor keeps it exact). */
const MICROS_UTC = isoOf;

async function branchInfo(client: pg.ClientBase, code: string): Promise<BranchInfo | undefined> {
  const { rows } = await client.query<{
    code: string;
    name: string;
    region: string;
    key_id: string;
    enrolled_at: Date;
    disabled_at: Date | null;
  }>(
    `SELECT branch_code AS code, name, region, key_id, enrolled_at, disabled_at
       FROM guardbook.branches WHERE branch_code = $1`,
    [code],
  );
  const row = rows[0];
  return (
    row && {
      code: row.code,
      name: row.name,
      region: row.region,
      keyId: row.key_id,
      enrolledAt: row.enrolled_at.toISOString(),
      disabledAt: row.disabled_at?.toISOString() ?? null,
    }
  );
}

/** A branch's records, newest first (by when each started), a page at a time; undefined for an unknown branch. */
export async function branchHistory(
  client: pg.ClientBase,
  code: string,
  options: { limit: number; before?: HistoryCursor },
): Promise<BranchHistory | undefined> {
  const branch = await branchInfo(client, code);
  if (!branch) return undefined;
  const limit = Math.max(1, Math.min(500, Math.floor(options.limit)));
  const before = options.before;
  // Keyset paging along received_records_branch_history (branch, started_at DESC, kind DESC, record_id DESC). In
  // that order records with no start time come first (NULLs sort first in DESC).
  const after =
    before === undefined
      ? ''
      : before.startedAt === null
        ? 'AND (r.started_at IS NOT NULL OR (r.kind, r.record_id) < ($3, $4))'
        : 'AND r.started_at IS NOT NULL AND (r.started_at, r.kind, r.record_id) < ($5::timestamptz, $3, $4)';
  const params: unknown[] = [code, limit + 1];
  if (before) params.push(before.kind, before.recordId);
  if (before?.startedAt) params.push(before.startedAt);
  const { rows } = await client.query<{
    kind: StoredKind;
    record_id: string;
    plan_id: string | null;
    plan_version: number | null;
    title: { 'zh-CN'?: string; en?: string } | null;
    category: string | null;
    is_drill: boolean | null;
    started_at: Date | null;
    started_micros: string | null;
    ended_at: Date | null;
    score: string | null;
    passed: boolean | null;
    received_at: Date;
    status: 'verified' | 'failed' | null;
    reason: string | null;
  }>(
    `SELECT r.kind, r.record_id, r.plan_id, r.plan_version, r.category, r.is_drill, r.started_at,
            ${MICROS_UTC('r.started_at')} AS started_micros, r.ended_at, r.score::text AS score, r.passed,
            r.received_at, latest.status, latest.reason,
            CASE WHEN r.kind <> 'inspection' THEN
              (SELECT pv.content -> 'title' FROM guardbook.plan_versions pv WHERE pv.plan_id = r.plan_id
                ORDER BY pv.version DESC LIMIT 1) END AS title
       FROM guardbook.received_records r
       LEFT JOIN LATERAL (${LATEST_CHECK}) latest ON true
      WHERE r.branch_code = $1 ${after}
      ORDER BY r.started_at DESC, r.kind DESC, r.record_id DESC
      LIMIT $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    branch,
    records: page.map((r) => ({
      kind: r.kind,
      recordId: r.record_id,
      planId: r.plan_id,
      planVersion: r.plan_version,
      planTitle: r.title && r.plan_id ? titleOf(r.title, r.plan_id) : null,
      category: r.category,
      isDrill: r.is_drill,
      startedAt: r.started_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      score: r.score === null ? null : Number(r.score),
      passed: r.passed,
      receivedAt: r.received_at.toISOString(),
      check: checkStateOf(r.status, r.reason),
    })),
    ...(rows.length > limit && last
      ? { next: { startedAt: last.started_micros, kind: last.kind, recordId: last.record_id } }
      : {}),
  };
}

function checkStateOf(status: string | null, reason: string | null): CheckState {
  if (status === 'verified') return { status: 'verified' };
  if (status === 'failed') return { status: 'failed', reason: reason ?? '' };
  return { status: 'unchecked' };
}

export interface RecordEvent {
  seq: number | null;
  at: string | null;
  type: string;
  by: string | null;
  /** The event in words (a run's, as the records screen says it); the type where there are no words for it. */
  description: Text;
}

export interface RecordDetail {
  branch: BranchInfo;
  summary: HistoryRecord;
  headHash: string;
  keyId: string;
  /** Every check ingest made, oldest first (the latest counts). */
  checks: { status: 'verified' | 'failed'; reason: string | null; checkedAt: string; checkedBy: string }[];
  /** Checked again now, against the branch's enrolled key: the screen says "verified" only if this does too. */
  recheck: { status: 'verified' } | { status: 'failed'; reason: string };
  /** The journal's lines, in order; lines that are not JSON are listed as `unreadable`. */
  events: RecordEvent[];
}

/** One received record in full; undefined when the branch or record is unknown. */
export async function recordDetail(
  client: pg.ClientBase,
  code: string,
  kind: string,
  recordId: string,
): Promise<RecordDetail | undefined> {
  const branch = await branchInfo(client, code);
  if (!branch) return undefined;
  const { rows } = await client.query<RecordRow>(
    `SELECT r.kind, r.record_id, r.head_hash, r.seal, r.journal, b.public_key, b.key_id,
            r.plan_id, r.plan_version, r.plan_hash, r.category, r.is_drill, r.started_at, r.ended_at,
            ${MICROS_UTC('r.started_at')} AS started_micros, ${MICROS_UTC('r.ended_at')} AS ended_micros,
            r.score::text AS score, r.passed, r.received_at,
            CASE WHEN r.kind <> 'inspection' THEN
              (SELECT pv.content -> 'title' FROM guardbook.plan_versions pv WHERE pv.plan_id = r.plan_id
                ORDER BY pv.version DESC LIMIT 1) END AS title
       FROM guardbook.received_records r JOIN guardbook.branches b USING (branch_code)
      WHERE r.branch_code = $1 AND r.kind = $2 AND r.record_id = $3`,
    [code, kind, recordId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const checks = await client.query<{
    status: 'verified' | 'failed';
    reason: string | null;
    checked_at: Date;
    checked_by: string;
  }>(
    `SELECT status, reason, checked_at, checked_by FROM guardbook.record_checks
      WHERE branch_code = $1 AND kind = $2 AND record_id = $3 ORDER BY checked_at, check_id`,
    [code, kind, recordId],
  );
  const latest = checks.rows.at(-1);
  const journal = decodeJournal(row.journal);
  return {
    branch,
    summary: {
      kind: row.kind,
      recordId: row.record_id,
      planId: row.plan_id,
      planVersion: row.plan_version,
      planTitle: row.title && row.plan_id ? titleOf(row.title, row.plan_id) : null,
      category: row.category,
      isDrill: row.is_drill,
      startedAt: row.started_at?.toISOString() ?? null,
      endedAt: row.ended_at?.toISOString() ?? null,
      score: row.score === null ? null : Number(row.score),
      passed: row.passed,
      receivedAt: row.received_at.toISOString(),
      check: checkStateOf(latest?.status ?? null, latest?.reason ?? null),
    },
    headHash: row.head_hash,
    keyId: row.key_id,
    checks: checks.rows.map((c) => ({
      status: c.status,
      reason: c.reason,
      checkedAt: c.checked_at.toISOString(),
      checkedBy: c.checked_by,
    })),
    recheck: recheckOf(row),
    events: journal === undefined ? [] : eventsOf(row.kind, journal),
  };
}

interface RecordRow {
  kind: string;
  record_id: string;
  head_hash: string;
  seal: unknown;
  journal: Buffer;
  public_key: string;
  key_id: string;
  plan_id: string | null;
  plan_version: number | null;
  plan_hash: string | null;
  category: string | null;
  is_drill: boolean | null;
  started_at: Date | null;
  ended_at: Date | null;
  started_micros: string | null;
  ended_micros: string | null;
  score: string | null;
  passed: boolean | null;
  received_at: Date;
  title: { 'zh-CN'?: string; en?: string } | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeJournal(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The same check as ingest, made again now on the row as stored. */
function recheckOf(row: RecordRow): RecordDetail['recheck'] {
  try {
    return checkStoredRecord({ ...row, started: row.started_micros, ended: row.ended_micros });
  } catch (error) {
    const reason = HQ_MESSAGES.recordCheckBroke(error instanceof Error ? error.message : String(error));
    return { status: 'failed', reason: inBothLanguages(reason) };
  }
}

/** The journal's lines as events, described in words where the kind has them (a run, by its own plan). */
function eventsOf(kind: string, journal: string): RecordEvent[] {
  const lines = journal.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as { seq?: unknown; at?: unknown; type?: unknown; by?: unknown; data?: unknown };
    } catch {
      return undefined;
    }
  });
  const started = parsed[0]?.type === 'run.started' ? (parsed[0].data as { plan?: { body?: Plan } }) : undefined;
  let describe: ((type: string, data: unknown) => Text) | undefined;
  try {
    describe = kind === 'run' && started?.plan?.body ? eventDescriber(started.plan.body) : undefined;
  } catch {
    describe = undefined; // a plan body the describer cannot read: the types alone
  }
  return parsed.map((event) => {
    if (!event || typeof event.type !== 'string') {
      return { seq: null, at: null, type: 'unreadable', by: null, description: HQ_MESSAGES.unreadableLine() };
    }
    const type = event.type;
    let description = text(type, type);
    try {
      if (describe) description = describe(type, event.data);
    } catch {
      // the type alone
    }
    return {
      seq: typeof event.seq === 'number' ? event.seq : null,
      at: typeof event.at === 'string' ? event.at : null,
      type,
      by: typeof event.by === 'string' ? event.by : null,
      description,
    };
  });
}
