// A run's journal as CSV for Excel: UTF-8 with a BOM (so Chinese shows correctly), one row per event,
// local and ISO times, and cells that Excel could read as formulas defused.
import type { JournalEvent } from '../journal/format';
import type { Plan } from '../plan/schema';
import { formatLocalDateTime, systemTimeZone } from '../time/localTime';
import { eventDescriber } from './describeEvent';

export const CSV_BOM = '\uFEFF';

/** The `by` of an event written with nobody identified at the PC. */
export const NOT_RECORDED = '未登记 not recorded';

const HEADER = [
  '序号 seq',
  '本地时间 local time',
  'ISO 时间 (UTC)',
  '用时(秒) elapsed s',
  '类型 type',
  '说明',
  'description',
  '操作人 by',
  '步骤 step',
  '数据 data (JSON)',
  '哈希 hash',
];

export function journalToCsv(events: readonly JournalEvent[], plan: Plan, timeZone?: string): string {
  const describe = eventDescriber(plan);
  const zone = timeZone ?? systemTimeZone();
  const start = events[0] ? Date.parse(events[0].at) : 0;
  const rows = events.map((e) => {
    const text = describe(e.type, e.data);
    const data = e.type === 'run.started' ? { ...(e.data as object), plan: '(full plan in the JSON export)' } : e.data;
    return [
      String(e.seq),
      formatLocalDateTime(e.at, zone), // 2026-12-05 14:03:07: Excel reads it as a date and time
      e.at,
      ((Date.parse(e.at) - start) / 1000).toFixed(1),
      e.type,
      text['zh-CN'],
      text.en,
      e.by ?? NOT_RECORDED, // nobody on duty and the window locked: the gap is explicit, not an empty cell
      (e.data as { step?: string }).step ?? '',
      JSON.stringify(data),
      e.hash,
    ];
  });
  return CSV_BOM + [HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, plus a leading ' for text Excel would run as a formula (=, +, -, @, tab, CR). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
