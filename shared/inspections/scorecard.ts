// The branch's inspection scorecard: each checklist's scores over time, the items that fail again and again, and how
// many rectifications were closed by their due date. Read from the inspections log's seals and the action tracker, so
// the dashboard opens without reading a journal.
import type { ActionView } from '../actions/actionView';
import type { Checklist } from '../checklist/schema';
import { DEFAULT_PASS_SCORE } from '../checklist/score';
import { localDateOf } from '../drills/coverage';
import type { Text } from '../text';
import type { InspectionSummary } from './inspectionView';

export interface ScorecardView {
  series: {
    checklistId: string;
    title: Text;
    /** The pass mark of the checklist's current template (the default where it sets none). */
    passScore: number;
    points: { inspectionId: string; at: string; percent: number | null; passed: boolean; announced: boolean }[];
  }[];
  /** Items failed in more than one inspection, most often first. */
  recurring: {
    checklistId: string;
    itemId: string;
    text: Text;
    critical: boolean;
    failures: number;
    /** Sealed inspections of that checklist. */
    inspections: number;
    lastAt: string;
  }[];
  rectifications: {
    total: number;
    closedOnTime: number;
    closedLate: number;
    openOverdue: number;
    openInTime: number;
    /** Closed on time among those decided (closed, or open past due); null while none is. */
    onTimeRate: number | null;
  };
  inspections: { sealed: number; passed: number };
}

export function scorecardOf(
  summaries: readonly InspectionSummary[],
  actions: readonly ActionView[],
  templates: ReadonlyMap<string, Checklist>,
  timeZone: string,
): ScorecardView {
  const sealed = summaries
    .filter((s) => s.status === 'sealed' && s.sealed && s.begun)
    .sort((a, b) => a.begun!.at.localeCompare(b.begun!.at));
  const series = new Map<string, ScorecardView['series'][number]>();
  const failures = new Map<string, ScorecardView['recurring'][number]>();
  const perChecklist = new Map<string, number>();
  for (const s of sealed) {
    let line = series.get(s.checklistId);
    if (!line) {
      const passScore = templates.get(s.checklistId)?.passScore ?? DEFAULT_PASS_SCORE;
      series.set(s.checklistId, (line = { checklistId: s.checklistId, title: s.title, passScore, points: [] }));
    }
    line.points.push({
      inspectionId: s.id,
      at: s.begun!.at,
      percent: s.sealed!.percent,
      passed: s.sealed!.passed,
      announced: s.announced,
    });
    perChecklist.set(s.checklistId, (perChecklist.get(s.checklistId) ?? 0) + 1);
    for (const itemId of s.sealed!.failed) {
      const key = `${s.checklistId}/${itemId}`;
      const found = failures.get(key);
      if (found) {
        found.failures += 1;
        found.lastAt = s.begun!.at;
      } else {
        const item = templates
          .get(s.checklistId)
          ?.sections.flatMap((sec) => sec.items)
          .find((i) => i.id === itemId);
        failures.set(key, {
          checklistId: s.checklistId,
          itemId,
          text: { 'zh-CN': item?.text['zh-CN'] ?? itemId, en: item?.text.en ?? itemId },
          critical: s.sealed!.criticalFailed.includes(itemId),
          failures: 1,
          inspections: 0,
          lastAt: s.begun!.at,
        });
      }
    }
  }
  const recurring = [...failures.values()]
    .filter((f) => f.failures > 1)
    .map((f) => ({ ...f, inspections: perChecklist.get(f.checklistId) ?? 0 }))
    .sort((a, b) => b.failures - a.failures || b.lastAt.localeCompare(a.lastAt));
  return {
    series: [...series.values()],
    recurring,
    rectifications: rectificationTimeliness(actions, timeZone),
    inspections: { sealed: sealed.length, passed: sealed.filter((s) => s.sealed!.passed).length },
  };
}

function rectificationTimeliness(actions: readonly ActionView[], timeZone: string): ScorecardView['rectifications'] {
  const counts = { total: 0, closedOnTime: 0, closedLate: 0, openOverdue: 0, openInTime: 0 };
  for (const action of actions) {
    if (action.spec.source.kind !== 'inspection' || action.status === 'dropped') continue;
    counts.total += 1;
    if (action.closed) {
      if (localDateOf(action.closed.at, timeZone) <= action.spec.due) counts.closedOnTime += 1;
      else counts.closedLate += 1;
    } else if (action.overdue) counts.openOverdue += 1;
    else counts.openInTime += 1;
  }
  const decided = counts.closedOnTime + counts.closedLate + counts.openOverdue;
  return { ...counts, onTimeRate: decided > 0 ? Math.round((1000 * counts.closedOnTime) / decided) / 10 : null };
}
