// What the renderer sees of a run, derived from its state (its schema is in runViewSchema.ts).
import type { RunEvent } from '../plan/compile';
import { availableEvents } from '../plan/runEvents';
import { pendingDeadlines } from './deadlines';
import { recordFindings } from './findings';
import { offeredFollowOns } from './followOns';
import type { ReplayContext, RunState } from './runState';
import type { RunView } from './runViewSchema';

export type { RunSummary, RunView } from './runViewSchema';

export function toRunView(state: RunState, context: ReplayContext): RunView {
  const deadlines = pendingDeadlines(state, context);
  const dueOf = (step: string, kind: 'overdue' | 'timeout') =>
    deadlines.find((d) => d.step === step && d.kind === kind)?.due.toISOString();
  const { visits, findings } = recordFindings(state, context);
  const available = availableEvents(state.plan, state.snapshot, context.steps).filter(
    (e): e is Exclude<RunEvent, { type: 'TIMEOUT' | 'ABORT' }> => e.type !== 'TIMEOUT' && e.type !== 'ABORT',
  );
  return {
    runId: state.runId,
    mode: state.mode,
    startedAs: state.startedAs,
    ...(state.exercise ? { exercise: state.exercise } : {}),
    injects: state.injects.map(({ exerciseId: _exercise, ...delivered }) => delivered),
    plan: state.plan,
    planRef: state.planRef,
    operator: state.operator,
    branch: state.branch,
    startedAt: state.startedAt,
    status: state.status,
    active: state.active.map((a) => {
      const targetAt = dueOf(a.step, 'overdue');
      const timeoutAt = dueOf(a.step, 'timeout');
      return { ...a, ...(targetAt ? { targetAt } : {}), ...(timeoutAt ? { timeoutAt } : {}) };
    }),
    available,
    checked: state.snapshot.context.checked,
    called: state.called.map(({ step, contact, phone, at }) => ({ step, contact, phone, at })),
    notes: state.notes,
    overdue: state.overdue,
    ...(state.outcome ? { outcome: state.outcome } : {}),
    ...(state.signedOff ? { signedOff: state.signedOff } : {}),
    ...(state.closeOut ? { closeOut: state.closeOut } : {}),
    ...(state.sealed ? { sealed: state.sealed } : {}),
    recovered: state.recovered,
    rewritten: state.rewritten,
    // The first event's full plan is already in `plan`: the timeline keeps only its reference.
    timeline: state.events.map(({ seq, at, type, by, data }) => ({
      seq,
      at,
      type,
      by,
      data: type === 'run.started' ? { ...(data as object), plan: state.planRef } : data,
    })),
    visits,
    findings,
    silent: state.plan.silent === true,
    followOns: offeredFollowOns(state, context.steps),
    ...(state.escalatedFrom ? { escalatedFrom: state.escalatedFrom } : {}),
    escalatedTo: state.escalatedTo,
    head: state.events.at(-1)!.hash,
  };
}
