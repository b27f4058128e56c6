// What every part of the checklist editor's form needs: the template as edited, the one way to change it, which
// items are open, and how to move the focus once the next render is on screen (a new item, a finding's input).
import { createContext, useContext } from 'react';
import type { Checklist } from '../../../shared/checklist/schema';
import type { ChecklistEdit } from './checklistEdits';

export interface ChecklistEditorApi {
  checklist: Checklist;
  edit(edit: ChecklistEdit): void;
  readOnly: boolean;
  isOpen(itemId: string): boolean;
  setOpen(itemId: string, open: boolean): void;
  /** Focuses an element by id once the next render is on screen (`fallback` when it cannot take the focus). */
  focusLater(id: string, fallback?: string): void;
}

const Context = createContext<ChecklistEditorApi | null>(null);

export const ChecklistEditorProvider = Context.Provider;

export function useChecklistEditor(): ChecklistEditorApi {
  const api = useContext(Context);
  if (!api) throw new Error('useChecklistEditor outside ChecklistEditorProvider');
  return api;
}
