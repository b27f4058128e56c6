// The plan editor's hold on a plan's draft: the generic draft session (draftSession.ts, useDraft.ts) on the plans.*
// channels with the plan editor's model (editorModel.ts).
import { useMemo } from 'react';
import type { Finding } from '../../../shared/plan/findings';
import type { Plan } from '../../../shared/plan/schema';
import { draftSessions, type DraftKind } from './draftSession';
import {
  canRedo,
  canUndo,
  createEditor,
  editablePlan,
  lastMoved,
  libraryFindings,
  locateStep,
  perform,
  redo,
  undo,
  type EditorState,
  type PlanEdit,
} from './editorModel';
import { useDraft, type DraftHandle } from './useDraft';

export type { DraftLoad, SaveState, SubmitResult } from './draftSession';
export type { ReadOnlyReason } from './useDraft';

/** What the screen remembers across a remount (see draftSession.ts). */
export interface ScreenMemory {
  selected?: string;
  focusId?: string;
  /** The selection in that input, when it is a text field. */
  caret?: [number, number];
  /** Whether the diagram was hidden. */
  diagramHidden?: boolean;
}

export interface PlanDraftTypes {
  document: Plan;
  edit: PlanEdit;
  state: EditorState;
  finding: Finding;
  /** A step, or (no stepId) the plan's own fields. */
  focus: { stepId?: string };
  memory: ScreenMemory;
}

const PLAN_DRAFTS: DraftKind<PlanDraftTypes> = {
  channels: {
    draft: (api, planId) => api.call('plans.draft', { planId }),
    revise: (api, planId) => api.call('plans.revise', { planId }),
    save: (api, planId, revision, plan) => api.call('plans.saveDraft', { planId, revision, plan }),
    submit: (api, planId, note) => api.call('plans.submit', { planId, note }),
    discard: (api, planId) => api.call('plans.discardDraft', { planId }),
  },
  model: {
    editable: editablePlan,
    create: createEditor,
    documentOf: (state) => state.plan,
    perform,
    canUndo,
    canRedo,
    undo,
    redo,
    travelled: (state, direction) => {
      const moved = lastMoved(state, direction);
      // A step that the change took away (undoing its addition) cannot be shown.
      return moved?.stepId === undefined || locateStep(state.plan, moved.stepId) ? moved : undefined;
    },
    libraryFindings,
  },
  newMemory: () => ({}),
  forgetOnSubmit: false,
};

const sessionFor = draftSessions(PLAN_DRAFTS);

export type DraftEditor = DraftHandle<PlanDraftTypes>;

export function useDraftEditor(planId: string): DraftEditor {
  return useDraft(useMemo(() => sessionFor(planId), [planId]));
}
