// How the runner writes durations (m:ss, h:mm:ss) and journal times (local wall-clock time of the branch).
import type { Language } from '../../../shared/plan/schema';
import { formatLocalClock, formatLocalDate } from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';

/** A duration in whole seconds as m:ss, or h:mm:ss from an hour on. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Local time of day in the branch's zone (14:02:11); the date too (2026-12-05 14:02:11, in both languages) when it
 * is not the same local day as `now`, so an old run is not mistaken for a new one.
 */
export function formatClock(iso: string, _lang: Language, now: Date = new Date()): string {
  const zone = displayTimeZone();
  const time = formatLocalClock(iso, zone);
  if (formatLocalDate(iso, zone) === formatLocalDate(now, zone)) return time;
  return `${formatLocalDate(iso, zone)} ${time}`;
}

/** Seconds from one ISO time to another (or to now). */
export function secondsBetween(from: string, to: string | number = Date.now()): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return (end - Date.parse(from)) / 1000;
}
