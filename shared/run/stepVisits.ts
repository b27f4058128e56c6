// Step visits, recorded as replay goes (runState.ts): a visit opens when a step becomes current in the plan
// machine's snapshot and closes when the machine leaves it, saying how. Durations are timed from them.
import type { JournalEvent } from '../journal/format';
import { stepRole, type IndexedStep } from '../plan/stepIndex';
import type { StepVisit, VisitEnd } from './runViewSchema';

export type { StepVisit, VisitEnd } from './runViewSchema';

/** A visit as replay keeps it: `end` is `ongoing` and `leftAt` absent while the step is current. */
export type VisitRecord = Omit<StepVisit, 'seconds' | 'overTarget'>;

type Steps = ReadonlyMap<string, IndexedStep>;

/** The visit of a step the machine has just made current; none for an end (reaching one is not a visit). */
export function openVisit(step: string, at: string, steps: Steps): VisitRecord | undefined {
  const entry = steps.get(step);
  if (!entry || entry.step.kind === 'end') return undefined;
  const role = stepRole(entry);
  const { kind, targetSeconds } = entry.step;
  return {
    step,
    kind,
    ...(entry.parallel ? { parallel: entry.parallel.id } : {}),
    ...(role ? { role } : {}),
    enteredAt: at,
    end: 'ongoing',
    ...(targetSeconds !== undefined ? { targetSeconds } : {}),
  };
}

/** How a visit that `event` moved the machine out of ended. */
export function endOf(visit: VisitRecord, event: Pick<JournalEvent, 'type' | 'data'>): VisitEnd {
  if (event.type === 'run.aborted') return 'aborted';
  if ((event.data as { step?: string }).step === visit.step) {
    if (event.type === 'step.completed') return 'completed';
    if (event.type === 'option.chosen') return 'chosen';
    if (event.type === 'step.timeout') return 'timed-out';
  }
  // Left without being acted on: a parallel step joins when its last track ends; a step in a track is cut short
  // when its parallel step times out.
  return visit.kind === 'parallel' ? 'joined' : 'interrupted';
}

export interface VisitChange {
  /** Steps the machine left, and steps it made current (in the order its snapshot lists them). */
  left: readonly string[];
  entered: readonly string[];
  event: Pick<JournalEvent, 'at' | 'type' | 'data'>;
  /** Checklist items ticked so far, per step (the machine's context). */
  checked: Readonly<Record<string, readonly string[]>>;
}

/** The visits after the machine moved: the left steps' open visits closed, the entered steps' opened. */
export function applyVisitChange(visits: readonly VisitRecord[], change: VisitChange, steps: Steps): VisitRecord[] {
  const next = [...visits];
  const at = change.event.at;
  for (const step of change.left) {
    const i = openIndex(next, step);
    if (i < 0) continue; // a track's end
    const visit = next[i]!;
    const end = endOf(visit, change.event);
    const skipped = end === 'completed' ? skippedItems(steps.get(step), change.checked[step] ?? []) : [];
    next[i] = { ...visit, leftAt: at, end, ...(skipped.length > 0 ? { skipped } : {}) };
  }
  for (const step of change.entered) {
    const visit = openVisit(step, at, steps);
    if (visit) next.push(visit);
  }
  return next;
}

/** Marks the open visit of `step` as recorded overdue at `at` (once per visit, as the engine records it). */
export function markOverdue(visits: readonly VisitRecord[], step: string, at: string): readonly VisitRecord[] {
  const i = openIndex(visits, step);
  if (i < 0 || visits[i]!.overdueAt !== undefined) return visits;
  return visits.with(i, { ...visits[i]!, overdueAt: at });
}

/**
 * The visits with their durations: a closed visit from entering to leaving, an open one up to `until` (an active
 * run's "now", or the last event). Visits already timed are timed again, so a view's visits can follow a clock.
 */
export function timeVisits(visits: readonly VisitRecord[], until: string): StepVisit[] {
  return visits.map((v) => {
    const leftAt = v.end === 'ongoing' ? until : (v.leftAt ?? until);
    const seconds = Math.max(0, (Date.parse(leftAt) - Date.parse(v.enteredAt)) / 1000);
    return { ...v, seconds, overTarget: v.targetSeconds !== undefined && seconds > v.targetSeconds };
  });
}

/** Index of the open visit of a step: a step is current at most once at a time. */
function openIndex(visits: readonly VisitRecord[], step: string): number {
  return visits.findLastIndex((v) => v.step === step && v.end === 'ongoing');
}

// Checklists never block completion (a guard may have to move on), so the record must show what was left.
function skippedItems(entry: IndexedStep | undefined, ticked: readonly string[]): string[] {
  const step = entry?.step;
  if (step?.kind !== 'action' || !step.checklist) return [];
  return step.checklist.filter((item) => !ticked.includes(item.id)).map((item) => item.id);
}
