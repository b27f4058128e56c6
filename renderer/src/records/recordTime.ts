// Times in records: full local date and time (a record is read months later), and local dates as ISO instants,
// in the branch's zone (displayTimeZone) through the one shared module.
import type { Language } from '../../../shared/plan/schema';
import {
  formatLocalClock,
  formatLocalDate,
  formatLocalDateTime,
  formatLongDate as formatLongLocalDate,
  localDayRange,
} from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';

/** 2026-03-12 09:30:05 in local time: the same unambiguous form in both languages, sortable by eye. */
export function formatDateTime(iso: string, withSeconds = true): string {
  return formatLocalDateTime(iso, displayTimeZone(), withSeconds);
}

/** A long local date for the printed record: 2026年3月12日 / 12 March 2026. */
export function formatLongDate(iso: string, lang: Language): string {
  return formatLongLocalDate(iso, displayTimeZone(), lang);
}

/** Local time of day with seconds. */
export function formatTimeOfDay(iso: string): string {
  return formatLocalClock(iso, displayTimeZone());
}

/** A duration in words for the printed record: 22 分 05 秒 / 22 min 05 s (1 小时 02 分 … from an hour on). */
export function formatDurationWords(seconds: number, lang: Language): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (lang === 'en') return `${h > 0 ? `${h} h ` : ''}${h > 0 || m > 0 ? `${m} min ` : ''}${s} s`;
  return `${h > 0 ? `${h} 小时 ` : ''}${h > 0 || m > 0 ? `${m} 分 ` : ''}${s} 秒`;
}

/**
 * The first instant of a local calendar day of the branch (from an <input type="date"> value), as ISO UTC: the
 * renderer sends instants, so the query means the day the person at the screen meant.
 */
export function localDayStart(date: string): string | undefined {
  const day = localDayRange(date, displayTimeZone());
  return day ? new Date(day.start).toISOString() : undefined;
}

/** The last millisecond of a local calendar day of the branch, as ISO UTC. */
export function localDayEnd(date: string): string | undefined {
  const day = localDayRange(date, displayTimeZone());
  return day ? new Date(day.end - 1).toISOString() : undefined;
}

/** Whether two instants fall on the same local day of the branch. */
export function isSameLocalDay(a: string, b: string): boolean {
  const zone = displayTimeZone();
  return formatLocalDate(a, zone) === formatLocalDate(b, zone);
}
