// The scorecard's chart series (renderer/src/inspectionReport/scoreLines.ts): per checklist the scores oldest first
// with their local labels, the failed ones counted, the pass mark when known; the pass rate; the inspection whose
// view gives a checklist's pass mark (its latest).
import { describe, expect, it } from 'vitest';
import type { ScorecardView } from '../../shared/inspections/scorecard';
import { passRate, scoreLines } from '../../renderer/src/inspectionReport/scoreLines';

const SERIES: ScorecardView['series'] = [
  {
    checklistId: 'guard-post',
    title: { 'zh-CN': '保安在岗检查', en: 'Guard post check' },
    passScore: 80,
    points: [
      { inspectionId: 'b', at: '2026-03-12T16:30:00.000Z', percent: 70, passed: false, announced: false },
      { inspectionId: 'a', at: '2026-03-10T02:00:00.000Z', percent: 95.5, passed: true, announced: true },
      { inspectionId: 'c', at: '2026-03-20T02:00:00.000Z', percent: 96, passed: false, announced: true },
    ],
  },
  {
    checklistId: 'alarm-110-link-test',
    title: { 'zh-CN': '一键报警与110联动测试', en: 'Alarm link test' },
    passScore: 90,
    points: [{ inspectionId: 'd', at: '2026-03-11T02:00:00.000Z', percent: null, passed: true, announced: true }],
  },
];

describe('scorecard series', () => {
  it('orders each checklist oldest first, labels in local time, counts failures and carries the pass mark', () => {
    const [guard, alarm] = scoreLines(SERIES, new Map([['guard-post', 80]]), 'Asia/Shanghai');
    expect(guard!.points.map((p) => [p.inspectionId, p.label, p.percent, p.passed])).toEqual([
      ['a', '2026-03-10 10:00', 95.5, true],
      ['b', '2026-03-13 00:30', 70, false],
      ['c', '2026-03-20 10:00', 96, false], // failed on a critical item above the pass mark
    ]);
    expect(guard!.failures).toBe(2);
    expect(guard!.passScore).toBe(80);
    expect(alarm!.passScore).toBeUndefined();
    expect(alarm!.points[0]!.percent).toBeNull();
    expect(scoreLines(SERIES, new Map(), 'UTC')[0]!.points[1]!.label).toBe('2026-03-12 16:30');
  });

  it('gives the pass rate with one decimal, and none before any inspection is signed', () => {
    expect(passRate({ sealed: 3, passed: 2 })).toBe(66.7);
    expect(passRate({ sealed: 2, passed: 2 })).toBe(100);
    expect(passRate({ sealed: 0, passed: 0 })).toBeNull();
  });
});
