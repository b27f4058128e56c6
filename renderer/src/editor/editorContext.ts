// What every part of the editor's forms needs: the plan as edited, the one way to change it, and how to move the
// selection and the focus (a new step, a renamed one, a finding's input).
import { createContext, useContext } from 'react';
import type { Plan } from '../../../shared/plan/schema';
import type { PlanEdit } from './editorModel';

export interface EditorApi {
  plan: Plan;
  edit(edit: PlanEdit): void;
  readOnly: boolean;
  /** Selects a step (undefined: the plan's own fields), then focuses `focusId` once it is on screen. */
  select(stepId: string | undefined, focusId?: string): void;
  /** Focuses an element by id once the next render is on screen. */
  focusLater(id: string): void;
}

const EditorContext = createContext<EditorApi | null>(null);

export const EditorProvider = EditorContext.Provider;

export function useEditor(): EditorApi {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside EditorProvider');
  return editor;
}
