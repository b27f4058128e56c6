// The improvement actions channels: opened from a drill's finding, changed, finished, and — for one that needs its
// plan changed — a draft of that plan opened in its name (a manager's, as every revision).
import type { Caller, Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { ACTION_MESSAGES as m } from '../../shared/messages/actions';
import type { ActionTracker } from '../actions/actionTracker';
import type { ExerciseStore } from '../drills/exerciseStore';
import type { PeopleService } from '../people/peopleService';
import type { Sessions } from '../people/sessions';
import { roleAtLeast } from '../../shared/people/roles';
import type { BranchLibrary } from '../plans/branchLibrary';

type ActionChannel = Extract<keyof Handlers, `actions.${string}`>;

export function actionHandlers(
  actions: ActionTracker,
  drills: ExerciseStore,
  plans: BranchLibrary,
  people: PeopleService,
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
      // Rectifications are opened by an inspection's sign-off; by hand, an action comes from a drill.
      if (spec.source.kind !== 'drill') {
        throw new ApiError({ code: 'invalid-input', message: m.unknownInspection(spec.source.inspectionId) });
      }
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
    'actions.mine': async (_input, caller) => {
      const userId = sessions.requireUser(caller).id;
      return actions.list().filter((a) => a.spec.owner.userId === userId);
    },
    'actions.fix': async ({ actionId, note, files }, caller) => {
      const user = sessions.requireUser(caller);
      // A guard reports their own rectifications; trainers and above report anyone's (an owner from outside).
      if (!roleAtLeast(user.role, 'trainer') && actions.get(actionId).spec.owner.userId !== user.id) {
        throw new ApiError({ code: 'forbidden', message: m.notYours(actionId) });
      }
      const decoded = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
      const view = actions.fix(actionId, note, decoded, by(caller));
      people.audit('rectification.changed', user.id, { actionId, action: 'fixed', files: files.length });
      return view;
    },
    'actions.check': async ({ actionId, accepted, note }, caller) => {
      const user = sessions.requireUser(caller);
      const view = actions.check(actionId, accepted, note, by(caller));
      people.audit('rectification.changed', user.id, {
        actionId,
        action: accepted ? 'accepted' : 'rejected',
        ...(note ? { note } : {}),
      });
      return view;
    },
    'actions.evidence': async ({ actionId, sha256 }, caller) => {
      const user = sessions.requireUser(caller);
      if (!roleAtLeast(user.role, 'trainer') && actions.get(actionId).spec.owner.userId !== user.id) {
        throw new ApiError({ code: 'forbidden', message: m.notYours(actionId) });
      }
      const { ref, bytes } = actions.evidence(actionId, sha256);
      return { name: ref.name, mime: ref.mime, base64: bytes.toString('base64') };
    },
  };
}
