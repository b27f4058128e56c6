// Drill coverage: per plan, its last drill, the local date the next one is due, and whether that is near or past,
// for the drills dashboard and the drill report. Pure: records in, dates out.
//
// Rules
// - Days are local calendar days in the branch's zone (an IANA name). A drill that ended at 23:30 in Shanghai on
//   2026-03-01 (15:30Z) was done on 2026-03-01; one at 00:30 on 03-02 (16:30Z on 03-01) on 03-02. Date arithmetic
//   counts calendar days through proleptic Gregorian day numbers (Howard Hinnant's days_from_civil), never 86,400,000
//   ms steps, so a 23- or 25-hour day where the clocks change is still one day.
// - A drill's date is the local date of `at` (when it ended, or started if it never ended). Of several drills of a
//   plan the latest instant counts (ties: the greater runId, so input order never matters). Declared drills (an
//   unannounced drill declared on a live run) count like any other. (Were a clock ever set back from after midnight to
//   before it, a later instant could fall on an earlier date; the latest instant would still win.)
// - dueDate = last drill's date + everyDays (2028-02-29 + 365 = 2029-02-28). daysLeft = calendar days from today to
//   dueDate. Status: `overdue` when today is past dueDate (daysLeft < 0); `due-soon` when 0 ≤ daysLeft ≤
//   dueSoonDays(everyDays), so a plan due today is due soon, not yet overdue; `ok` otherwise; `never` when the plan
//   has no drill at all (no dueDate: the interval has no start, which the dashboard should treat as urgent).
// - A drill recorded after `now` (a skewed clock, here or where it was recorded) still counts as the last drill with
//   the date it carries, and is flagged `afterNow`. Nothing else is adjusted: dueDate is still its date + everyDays
//   and the status follows those dates, so daysLeft can exceed everyDays — the dashboard shows the flag, not a guess.
// - The next planned exercise is the earliest one on or after today's local date (one earlier today still shows).
// - Records of plans not in `plans` are ignored. Instants must be ISO 8601 with a time and a Z or ±hh:mm offset, on a
//   real calendar date; others are skipped, counted in `skipped` (records of known plans only), never thrown.
// - Programming errors throw RangeError: an unreadable `now`, an unknown zone, everyDays not a positive integer.
import { type Instant, localDayRange, localParts } from '../time/localTime';

/** A drill that happened: a run of the plan in drill mode, or a live run declared an unannounced drill. */
export interface DrillDone {
  planId: string;
  /** ISO instant the drill ended (or started, if it never ended). */
  at: string;
  runId: string;
  /** An unannounced drill declared on a live run. */
  declared?: boolean;
}

/** A drill on the calendar. */
export interface PlannedExercise {
  id: string;
  planId: string;
  /** ISO instant. */
  scheduledAt: string;
}

/** How often a plan must be drilled: the plan's `drill.everyDays`. */
export interface PlanPolicy {
  planId: string;
  everyDays: number;
}

export type CoverageStatus = 'never' | 'ok' | 'due-soon' | 'overdue';

export interface LastDrill {
  runId: string;
  at: string;
  /** YYYY-MM-DD in the branch's zone. */
  localDate: string;
  declared: boolean;
  /** Recorded after `now`: a clock was wrong somewhere. */
  afterNow: boolean;
}

export interface NextExercise {
  id: string;
  scheduledAt: string;
  localDate: string;
}

export interface PlanCoverage {
  planId: string;
  everyDays: number;
  lastDrill?: LastDrill;
  /** Undefined when the plan was never drilled. */
  dueDate?: string;
  status: CoverageStatus;
  /** Calendar days from today to dueDate; negative when overdue. */
  daysLeft?: number;
  nextPlanned?: NextExercise;
}

export interface DrillCoverage {
  /** Today in the branch's zone. */
  today: string;
  /** One per plan, in the order of `plans`. */
  plans: PlanCoverage[];
  /** Drills and planned exercises of known plans whose instant could not be read. */
  skipped: number;
}

// ——— Calendar day numbers ———

/** Days from 1970-01-01 to the proleptic Gregorian date (Hinnant's days_from_civil); month 1–12. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year; // years start in March, so a leap day ends its year
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The proleptic Gregorian [year, month, day] of a day number (Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const isCalendarDate = (y: number, m: number, d: number) => {
  const [y2, m2, d2] = civilFromDays(daysFromCivil(y, m, d));
  return y2 === y && m2 === m && d2 === d;
};

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Not localTime's parseBareDate: that goes through Date.UTC, which reads years 0–99 as 1900–1999, and day numbers
// must round-trip for every four-digit year.
function dayNumberOf(date: string): number {
  const m = BARE_DATE.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || !isCalendarDate(y, mo, d)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${date}`);
  return daysFromCivil(y, mo, d);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dateOfDayNumber(days: number): string {
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999) throw new RangeError(`year ${y} has no YYYY-MM-DD form`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The date n calendar days after (n < 0: before) a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

// ——— Instants ———

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Epoch ms of an ISO 8601 instant with a time and an offset (what the journal writes); undefined for anything else.
 * Stricter than Date.parse, which rolls 2026-02-30 into March, reads 24:00, and reads a bare time in the zone of
 * whichever process parses it.
 */
