// How an inspection scores: each item's result from its answer, each section's share of its points, the total as a
// weighted mean of the sections, and the verdict (a failed critical item fails whatever the score). The one rule,
// used live on the inspection screen, at sign-off and by the report, so they never disagree.
import type { Checklist, ChecklistItem } from './schema';

export const DEFAULT_PASS_SCORE = 80;
export const DEFAULT_RECTIFY_DAYS = 7;
export const CRITICAL_RECTIFY_DAYS = 1;

export type YesNo = 'yes' | 'no' | 'na';
export type Answer =
  | { kind: 'yes-no'; value: YesNo }
  | { kind: 'score'; value: number }
  /** null: not applicable (where the item allows it). */
  | { kind: 'number'; value: number | null }
  | { kind: 'text'; value: string };

/** pass / fail; `na` not applicable (counts nothing); `recorded` a text item; `unanswered` not yet. */
export type ItemResult = 'pass' | 'fail' | 'na' | 'recorded' | 'unanswered';

export interface SectionScore {
  id: string;
  /** Points earned and possible (weights applied); possible 0 when nothing in it is scored or all is n/a. */
  points: number;
  possible: number;
  /** 0–100, or null when nothing in the section counts. */
  percent: number | null;
}

export interface ChecklistScore {
  sections: SectionScore[];
  /** Weighted mean of the sections' percentages, 0–100 with one decimal; null while nothing counts. */
  percent: number | null;
  passScore: number;
  results: Map<string, ItemResult>;
  failed: string[];
  criticalFailed: string[];
  unanswered: string[];
  /** The verdict once every item is answered (a critical failure decides it at once): null until then. */
  passed: boolean | null;
}

/** The least score of a score item that is not a finding. */
export function passAtOf(item: Extract<ChecklistItem, { kind: 'score' }>): number {
  return item.passAt ?? Math.ceil(item.max * 0.6);
}

/** The days a failure of this item has to be put right. */
export function rectifyDaysOf(item: ChecklistItem): number {
  return item.rectifyDays ?? (item.critical ? CRITICAL_RECTIFY_DAYS : DEFAULT_RECTIFY_DAYS);
}

/** Whether an answer fits its item (kind, range, n/a allowed): the backend refuses one that does not. */
export function answerFits(item: ChecklistItem, answer: Answer): boolean {
  if (answer.kind !== item.kind) return false;
  switch (answer.kind) {
    case 'yes-no':
      return answer.value !== 'na' || (item as { allowNa?: boolean }).allowNa !== false;
    case 'score':
      return Number.isInteger(answer.value) && answer.value >= 0 && answer.value <= (item as { max: number }).max;
    case 'number':
      return answer.value === null ? (item as { allowNa?: boolean }).allowNa === true : Number.isFinite(answer.value);
    case 'text':
      return true;
  }
}

export function itemResult(item: ChecklistItem, answer: Answer | undefined): ItemResult {
  if (!answer) return 'unanswered';
  switch (item.kind) {
    case 'yes-no':
      return answer.value === 'na' ? 'na' : answer.value === 'yes' ? 'pass' : 'fail';
    case 'score':
      return (answer.value as number) >= passAtOf(item) ? 'pass' : 'fail';
    case 'number': {
      if (answer.value === null) return 'na';
      const v = answer.value as number;
      return (item.min !== undefined && v < item.min) || (item.max !== undefined && v > item.max) ? 'fail' : 'pass';
    }
    case 'text':
      return 'recorded';
  }
}

/** Points earned and possible for one item (before its section's weight). */
function itemPoints(item: ChecklistItem, answer: Answer | undefined, result: ItemResult): [number, number] {
  const weight = item.weight ?? 1;
  // Unanswered items count nothing yet: the live score is the score of what has been checked so far.
  if (item.kind === 'text' || result === 'na' || result === 'unanswered') return [0, 0];
  if (item.kind === 'score') return [(weight * (answer!.value as number)) / item.max, weight];
  return [result === 'pass' ? weight : 0, weight];
}

export function scoreChecklist(checklist: Checklist, answers: ReadonlyMap<string, Answer>): ChecklistScore {
  const results = new Map<string, ItemResult>();
  const failed: string[] = [];
  const criticalFailed: string[] = [];
  const unanswered: string[] = [];
  let weighted = 0;
  let weights = 0;
  const sections = checklist.sections.map((section): SectionScore => {
    let points = 0;
    let possible = 0;
    for (const item of section.items) {
      const answer = answers.get(item.id);
      const result = itemResult(item, answer);
      results.set(item.id, result);
      if (result === 'unanswered') unanswered.push(item.id);
      if (result === 'fail') {
        failed.push(item.id);
        if (item.critical) criticalFailed.push(item.id);
      }
      const [p, max] = itemPoints(item, answer, result);
      points += p;
      possible += max;
    }
    const percent = possible > 0 ? (100 * points) / possible : null;
    const weight = section.weight ?? 1;
    if (percent !== null && weight > 0) {
      weighted += weight * percent;
      weights += weight;
    }
    return { id: section.id, points, possible, percent: percent === null ? null : round1(percent) };
  });
  const percent = weights > 0 ? round1(weighted / weights) : null;
  const passScore = checklist.passScore ?? DEFAULT_PASS_SCORE;
  const passed =
    criticalFailed.length > 0 ? false : unanswered.length > 0 ? null : percent === null || percent >= passScore;
  return { sections, percent, passScore, results, failed, criticalFailed, unanswered, passed };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Every item of a template with its section, in order. */
export function checklistItems(checklist: Checklist): { item: ChecklistItem; sectionId: string }[] {
  return checklist.sections.flatMap((s) => s.items.map((item) => ({ item, sectionId: s.id })));
}
