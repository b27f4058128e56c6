// The scorecard's figures as the charts and their tables read them: per checklist, each sealed inspection's score
// with its local date and time (oldest first), which failed, and the pass mark; the pass rate over all of them.
import type { ScorecardView } from '../../../shared/inspections/scorecard';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import type { Text } from '../../../shared/text';

export interface ScorePoint {
  inspectionId: string;
  at: string;
  /** YYYY-MM-DD HH:mm in the branch's zone: the chart's label, unique enough for two checks in one day. */
  label: string;
  /** null: nothing in it was scored (it still has a verdict). */
  percent: number | null;
  passed: boolean;
  announced: boolean;
}

export interface ScoreLine {
  checklistId: string;
  title: Text;
  /** The template's pass mark, when known. */
  passScore: number | undefined;
  points: ScorePoint[];
  failures: number;
}

export function scoreLines(
  series: ScorecardView['series'],
  passScores: ReadonlyMap<string, number>,
  zone: string,
): ScoreLine[] {
  return series.map((line) => {
    const points = [...line.points]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((p) => ({ ...p, label: formatLocalDateTime(p.at, zone, false) }));
    return {
      checklistId: line.checklistId,
      title: line.title,
      passScore: passScores.get(line.checklistId),
      points,
      failures: points.filter((p) => !p.passed).length,
    };
  });
}

/** Passed among sealed inspections, in percent with one decimal; null before any is sealed. */
export function passRate(inspections: ScorecardView['inspections']): number | null {
  return inspections.sealed > 0 ? Math.round((1000 * inspections.passed) / inspections.sealed) / 10 : null;
}
