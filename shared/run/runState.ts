// The state of a run, rebuilt from its journal alone: replaying the events through the plan's machine
// gives the current steps, when each was entered, every visit of a step and how it ended, what was ticked, called
// and noted, and how the run ended.
import { applyJournalEventToMachine } from './machineReplay';
import { applyVisitChange, markOverdue, openVisit, type VisitRecord } from './stepVisits';
import type { ExerciseRef, RunMode } from '../journal/events';
import type { CloseOut } from './closeOut';
import type { JournalEvent } from '../journal/format';
import { compilePlan, type RunSnapshot } from '../plan/compile';
import type { Outcome, Plan } from '../plan/schema';
import { indexSteps, type IndexedStep } from '../plan/stepIndex';
import { initialSnapshot } from '../plan/replay';

export interface ActiveStep {
  step: string;
  /** When this visit of the step began (ISO). */
  enteredAt: string;
  /** When a `step.overdue` was recorded for this visit, if one was. */
  overdueAt?: string;
}

export type RunStatus = 'active' | 'ended' | 'signed-off' | 'sealed';

/** An inject of a drill exercise as delivered to the players (`inject.delivered`). */
export interface DeliveredInject {
  exerciseId: string;
  injectId: string;
  text: string;
  toRole?: string;
  stepId?: string;
  scenarioSeconds: number;
  manual: boolean;
  at: string;
  by: string | null;
}

export interface RunState {
  runId: string;
  /** A drill from the start, or from when it was declared one (`drill.declared`); see `startedAs`. */
  mode: RunMode;
  /** The mode the run was started in: a live incident later declared an unannounced drill says `incident`. */
  startedAs: RunMode;
  /** The drill exercise this run belongs to: named at the start (announced), or when declared (unannounced). */
  exercise?: ExerciseRef & { declared?: { at: string; userId: string; name: string } };
  injects: readonly DeliveredInject[];
  plan: Plan;
  planRef: { id: string; version: number; contentHash: string };
  operator: string | null;
  branch: { name: string; code: string };
  startedAt: string;
  status: RunStatus;
  snapshot: RunSnapshot;
  /** Steps in progress, top-level parallel steps included (their own timers run too). */
  active: ActiveStep[];
  /** Every visit of a step in the order the steps became current (stepVisits.ts); the current ones are open. */
  visits: readonly VisitRecord[];
  called: { step: string; contact: string; phone: string; at: string; by: string | null }[];
  notes: { text: string; step?: string; at: string; by: string | null }[];
  overdue: { step: string; due: string; at: string }[];
  outcome?: { outcome: Outcome | 'aborted'; endStep?: string; at: string; reason?: string };
  /** `verified`: confirmed with the signer's PIN (`userId`); false for a typed name and in older journals. */
  signedOff?: { name: string; note?: string; at: string; verified: boolean; userId?: string };
  /** A live incident's close-out: the last one written counts (earlier ones stay in the journal). */
  closeOut?: CloseOut & { at: string; by: string | null };
  sealed?: { keyId: string; head: string; at: string };
  recovered: { sidecar: string; bytes: number; at: string }[];
  /** Times the journal file vanished or was replaced while live and was written again from memory. */
  rewritten: { reason: 'deleted' | 'replaced'; events: number; at: string }[];
  /** The run this one was started from as a follow-on (escalation), from `run.started`. */
  escalatedFrom?: { runId: string; planId: string };
  /** Follow-on runs started from this one (`run.escalated`), in order. */
  escalatedTo: { runId: string; planId: string; step?: string; option?: string; at: string; by: string | null }[];
  events: readonly JournalEvent[];
}

export interface ReplayContext {
  steps: Map<string, IndexedStep>;
  machine: ReturnType<typeof compilePlan>;
}

/** Rebuilds a run from its journal events (the first must be `run.started`). */
export function replayRun(events: readonly JournalEvent[]): { state: RunState; context: ReplayContext } {
  const first = events[0];
  if (!first || first.type !== 'run.started') throw new Error('a run journal starts with run.started');
  const started = first.data as {
    runId: string;
    mode: RunMode;
    plan: { id: string; version: number; contentHash: string; body: Plan };
    operator: string | null;
    branch: { name: string; code: string };
    from?: { runId: string; planId: string };
    exercise?: ExerciseRef;
  };
  const plan = started.plan.body;
  const machine = compilePlan(plan);
  const context: ReplayContext = { steps: indexSteps(plan), machine };
  const snapshot = initialSnapshot(machine);
  const active = activeIds(snapshot).map((step) => ({ step, enteredAt: first.at }));
  let state: RunState = {
    runId: started.runId,
    mode: started.mode,
    startedAs: started.mode,
    ...(started.exercise ? { exercise: { id: started.exercise.id, title: started.exercise.title } } : {}),
    injects: [],
    plan,
    planRef: { id: started.plan.id, version: started.plan.version, contentHash: started.plan.contentHash },
    operator: started.operator,
    branch: started.branch,
    startedAt: first.at,
    status: 'active',
    snapshot,
    active,
    visits: active.flatMap((a) => openVisit(a.step, a.enteredAt, context.steps) ?? []),
    called: [],
    notes: [],
    overdue: [],
    recovered: [],
    rewritten: [],
    ...(started.from ? { escalatedFrom: { runId: started.from.runId, planId: started.from.planId } } : {}),
    escalatedTo: [],
    events: [first],
  };
  for (const event of events.slice(1)) state = applyEvent(state, event, context);
  return { state, context };
}

