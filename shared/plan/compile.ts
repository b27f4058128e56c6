// Compiles a checked plan into an xstate v5 machine. The config is pure data that names its guards
// and actions; time never comes from xstate's clock: deadlines arrive as TIMEOUT events from the
// journal, so replaying a journal gives the same state on any machine, after any restart.
import { produce } from 'immer';
import { setup, type SnapshotFrom, type StateValue } from 'xstate';
import type { Outcome, Plan, Step, Track, TrackStep } from './schema';

export type RunEvent =
  | { type: 'COMPLETE'; step: string }
  | { type: 'CHOOSE'; step: string; option: string }
  | { type: 'CHECK'; step: string; item: string }
  | { type: 'TIMEOUT'; step: string }
  | { type: 'ABORT'; reason: string };

export interface RunContext {
  /** Checklist items ticked, per step id, in the order they were ticked. */
  checked: Record<string, string[]>;
  abortReason?: string;
}

export interface RunOutput {
  outcome: Outcome | 'aborted';
  /** The end step reached (absent when aborted). */
  endStep?: string;
}

/** State key of the aborted state; slugs cannot contain underscores, so no step can collide. */
export const ABORTED_STATE = '__aborted';

const runSetup = setup({
  types: {
    context: {} as RunContext,
    events: {} as RunEvent,
    output: {} as RunOutput,
  },
  guards: {
    isStep: ({ event }, params: { step: string }) => 'step' in event && event.step === params.step,
    isOption: ({ event }, params: { step: string; option: string }) =>
      event.type === 'CHOOSE' && event.step === params.step && event.option === params.option,
    isChecklistItem: ({ context, event }, params: { step: string; items: string[] }) =>
      event.type === 'CHECK' &&
      event.step === params.step &&
      params.items.includes(event.item) &&
      !(context.checked[params.step] ?? []).includes(event.item),
  },
});

// xstate's config types are built for hand-written literal machines; this one is generated, so its
// pieces are typed loosely here and the result is typed through `runSetup`.
type StateConfig = Record<string, unknown>;

/** Compiles a plan that analysePlan found free of errors; on any other plan xstate throws. */
export function compilePlan(plan: Plan) {
  return runSetup
    .extend({
      actions: {
        tick: runSetup.assign(({ context, event }) =>
          event.type === 'CHECK'
            ? produce(context, (draft) => {
                (draft.checked[event.step] ??= []).push(event.item);
              })
            : context,
        ),
        recordAbort: runSetup.assign(({ context, event }) =>
          event.type === 'ABORT' ? { ...context, abortReason: event.reason } : context,
        ),
      },
    })
    .createMachine({
      id: `${plan.id}@v${plan.version}`,
      context: { checked: {} },
      initial: plan.start,
      states: {
        ...Object.fromEntries(plan.steps.map((step) => [step.id, topLevelState(step)])),
        [ABORTED_STATE]: { id: ABORTED_STATE, type: 'final', output: { outcome: 'aborted' } },
      } as never,
      on: { ABORT: { target: `#${ABORTED_STATE}`, actions: 'recordAbort' } },
      output: ({ event }) => (event as unknown as { output: RunOutput }).output,
    });
}

export type PlanMachine = ReturnType<typeof compilePlan>;
export type RunSnapshot = SnapshotFrom<PlanMachine>;

function topLevelState(step: Step): StateConfig {
  if (step.kind === 'end') {
    return { id: step.id, type: 'final', output: { outcome: step.outcome, endStep: step.id } };
  }
  if (step.kind === 'parallel') {
    return {
      id: step.id,
      type: 'parallel',
      states: Object.fromEntries(step.tracks.map((track) => [track.start, trackRegion(track)])),
      onDone: { target: `#${step.next}` },
      on: timeoutTransition(step),
    };
  }
  return workState(step);
}

function trackRegion(track: Track): StateConfig {
  return {
    initial: track.start,
    states: Object.fromEntries(
      track.steps.map((step) => [step.id, step.kind === 'end' ? { id: step.id, type: 'final' } : workState(step)]),
    ),
  };
}

/** An action or decision step, at the top level or inside a track. */
function workState(step: Exclude<Step | TrackStep, { kind: 'end' | 'parallel' }>): StateConfig {
  const on: Record<string, unknown> = { ...timeoutTransition(step) };
  if (step.kind === 'action') {
    on.COMPLETE = { guard: { type: 'isStep', params: { step: step.id } }, target: `#${step.next}` };
    const items = (step.checklist ?? []).map((item) => item.id);
    if (items.length > 0) {
      on.CHECK = { guard: { type: 'isChecklistItem', params: { step: step.id, items } }, actions: 'tick' };
    }
  } else {
    on.CHOOSE = step.options.map((option) => ({
      guard: { type: 'isOption', params: { step: step.id, option: option.id } },
      target: `#${option.next}`,
    }));
  }
  return { id: step.id, on };
}

function timeoutTransition(step: { id: string; timeout?: { next: string } }): Record<string, unknown> {
  return step.timeout
    ? { TIMEOUT: { guard: { type: 'isStep', params: { step: step.id } }, target: `#${step.timeout.next}` } }
    : {};
}

/** The leaf state names of a state value: the steps a run is at (finished track ends included). */
export function stateLeaves(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap((child) => (child === undefined ? [] : stateLeaves(child)));
}
