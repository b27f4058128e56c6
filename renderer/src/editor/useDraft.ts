// An editor screen's hold on a draft: its session (draftSession.ts) as React state, with what the window may do with
// it now (read-only while in review, or for a trainer or a locked window). The plan and checklist editors both.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApi } from '../api/ApiContext';
import { useSession } from '../people/SessionContext';
import type { DraftSession, DraftSnapshot, DraftTypes, SubmitResult } from './draftSession';

/** Why the draft cannot be edited here now (undefined: it can). */
export type ReadOnlyReason = 'in-review' | 'trainer' | 'locked' | undefined;

export interface DraftHandle<T extends DraftTypes> extends DraftSnapshot<T> {
  readOnly: ReadOnlyReason;
  /** What the screen keeps across a remount. */
  memory: T['memory'];
  edit(edit: T['edit']): void;
  /** Undo or redo; answers what the change was about, for the screen to show it. */
  travel(direction: 'undo' | 'redo'): T['focus'] | undefined;
  /** Saves at once (the retry of a failed save). */
  saveNow(): Promise<void>;
  reload(): Promise<void>;
  revise(): Promise<void>;
  /** Saves what is pending first; 'unsaved' when that failed (nothing was submitted). */
  submit(note: string): Promise<SubmitResult>;
  discard(): Promise<boolean>;
}

export function useDraft<T extends DraftTypes>(draftSession: DraftSession<T>): DraftHandle<T> {
  const api = useApi();
  const session = useSession();
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
    (e: T['edit']) => {
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
