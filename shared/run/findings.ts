// What a run's record says beyond its timeline: who took part, the decisions taken, and the problems it shows
// (missed targets, timeouts, an abort, skipped checklist items, a recovered write, notes). Functions of the
// replayed state and its step visits; the view carries them, and follows a clock with `findingsAsOf`.
import type { JournalEvent } from '../journal/format';
import type { IndexedStep } from '../plan/stepIndex';
import type { ReplayContext, RunState } from './runState';
import type { Decision, Problem, RunFindings, RunView, StepVisit } from './runViewSchema';
import { timeVisits } from './stepVisits';

export type { Decision, Problem, RunFindings } from './runViewSchema';

type Facts = Pick<RunState, 'operator' | 'signedOff' | 'outcome' | 'recovered' | 'notes'> & {
  events: readonly Pick<JournalEvent, 'at' | 'type' | 'by' | 'data'>[];
};

/** Everything the record says beyond its timeline, with the visits timed as the caller wants them. */
export function runFindings(
  state: Facts,
  visits: readonly StepVisit[],
  steps: ReadonlyMap<string, IndexedStep>,
): RunFindings {
  const decisions = decisionsOf(state.events, steps);
  return { participants: participantsOf(state), decisions, problems: problemsOf({ ...state, decisions }, visits) };
}

/** Everyone recorded as acting, the operator and the signer; the engine's own events left out. */
export function participantsOf(state: Pick<Facts, 'operator' | 'events' | 'signedOff'>): string[] {
  const names = [state.operator, ...state.events.map((e) => e.by), state.signedOff?.name];
  return [...new Set(names.filter((n): n is string => !!n && n !== 'system'))];
}

/** Choices made at decision steps, and the branches taken because no one acted in time. */
export function decisionsOf(events: Facts['events'], steps: ReadonlyMap<string, IndexedStep>): Decision[] {
  return events.flatMap((e): Decision[] => {
    const d = (e.data ?? {}) as { step?: string; option?: string; seconds?: number };
    if (e.type === 'option.chosen' && d.step && d.option)
      return [{ kind: 'chosen', at: e.at, step: d.step, option: d.option, by: e.by }];
    if (e.type === 'step.timeout' && d.step) {
      const step = steps.get(d.step)?.step;
      const next = step && step.kind !== 'end' ? step.timeout?.next : undefined;
      return [{ kind: 'timed-out', at: e.at, step: d.step, seconds: d.seconds ?? 0, ...(next ? { next } : {}) }];
    }
    return [];
  });
}

type ProblemFacts = Pick<Facts, 'outcome' | 'recovered' | 'notes'> & { decisions: readonly Decision[] };

/** Problems in time order, notes last (they are what people wrote down, read after what the clock shows). */
export function problemsOf(facts: ProblemFacts, visits: readonly StepVisit[]): Problem[] {
  const found: Problem[] = [];
  for (const v of visits) {
    if (v.overTarget && v.targetSeconds !== undefined) {
      // Dated as the timeline dates it: when the engine recorded the miss, else when the target passed.
      const at = v.overdueAt ?? new Date(Date.parse(v.enteredAt) + v.targetSeconds * 1000).toISOString();
      found.push({ kind: 'overdue', at, step: v.step, seconds: v.seconds, targetSeconds: v.targetSeconds });
    }
    if (v.skipped?.length) found.push({ kind: 'skipped', at: v.leftAt ?? v.enteredAt, step: v.step, items: v.skipped });
  }
  for (const d of facts.decisions) {
    if (d.kind === 'timed-out')
      found.push({ kind: 'timeout', at: d.at, step: d.step, seconds: d.seconds, ...(d.next ? { next: d.next } : {}) });
  }
  if (facts.outcome?.outcome === 'aborted')
    found.push({ kind: 'aborted', at: facts.outcome.at, reason: facts.outcome.reason ?? '' });
  for (const r of facts.recovered) found.push({ kind: 'recovered', at: r.at, bytes: r.bytes });
  found.sort((a, b) => a.at.localeCompare(b.at));
  for (const n of facts.notes)
    found.push({ kind: 'note', at: n.at, text: n.text, ...(n.step ? { step: n.step } : {}) });
  return found;
}

/** A replayed run's visits and findings as its view states them: open visits timed to the last event. */
export function recordFindings(
  state: RunState,
  context: Pick<ReplayContext, 'steps'>,
): { visits: StepVisit[]; findings: RunFindings } {
  const visits = timeVisits(state.visits, state.events.at(-1)!.at);
  return { visits, findings: runFindings(state, visits, context.steps) };
}

/**
 * A view's visits and problems as of `until` (an active run's "now"): open visits timed to then, so a step past
 * its target shows as overdue before the engine's next event. Without `until`, the view's own.
 */
export function findingsAsOf(
  view: Pick<RunView, 'visits' | 'findings' | 'outcome' | 'recovered' | 'notes'>,
  until?: string,
): { visits: StepVisit[]; problems: Problem[] } {
  if (until === undefined) return { visits: view.visits, problems: view.findings.problems };
  const visits = timeVisits(view.visits, until);
  return { visits, problems: problemsOf({ ...view, decisions: view.findings.decisions }, visits) };
}
