// The Records screen's inspections tab (renderer/src/inspectionReport/inspectionFilters.ts): only inspections begun
// are listed; the result is the sign-off's verdict or 进行中; each filter narrows on its own and together; days are the
// branch's local days (an inspection at 00:30 Beijing time is on that day, though UTC says the day before).
import { describe, expect, it } from 'vitest';
import type { InspectionSummary } from '../../shared/inspections/inspectionView';
import {
  filterInspections,
  hasInspectionFilters,
  inspectorsOf,
  NO_INSPECTION_FILTERS,
  resultOf,
  templatesOf,
  type InspectionFilters,
} from '../../renderer/src/inspectionReport/inspectionFilters';

const SHANGHAI = 'Asia/Shanghai';
const by = (name: string) => ({ userId: name, name });

function summary(id: string, patch: Partial<InspectionSummary>): InspectionSummary {
  return {
    id,
    status: 'sealed',
    title: { 'zh-CN': '保安在岗检查', en: 'Guard post check' },
    announced: true,
    place: '营业厅',
    // As the API says it: the inspectors as planned (or as begun).
    inspectors: patch.plan?.inspectors ?? [],
    checklistId: 'guard-post',
    ...patch,
  };
}

const sealed = (passed: boolean, criticalFailed: string[] = []) => ({
  at: '2026-03-12T03:00:00.000Z',
  percent: passed ? 95 : 60,
  passed,
  failed: passed ? [] : ['post-shift-log'],
  criticalFailed,
});

const LIST: InspectionSummary[] = [
  summary('in-progress-daily', {
    status: 'in-progress',
    checklistId: 'daily-opening-closing',
    title: { 'zh-CN': '营业前/营业终了安全检查', en: 'Daily check' },
    place: '金库',
    begun: { at: '2026-03-14T08:00:00.000Z', by: by('李娜') },
  }),
  summary('failed-unannounced', {
    announced: false,
    place: '自助银行',
    begun: { at: '2026-03-12T16:30:00.000Z', by: by('陈培训') }, // 2026-03-13 00:30 in Shanghai
    sealed: sealed(false, ['post-at-position']),
  }),
  summary('passed-announced', {
    place: 'Lobby East',
    plan: {
      checklistId: 'guard-post',
      announced: true,
      date: '2026-03-10',
      place: 'Lobby East',
      inspectors: ['Zhang Wei', '陈培训'],
      note: '',
    },
    planned: { at: '2026-03-01T01:00:00.000Z', by: by('陈培训') },
    begun: { at: '2026-03-10T02:00:00.000Z', by: by('陈培训') },
    sealed: sealed(true),
  }),
  summary('planned', {
    status: 'planned',
    plan: {
      checklistId: 'alarm-110-link-test',
      announced: true,
      date: '2026-04-01',
      place: '',
      inspectors: ['x'],
      note: '',
    },
  }),
  summary('cancelled', { status: 'cancelled', checklistId: 'cash-in-transit-handover' }),
];

const ids = (filters: Partial<InspectionFilters>) =>
  filterInspections(LIST, { ...NO_INSPECTION_FILTERS, ...filters }, SHANGHAI).map((s) => s.id);

describe('inspections in Records', () => {
  it('lists only inspections begun, in the order given, each with its result', () => {
    expect(ids({})).toEqual(['in-progress-daily', 'failed-unannounced', 'passed-announced']);
    expect(LIST.map(resultOf)).toEqual(['open', 'failed', 'passed', undefined, undefined]);
  });

  it('narrows by result, by kind and by template', () => {
    expect(ids({ result: 'passed' })).toEqual(['passed-announced']);
    expect(ids({ result: 'failed' })).toEqual(['failed-unannounced']);
    expect(ids({ result: 'open' })).toEqual(['in-progress-daily']);
    expect(ids({ kind: 'unannounced' })).toEqual(['failed-unannounced']);
    expect(ids({ kind: 'announced' })).toEqual(['in-progress-daily', 'passed-announced']);
    expect(ids({ checklistId: 'guard-post' })).toEqual(['failed-unannounced', 'passed-announced']);
    expect(ids({ checklistId: 'guard-post', kind: 'announced', result: 'failed' })).toEqual([]);
  });

  it("bounds dates by the branch's local days, both ends included", () => {
    expect(ids({ from: '2026-03-13' })).toEqual(['in-progress-daily', 'failed-unannounced']);
    expect(ids({ to: '2026-03-12' })).toEqual(['passed-announced']);
    expect(ids({ from: '2026-03-13', to: '2026-03-13' })).toEqual(['failed-unannounced']);
    // In UTC the same inspection began on the 12th.
    expect(
      filterInspections(LIST, { ...NO_INSPECTION_FILTERS, from: '2026-03-13', to: '2026-03-13' }, 'UTC').map(
        (s) => s.id,
      ),
    ).toEqual([]);
  });

  it('finds text in the place and the inspectors, ignoring case', () => {
    expect(ids({ text: 'lobby' })).toEqual(['passed-announced']);
    expect(ids({ text: 'zhang' })).toEqual(['passed-announced']);
    expect(ids({ text: '陈培训' })).toEqual(['failed-unannounced', 'passed-announced']);
    expect(ids({ text: ' 金库 ' })).toEqual(['in-progress-daily']);
    expect(ids({ text: '保安在岗' })).toEqual([]); // the template is a filter of its own
  });

  it('names the inspectors planned and whoever began it, once each', () => {
    expect(inspectorsOf(LIST[2]!)).toEqual(['Zhang Wei', '陈培训']);
    expect(inspectorsOf(LIST[0]!)).toEqual(['李娜']);
    expect(inspectorsOf(LIST[4]!)).toEqual([]);
  });

  it('offers each template begun once, and knows when any filter is set', () => {
    expect(templatesOf(LIST).map((t) => t.id)).toEqual(['daily-opening-closing', 'guard-post']);
    expect(hasInspectionFilters(NO_INSPECTION_FILTERS)).toBe(false);
    expect(hasInspectionFilters({ ...NO_INSPECTION_FILTERS, text: '  ' })).toBe(false);
    expect(hasInspectionFilters({ ...NO_INSPECTION_FILTERS, result: 'open' })).toBe(true);
  });
});