export function parseInstant(at: string): number | undefined {
  const m = ISO_INSTANT.exec(at);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : undefined;
}

function instantMs(at: Instant): number {
  const ms = typeof at === 'string' ? parseInstant(at) : typeof at === 'number' ? at : at.getTime();
  if (ms === undefined || !Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. Throws RangeError for an unreadable instant. */
export function localDateOf(at: Instant, zone: string): string {
  const p = localParts(instantMs(at), zone);
  return dateOfDayNumber(daysFromCivil(p.year, p.month, p.day));
}

// ——— Coverage ———

/**
 * How many days ahead a due date turns a plan `due-soon`: a month for half-yearly and yearly plans (time to schedule
 * an exercise), a sixth of the interval for shorter ones so a weekly drill is not always "due soon". 0 for intervals
 * under 6 days: such a plan is due soon only on its due date.
 */
export function dueSoonDays(everyDays: number): number {
  return Math.min(30, Math.floor(everyDays / 6));
}

interface Timed<T> {
  item: T;
  ms: number;
}

// Total orders, so the pick never depends on input order.
const laterDrill = (a: Timed<DrillDone>, b: Timed<DrillDone>) =>
  a.ms !== b.ms ? a.ms > b.ms : a.item.runId !== b.item.runId ? a.item.runId > b.item.runId : laterTie(a.item, b.item);
const laterTie = (a: DrillDone, b: DrillDone) => (a.at !== b.at ? a.at > b.at : !!a.declared && !b.declared);
const earlierExercise = (a: Timed<PlannedExercise>, b: Timed<PlannedExercise>) =>
  a.ms !== b.ms
    ? a.ms < b.ms
    : a.item.id !== b.item.id
      ? a.item.id < b.item.id
      : a.item.scheduledAt < b.item.scheduledAt;

/**
 * Drill coverage of each plan at `now` in `zone`. Linear in the records: drills and exercises are reduced to one per
 * plan before any zone arithmetic (Intl costs microseconds a call), so the zone is consulted about twice per plan.
 */
export function coverageOf(
  plans: readonly PlanPolicy[],
  drills: readonly DrillDone[],
  planned: readonly PlannedExercise[],
  now: Instant,
  zone: string,
): DrillCoverage {
  for (const { planId, everyDays } of plans)
    if (!Number.isInteger(everyDays) || everyDays < 1)
      throw new RangeError(`plan ${planId}: everyDays must be a positive integer, not ${everyDays}`);
  const nowMs = instantMs(now);
  const today = localDateOf(nowMs, zone);
  const todayStart = localDayRange(today, zone)!.start;
  const known = new Set(plans.map((p) => p.planId));
  let skipped = 0;

  const lastDrills = new Map<string, Timed<DrillDone>>();
  for (const item of drills) {
    if (!known.has(item.planId)) continue;
    const ms = parseInstant(item.at);
    if (ms === undefined) {
      skipped++;
      continue;
    }
    const held = lastDrills.get(item.planId);
    if (!held || laterDrill({ item, ms }, held)) lastDrills.set(item.planId, { item, ms });
  }

  const nextExercises = new Map<string, Timed<PlannedExercise>>();
  for (const item of planned) {
    if (!known.has(item.planId)) continue;
    const ms = parseInstant(item.scheduledAt);
    if (ms === undefined) {
      skipped++;
      continue;
    }
    if (ms < todayStart) continue;
    const held = nextExercises.get(item.planId);
    if (!held || earlierExercise({ item, ms }, held)) nextExercises.set(item.planId, { item, ms });
  }

  const coverage = plans.map(({ planId, everyDays }): PlanCoverage => {
    const next = nextExercises.get(planId);
    const nextPlanned = next && {
      id: next.item.id,
      scheduledAt: next.item.scheduledAt,
      localDate: localDateOf(next.ms, zone),
    };
    const last = lastDrills.get(planId);
    if (!last) return { planId, everyDays, status: 'never', ...(nextPlanned && { nextPlanned }) };
    const localDate = localDateOf(last.ms, zone);
    const dueDate = addDays(localDate, everyDays);
    const daysLeft = daysBetween(today, dueDate);
    const status: CoverageStatus = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays(everyDays) ? 'due-soon' : 'ok';
    const { runId, at, declared } = last.item;
    return {
      planId,
      everyDays,
      lastDrill: { runId, at, localDate, declared: declared === true, afterNow: last.ms > nowMs },
      dueDate,
      status,
      daysLeft,
      ...(nextPlanned && { nextPlanned }),
    };
  });
  return { today, plans: coverage, skipped };
}
