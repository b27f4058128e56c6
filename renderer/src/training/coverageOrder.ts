// How the dashboard orders and words plan coverage: what needs the trainer first (overdue, most overdue first; then
// never drilled), and the usual intervals named as a trainer says them.
import type { CoverageView } from '../../../shared/drills/coverageView';

export type PlanCoverageRow = CoverageView['plans'][number];

const URGENCY: Record<PlanCoverageRow['status'], number> = { overdue: 0, never: 1, 'due-soon': 2, ok: 3 };

/** Overdue (longest overdue first), never drilled, due soon, then the rest; by days left, then plan id. */
export function byUrgency(plans: readonly PlanCoverageRow[]): PlanCoverageRow[] {
  return [...plans].sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] ||
      (a.daysLeft ?? 0) - (b.daysLeft ?? 0) ||
      a.planId.localeCompare(b.planId),
  );
}

export type PolicyName = 'yearly' | 'halfYearly' | 'quarterly' | 'monthly';

/** The common name of an interval in days (182 or 183: half-yearly), if it has one. */
export function policyName(everyDays: number): PolicyName | undefined {
  if (everyDays === 365 || everyDays === 366) return 'yearly';
  if (everyDays >= 180 && everyDays <= 184) return 'halfYearly';
  if (everyDays >= 90 && everyDays <= 92) return 'quarterly';
  if (everyDays >= 28 && everyDays <= 31) return 'monthly';
  return undefined;
}

/** YYYY-MM of a YYYY-MM-DD date, and that month named in the UI's language: 2026年3月 / March 2026. */
export function monthName(localDate: string, lang: 'zh-CN' | 'en'): string {
  const [year, month] = localDate.split('-').map(Number) as [number, number];
  if (lang === 'zh-CN') return `${year}年${month}月`;
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
