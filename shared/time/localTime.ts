// Local dates and times in a branch's time zone: the one place that turns instants into what a person reads
// (2026-12-05 14:03, 2026年12月5日) and bare dates (2026-12-05) into the instants of that local day.
// Intl does the zone arithmetic (DST included); nothing here assumes a fixed offset.
import type { Language } from '../plan/schema';

/** Any instant a caller holds: an ISO string, epoch milliseconds or a Date. */
export type Instant = string | number | Date;

/** The wall clock of an instant in a zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

let systemZone: string | undefined;

/**
 * The zone this process runs in (the system's), as an IANA name. Asked once: building a DateTimeFormat costs far
 * more than the lists, queries and exports that call this per request.
 */
export function systemTimeZone(): string {
  return (systemZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** Whether Intl knows the zone by this name (Asia/Shanghai, UTC); offsets such as +08:00 are not zone names. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone a setting means: the setting when it names a zone, else the system's (an empty setting). */
export function effectiveTimeZone(setting: string | undefined): string {
  const name = setting?.trim();
  return name && isTimeZone(name) ? name : systemTimeZone();
}

// Building a DateTimeFormat costs far more than using one: one per zone (and language) for the process.
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

const toMs = (at: Instant): number => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : +at);

/** The wall clock of an instant in a zone. */
export function localParts(at: Instant, zone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormat(zone).formatToParts(toMs(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24, // some engines say 24 for midnight even with h23
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far the zone's clock is ahead of UTC at this instant, in minutes (480 in Shanghai, 60 or 120 in Berlin). */
export function offsetMinutes(at: Instant, zone: string): number {
  const ms = toMs(at);
  const p = localParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/** `+08:00`, `-05:00`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant: 2026-12-05. */
export function formatLocalDate(at: Instant, zone: string): string {
  return dateOf(localParts(at, zone));
}

/** The local time of day: 14:03:07, or 14:03 without seconds. */
export function formatLocalClock(at: Instant, zone: string, withSeconds = true): string {
  return clockOf(localParts(at, zone), withSeconds);
}

/** 2026-12-05 14:03:07 (or 14:03): one unambiguous form for both languages, sortable by eye. */
export function formatLocalDateTime(at: Instant, zone: string, withSeconds = true): string {
  const p = localParts(at, zone);
  return `${dateOf(p)} ${clockOf(p, withSeconds)}`;
}

const dateOf = (p: LocalParts) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;
const clockOf = (p: LocalParts, withSeconds: boolean) =>
  `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(p.second)}` : ''}`;

/** The local time with its offset, as ISO 8601: 2026-12-05T14:03:07+08:00 (for files read by programs too). */
export function formatLocalIso(at: Instant, zone: string): string {
  const p = localParts(at, zone);
  return `${dateOf(p)}T${clockOf(p, true)}${formatOffset(offsetMinutes(at, zone))}`;
}

/** A long date as each language writes it: 2026年12月5日 / 5 December 2026 (never 12/05/2026). */
export function formatLongDate(at: Instant, zone: string, lang: Language): string {
  const key = `${lang}\0${zone}`;
  let format = longDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    longDateFormats.set(key, format);
  }
  return format.format(toMs(at));
}

/** A long date and the time: 2026年12月5日 14:03 / 5 December 2026 14:03. */
export function formatLongDateTime(at: Instant, zone: string, lang: Language, withSeconds = false): string {
  return `${formatLongDate(at, zone, lang)} ${formatLocalClock(at, zone, withSeconds)}`;
}

/** A bare date (YYYY-MM-DD) that names a real calendar day, as [year, month, day]; undefined otherwise. */
export function parseBareDate(date: string): [number, number, number] | undefined {
  const m = BARE_DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls 2026-02-30 over into March: a real calendar date reads back unchanged.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

/**
 * The instants of a local day in a zone, as [start, end) in ms: end is the next day's start, so a day is 23 or
 * 25 hours long where the clocks change. Undefined for anything but a real YYYY-MM-DD date.
 */
export function localDayRange(date: string, zone: string): { start: number; end: number } | undefined {
  const ymd = parseBareDate(date);
  if (!ymd) return undefined;
  const [y, m, d] = ymd;
  // Date.UTC normalises d + 1 past a month's end.
  return { start: wallClockInstant(y, m, d, 0, 0, 0, zone), end: wallClockInstant(y, m, d + 1, 0, 0, 0, zone) };
}

/**
 * The instant a wall-clock time on a local day names in a zone (a time a guard reads off a phone log, typed as
 * 14:05 on the day of the run): `time` is HH:mm or HH:mm:ss. Undefined for a date or time that is not one.
 */
export function localTimeOnDay(date: string, time: string, zone: string): number | undefined {
  const ymd = parseBareDate(date);
  const hms = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time);
  if (!ymd || !hms) return undefined;
  return wallClockInstant(ymd[0], ymd[1], ymd[2], Number(hms[1]), Number(hms[2]), Number(hms[3] ?? 0), zone);
}

/**
 * The instant whose wall clock in the zone reads y-m-d h:mi:s. A time the clocks repeat (autumn) is its first
 * occurrence; a time they skip (spring, or a skipped midnight) is moved on by the gap, as Temporal's "compatible"
 * does: 02:30 on the day Berlin goes to summer time is 03:30 CEST, and a day whose midnight is skipped begins
 * at the change.
 */
function wallClockInstant(y: number, m: number, d: number, h: number, mi: number, s: number, zone: string): number {
  const wall = Date.UTC(y, m - 1, d, h, mi, s);
  // The offsets a day either side: any change near this time lies between them.
  const before = wall - offsetMinutes(wall - 86_400_000, zone) * 60_000;
  const after = wall - offsetMinutes(wall + 86_400_000, zone) * 60_000;
  const reads = (t: number) => {
    const p = localParts(t, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall;
  };
  const exact = [before, after].filter(reads);
  if (exact.length > 0) return Math.min(...exact);
  return before; // in a gap: the old offset puts it as far past the change as it was meant to be into it
}
