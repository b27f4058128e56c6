// The editor screen's hold on a draft: its session (draftSession.ts) as React state, with what the window may do
// with it now (read-only while in review, or for a trainer or a locked window).
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApi } from '../api/ApiContext';
import { useSession } from '../people/SessionContext';
import { sessionFor, type DraftSnapshot, type ScreenMemory, type SubmitResult } from './draftSession';
import type { PlanEdit } from './editorModel';

export type { DraftLoad, DraftSnapshot, SaveState, ScreenMemory, SubmitResult } from './draftSession';

/** Why the draft cannot be edited here now (undefined: it can). */
export type ReadOnlyReason = 'in-review' | 'trainer' | 'locked' | undefined;

export interface DraftEditor extends DraftSnapshot {
  readOnly: ReadOnlyReason;
  memory: ScreenMemory;
  edit(edit: PlanEdit): void;
  /** Undo or redo; answers what the change was about: a step, or (no stepId) the plan's own fields. */
  travel(direction: 'undo' | 'redo'): { stepId?: string } | undefined;
  /** Saves at once (the retry of a failed save). */
  saveNow(): Promise<void>;
  reload(): Promise<void>;
  revise(): Promise<void>;
  /** Saves what is pending first; 'unsaved' when that failed (nothing was submitted). */
  submit(note: string): Promise<SubmitResult>;
  discard(): Promise<boolean>;
}

export function useDraftEditor(planId: string): DraftEditor {
  const api = useApi();
  const session = useSession();
  const draftSession = useMemo(() => sessionFor(planId), [planId]);
  const snapshot = useSyncExternalStore(draftSession.subscribe, draftSession.getSnapshot);
  const { withUnlock } = session;
  useEffect(() => draftSession.attach({ api, withUnlock }), [draftSession, api, withUnlock]);

  const readOnly: ReadOnlyReason =
    snapshot.load.kind === 'ready' && snapshot.load.draft.status === 'in-review'
      ? 'in-review'
      : session.mayEditAs('manager')
        ? undefined
        : session.role === null && session.lapsed === null
          ? 'locked'
          : 'trainer';

  const edit = useCallback(
    (e: PlanEdit) => {
      if (!readOnly) draftSession.edit(e);
    },
    [draftSession, readOnly],
  );
  const travel = useCallback(
    (direction: 'undo' | 'redo') => (readOnly ? undefined : draftSession.travel(direction)),
    [draftSession, readOnly],
  );
  return {
    ...snapshot,
    readOnly,
    memory: draftSession.memory,
    edit,
    travel,
    saveNow: () => draftSession.flush(),
    reload: () => draftSession.load(),
    revise: () => draftSession.revise(),
    submit: (note) => draftSession.submit(note),
    discard: () => draftSession.discard(),
  };
}
