// The Records screen's inspections: those begun (in progress or sealed), filtered by template, announced or not,
// result, local days and a text (place, inspectors). Dates are the branch's local days, as every date on screen.
import type { InspectionSummary } from '../../../shared/inspections/inspectionView';
import { formatLocalDate } from '../../../shared/time/localTime';
import type { Text } from '../../../shared/text';

export type InspectionResult = 'passed' | 'failed' | 'open';
export const INSPECTION_RESULTS: readonly InspectionResult[] = ['passed', 'failed', 'open'];

export interface InspectionFilters {
  checklistId: string;
  kind: '' | 'announced' | 'unannounced';
  result: '' | InspectionResult;
  /** YYYY-MM-DD, local days, both inclusive; empty: open-ended. */
  from: string;
  to: string;
  text: string;
}

export const NO_INSPECTION_FILTERS: InspectionFilters = {
  checklistId: '',
  kind: '',
  result: '',
  from: '',
  to: '',
  text: '',
};

export function hasInspectionFilters(filters: InspectionFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

/** 合格 / 不合格 as the sign-off stated it, 进行中 while it is conducted; undefined for one not begun. */
export function resultOf(summary: InspectionSummary): InspectionResult | undefined {
  if (summary.status === 'sealed' && summary.sealed) return summary.sealed.passed ? 'passed' : 'failed';
  if (summary.status === 'in-progress') return 'open';
  return undefined;
}

/** Who is named as inspecting: the inspectors planned, and whoever began it. */
export function inspectorsOf(summary: InspectionSummary): string[] {
  const names = [...summary.inspectors];
  const began = summary.begun?.by?.name;
  if (began && !names.includes(began)) names.push(began);
  return names;
}

/** The inspections begun, as the filters narrow them, in the order given (the API's: newest first). */
export function filterInspections(
  list: readonly InspectionSummary[],
  filters: InspectionFilters,
  zone: string,
): InspectionSummary[] {
  const needle = filters.text.trim().toLowerCase();
  return list.filter((summary) => {
    const result = resultOf(summary);
    if (!result || !summary.begun) return false;
    if (filters.checklistId && summary.checklistId !== filters.checklistId) return false;
    if (filters.kind && summary.announced !== (filters.kind === 'announced')) return false;
    if (filters.result && result !== filters.result) return false;
    if (filters.from || filters.to) {
      const day = formatLocalDate(summary.begun.at, zone);
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
    }
    if (needle) {
      const haystack = [summary.place, ...inspectorsOf(summary)].join('\n').toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
}

/** The templates the inspections followed, once each, for the template filter (titles as last seen). */
export function templatesOf(list: readonly InspectionSummary[]): { id: string; title: Text }[] {
  const seen = new Map<string, Text>();
  for (const summary of list)
    if (resultOf(summary) && !seen.has(summary.checklistId)) seen.set(summary.checklistId, summary.title);
  return [...seen].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
}
