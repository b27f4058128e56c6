// Times in records: full local date and time (a record is read months later), and local dates as ISO instants.
import type { Language } from '../../../shared/plan/schema';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-03-12 09:30:05 in local time: the same unambiguous form in both languages, sortable by eye. */
export function formatDateTime(iso: string, withSeconds = true): string {
  const d = new Date(iso);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time}`;
}

/** A long local date for the printed record: 2026年3月12日 / 12 March 2026. */
export function formatLongDate(iso: string, lang: Language): string {
  return new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long' });
}

/** Local time of day with seconds. */
export function formatTimeOfDay(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
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
 * The first instant of a local calendar day (from an <input type="date"> value), as ISO UTC. The backend
 * compares ISO strings and reads a bare date as a UTC day, so a branch in UTC+8 must send instants.
 */
export function localDayStart(date: string): string | undefined {
  const d = parseLocalDate(date);
  return d ? d.toISOString() : undefined;
}

/** The last millisecond of a local calendar day, as ISO UTC. */
export function localDayEnd(date: string): string | undefined {
  const d = parseLocalDate(date);
  if (!d) return undefined;
  d.setDate(d.getDate() + 1);
  return new Date(d.getTime() - 1).toISOString();
}

function parseLocalDate(date: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}
