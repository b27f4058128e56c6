// The dashboard's trends as series: per drill that ran (oldest first), the share of its rated objectives met in
// percent, and its first step's time against that step's target — with the drill's local date and title, which the
// charts' labels and their text alternative both read.
import type { ChannelOutput } from '../../../shared/api/channels';
import { formatLocalDate } from '../../../shared/time/localTime';

export type TrendPoint = ChannelOutput<'drills.trends'>[number];

export interface SeriesPoint {
  exerciseId: string;
  title: string;
  /** YYYY-MM-DD in the branch's zone. */
  date: string;
  value: number;
  target?: number;
}

const labelled = (point: TrendPoint, zone: string) => ({
  exerciseId: point.exerciseId,
  title: point.title,
  date: formatLocalDate(point.at, zone),
});

/** Drills with rated objectives: percent met, whole numbers. */
export function shareSeries(points: readonly TrendPoint[], zone: string): SeriesPoint[] {
  return points.flatMap((point) =>
    point.shareMet === undefined ? [] : [{ ...labelled(point, zone), value: Math.round(point.shareMet * 100) }],
  );
}

/** Drills whose first step was done: its seconds, and its target when the plan sets one. */
export function timeSeries(points: readonly TrendPoint[], zone: string): SeriesPoint[] {
  return points.flatMap((point) =>
    point.firstStep === undefined
      ? []
      : [
          {
            ...labelled(point, zone),
            value: Math.round(point.firstStep.seconds),
            ...(point.firstStep.targetSeconds !== undefined ? { target: point.firstStep.targetSeconds } : {}),
          },
        ],
  );
}
