// The improvement actions channels: opened from a drill's finding, changed, finished, and — for one that needs its
// plan changed — a draft of that plan opened in its name (a manager's, as every revision).
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { ACTION_MESSAGES as m } from '../../shared/messages/actions';
import type { ActionTracker } from '../actions/actionTracker';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { Sessions } from '../people/sessions';
import type { BranchLibrary } from '../plans/branchLibrary';

type ActionChannel = Extract<keyof Handlers, `actions.${string}`>;

export function actionHandlers(
  actions: ActionTracker,
  drills: ExerciseStore,
  plans: BranchLibrary,
  sessions: Sessions,
  draftStarted: (caller: Caller, view: ReturnType<BranchLibrary['draft']>) => ReturnType<BranchLibrary['draft']>,
): Pick<Handlers, ActionChannel> {
  const by = (caller: Caller) => {
    const user = sessions.requireUser(caller);
    return { userId: user.id, name: user.name };
  };
  return {
    'actions.list': async () => actions.list(),
    'actions.open': async ({ spec }, caller) => {
      const source = await drills.get(spec.source.exerciseId).catch(() => undefined);
      if (!source) throw new ApiError({ code: 'invalid-input', message: m.unknownSource(spec.source.exerciseId) });
      return actions.open({ ...spec, source: { ...spec.source, title: source.spec.title } }, by(caller));
    },
    'actions.update': async ({ actionId, ...change }, caller) => actions.update(actionId, change, by(caller)),
    'actions.finish': async ({ actionId, status, note }, caller) => actions.finish(actionId, status, note, by(caller)),
    'actions.revisePlan': async ({ actionId }, caller) => {
      const action = actions.get(actionId);
      const planId = action.spec.planId;
      if (!planId || action.closed) throw new ApiError({ code: 'invalid-input', message: m.noPlan(actionId) });
      const opened = !plans.hasDraft(planId);
      const view = plans.revise(planId, by(caller), {
        actionId,
        title: action.spec.title,
        source: action.spec.source.title,
      });
      actions.draftOpened(actionId, by(caller));
      return opened ? draftStarted(caller, view) : view;
    },
  };
}
