// The checklist editor's hold on a template's draft: the plan editor's draft session (../editor/draftSession.ts,
// ../editor/useDraft.ts) on the checklists.* channels with the checklist editor's model (checklistHistory.ts).
import { useMemo } from 'react';
import type { ChecklistFinding } from '../../../shared/checklist/findings';
import type { Checklist } from '../../../shared/checklist/schema';
import { draftSessions, type DraftKind } from '../editor/draftSession';
import { useDraft, type DraftHandle } from '../editor/useDraft';
import { editableChecklist, type ChecklistEdit } from './checklistEdits';
import {
  canRedo,
  canUndo,
  createChecklistEditor,
  lastItem,
  libraryFindings,
  performEdit,
  redo,
  undo,
  type ChecklistEditorState,
} from './checklistHistory';

export interface ChecklistDraftTypes {
  document: Checklist;
  edit: ChecklistEdit;
  state: ChecklistEditorState;
  finding: ChecklistFinding;
  /** The item the change was about, when it was about one. */
  focus: { itemId?: string };
  /** Which items are open in the form. */
  memory: { openItems: Set<string> };
}

const CHECKLIST_DRAFTS: DraftKind<ChecklistDraftTypes> = {
  channels: {
    draft: (api, checklistId) => api.call('checklists.draft', { checklistId }),
    revise: (api, checklistId) => api.call('checklists.revise', { checklistId }),
    save: (api, checklistId, revision, checklist) =>
      api.call('checklists.saveDraft', { checklistId, revision, checklist }),
    submit: (api, checklistId, note) => api.call('checklists.submit', { checklistId, note }),
    discard: (api, checklistId) => api.call('checklists.discardDraft', { checklistId }),
  },
  model: {
    editable: editableChecklist,
    create: createChecklistEditor,
    documentOf: (state) => state.checklist,
    perform: performEdit,
    canUndo,
    canRedo,
    undo,
    redo,
    travelled: (state, direction) => {
      const itemId = lastItem(state, direction);
      return itemId === undefined ? {} : { itemId };
    },
    libraryFindings,
  },
  newMemory: () => ({ openItems: new Set<string>() }),
  // In review now: the next visit loads it afresh.
  forgetOnSubmit: true,
};

const sessionFor = draftSessions(CHECKLIST_DRAFTS);

export type ChecklistDraft = DraftHandle<ChecklistDraftTypes>;

export function useChecklistDraft(checklistId: string): ChecklistDraft {
  return useDraft(useMemo(() => sessionFor(checklistId), [checklistId]));
}