/** The next state after one more journal event. */
export function applyEvent(state: RunState, event: JournalEvent, context: ReplayContext): RunState {
  const next: RunState = { ...state, events: [...state.events, event] };
  const d = event.data as Record<string, string | number | undefined>;
  switch (event.type) {
    case 'contact.called':
      next.called = [
        ...state.called,
        { step: d.step as string, contact: d.contact as string, phone: d.phone as string, at: event.at, by: event.by },
      ];
      break;
    case 'note.added':
      next.notes = [
        ...state.notes,
        { text: d.text as string, ...(d.step ? { step: d.step as string } : {}), at: event.at, by: event.by },
      ];
      break;
    case 'step.overdue':
      next.overdue = [...state.overdue, { step: d.step as string, due: d.due as string, at: event.at }];
      next.active = state.active.map((a) => (a.step === d.step ? { ...a, overdueAt: event.at } : a));
      next.visits = markOverdue(state.visits, d.step as string, event.at);
      break;
    case 'run.ended':
      next.status = 'ended';
      next.outcome = {
        outcome: d.outcome as Outcome | 'aborted',
        ...(d.endStep ? { endStep: d.endStep as string } : {}),
        at: event.at,
        ...(state.snapshot.context.abortReason ? { reason: state.snapshot.context.abortReason } : {}),
      };
      break;
    case 'run.signedOff':
      next.status = 'signed-off';
      next.signedOff = {
        name: d.name as string,
        ...(d.note ? { note: d.note as string } : {}),
        at: event.at,
        verified: (event.data as { verified?: boolean }).verified === true,
        ...(d.userId ? { userId: d.userId as string } : {}),
      };
      break;
    case 'incident.closedOut':
      next.closeOut = { ...(event.data as CloseOut), at: event.at, by: event.by };
      break;
    case 'run.sealed':
      next.status = 'sealed';
      next.sealed = { keyId: d.keyId as string, head: d.head as string, at: event.at };
      break;
    case 'journal.rewritten':
      next.rewritten = [
        ...state.rewritten,
        { reason: d.reason as 'deleted' | 'replaced', events: d.events as number, at: event.at },
      ];
      break;
    case 'run.escalated': {
      const e = event.data as { to: { runId: string; planId: string }; step?: string; option?: string };
      next.escalatedTo = [
        ...state.escalatedTo,
        {
          runId: e.to.runId,
          planId: e.to.planId,
          ...(e.step ? { step: e.step } : {}),
          ...(e.option ? { option: e.option } : {}),
          at: event.at,
          by: event.by,
        },
      ];
      break;
    }
    case 'drill.declared': {
      const e = event.data as { exercise: ExerciseRef; userId: string; name: string };
      next.mode = 'drill';
      next.exercise = {
        id: e.exercise.id,
        title: e.exercise.title,
        declared: { at: event.at, userId: e.userId, name: e.name },
      };
      break;
    }
    case 'inject.delivered': {
      const e = event.data as Omit<DeliveredInject, 'at' | 'by'>;
      next.injects = [
        ...state.injects,
        {
          exerciseId: e.exerciseId,
          injectId: e.injectId,
          text: e.text,
          ...(e.toRole ? { toRole: e.toRole } : {}),
          ...(e.stepId ? { stepId: e.stepId } : {}),
          scenarioSeconds: e.scenarioSeconds,
          manual: e.manual,
          at: event.at,
          by: event.by,
        },
      ];
      break;
    }
    case 'journal.recovered':
      next.recovered = [...state.recovered, { sidecar: d.sidecar as string, bytes: d.bytes as number, at: event.at }];
      break;
    default: {
      const moved = applyJournalEventToMachine(context.machine, state.snapshot, event);
      if (!moved) break;
      next.snapshot = moved;
      next.active = nextActive(state, moved, event, context);
      const kept = new Set(next.active);
      const before = new Set(state.active);
      const left = state.active.filter((a) => !kept.has(a)).map((a) => a.step);
      const entered = next.active.filter((a) => !before.has(a)).map((a) => a.step);
      if (left.length > 0 || entered.length > 0) {
        next.visits = applyVisitChange(
          state.visits,
          { left, entered, event, checked: moved.context.checked },
          context.steps,
        );
      }
    }
  }
  return next;
}

/** Active step ids of a snapshot: top-level steps, and inside a parallel step the step of each track. */
export function activeIds(snapshot: RunSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  const value = snapshot.value as string | Record<string, Record<string, string>>;
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([parallel, regions]) => [parallel, ...Object.values(regions)]);
}

/** The active steps after the machine took `event`: the same objects for steps still in the same visit. */
function nextActive(state: RunState, snapshot: RunSnapshot, event: JournalEvent, context: ReplayContext): ActiveStep[] {
  const before = new Map(state.active.map((a) => [a.step, a]));
  // A step the event itself moved on from (not a tick) that is still active was left and re-entered (a loop);
  // so were the steps in the tracks of a parallel step re-entered that way, as the machine starts them again.
  const acted = event.type === 'checklist.ticked' ? undefined : (event.data as { step?: string }).step;
  return activeIds(snapshot).map((step) => {
    const kept = before.get(step);
    const reentered = acted !== undefined && (step === acted || context.steps.get(step)?.parallel?.id === acted);
    return kept && !reentered ? kept : { step, enteredAt: event.at };
  });
}
