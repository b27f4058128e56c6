// How the review screens name things: a rating with its HSEEP letter, the causes of an area for improvement, and each
// step's first visit as the run's journal timed it (times are never typed: they come from the run, against targets).
import { RATING_LABELS, type Rating } from '../../../shared/drills/evaluation';
import type { Language } from '../../../shared/plan/schema';
import type { RunView, StepVisit } from '../../../shared/run/runViewSchema';

/** The causes of an area for improvement, as AQ/T 9009 groups them. */
export const CAUSES = ['plan', 'organisation', 'people', 'mechanism', 'resources'] as const;
export type Cause = (typeof CAUSES)[number];

/** 达标（P） / Performed (P): the shared label with its letter, in the UI's language. */
export function ratingText(rating: Rating, lang: Language): string {
  return lang === 'en' ? RATING_LABELS[rating].en : `${RATING_LABELS[rating]['zh-CN']}（${rating}）`;
}

/** Each step's first visit, in the order the steps became current (a step visited again keeps its first time). */
export function firstVisits(run: Pick<RunView, 'visits'>): Map<string, StepVisit> {
  const first = new Map<string, StepVisit>();
  for (const visit of run.visits) if (!first.has(visit.step)) first.set(visit.step, visit);
  return first;
}
