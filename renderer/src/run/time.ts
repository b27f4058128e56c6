// How the runner writes durations (m:ss, h:mm:ss) and journal times (local wall-clock time).
import type { Language } from '../../../shared/plan/schema';

/** A duration in whole seconds as m:ss, or h:mm:ss from an hour on. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Local time of day (14:02:11); the date too when it is not today, so an old run is not mistaken for a new one. */
export function formatClock(iso: string, lang: Language, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(lang, { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(lang, { year: 'numeric', month: '2-digit', day: '2-digit' })} ${time}`;
}

/** Seconds from one ISO time to another (or to now). */
export function secondsBetween(from: string, to: string | number = Date.now()): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return (end - Date.parse(from)) / 1000;
}
