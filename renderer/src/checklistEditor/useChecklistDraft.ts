// The checklist editor's hold on a draft: its session (checklistDraftSession.ts) as React state, with what the window
// may do with it now (read-only while in review, or for a trainer or a locked window).
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApi } from '../api/ApiContext';
import { useSession } from '../people/SessionContext';
import type { ChecklistEdit } from './checklistEdits';
import { checklistSessionFor, type ChecklistDraftSnapshot, type SubmitResult } from './checklistDraftSession';

export type { ChecklistDraftSnapshot, DraftLoad, SaveState, SubmitResult } from './checklistDraftSession';

/** Why the draft cannot be edited here now (undefined: it can). */
export type ReadOnlyReason = 'in-review' | 'trainer' | 'locked' | undefined;

export interface ChecklistDraft extends ChecklistDraftSnapshot {
  readOnly: ReadOnlyReason;
  /** Which items are open in the form (kept across a remount). */
  openItems: Set<string>;
  edit(edit: ChecklistEdit): void;
  /** Undo or redo; answers the item the change was about, when it was about one. */
  travel(direction: 'undo' | 'redo'): { itemId?: string } | undefined;
  /** Saves at once (the retry of a failed save). */
  saveNow(): Promise<void>;
  reload(): Promise<void>;
  revise(): Promise<void>;
  /** Saves what is pending first; 'unsaved' when that failed (nothing was submitted). */
  submit(note: string): Promise<SubmitResult>;
  discard(): Promise<boolean>;
}

export function useChecklistDraft(checklistId: string): ChecklistDraft {
  const api = useApi();
  const session = useSession();
  const draftSession = useMemo(() => checklistSessionFor(checklistId), [checklistId]);
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
    (e: ChecklistEdit) => {
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
    openItems: draftSession.openItems,
    edit,
    travel,
    saveNow: () => draftSession.flush(),
    reload: () => draftSession.load(),
    revise: () => draftSession.revise(),
    submit: (note) => draftSession.submit(note),
    discard: () => draftSession.discard(),
  };
}
