// The checklist editor's state, pure: the template being edited and its undo/redo history as immer patches (the
// plan editor's scheme, renderer/src/editor/editorModel.ts). Typing into one field coalesces into one step of
// history, so undo takes back a word, not a keystroke. Each step remembers the item it was about, to show it again.
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { checkChecklistDocument } from '../../../shared/checklist/checkChecklist';
import type { ChecklistFinding } from '../../../shared/checklist/findings';
import type { Checklist } from '../../../shared/checklist/schema';
import { applyChecklistEdit, type ChecklistEdit } from './checklistEdits';

enablePatches();

export const HISTORY_LIMIT = 200;
/** Edits of the same field this close together (ms) are one step of history. */
export const COALESCE_MS = 1000;

interface HistoryEntry {
  patches: Patch[];
  inverse: Patch[];
  /** Set for edits that type into a field: consecutive ones with the same key coalesce. */
  key?: string;
  at: number;
  /** The item the edit was about (absent: the template's own fields or a section). */
  itemId?: string;
}

export interface ChecklistEditorState {
  checklist: Checklist;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export function createChecklistEditor(checklist: Checklist): ChecklistEditorState {
  return { checklist, past: [], future: [] };
}

/** Applies one edit; an edit that changes nothing leaves the state (and history) as it was. */
export function performEdit(state: ChecklistEditorState, edit: ChecklistEdit, now = 0): ChecklistEditorState {
  const [checklist, patches, inverse] = produceWithPatches(state.checklist, (draft) =>
    applyChecklistEdit(draft as Checklist, edit),
  );
  if (patches.length === 0) return state;
  const key = coalesceKey(edit);
  const last = state.past.at(-1);
  if (key !== undefined && last?.key === key && state.future.length === 0 && now - last.at <= COALESCE_MS) {
    const merged = { ...last, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], at: now };
    return { checklist, past: [...state.past.slice(0, -1), merged], future: [] };
  }
  const itemId = edit.type === 'item.rename' ? edit.to : 'itemId' in edit ? edit.itemId : undefined;
  const entry: HistoryEntry = {
    patches,
    inverse,
    at: now,
    ...(key === undefined ? {} : { key }),
    ...(edit.type === 'item.add' ? { itemId: edit.id } : itemId === undefined ? {} : { itemId }),
  };
  return { checklist, past: [...state.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

export const canUndo = (state: ChecklistEditorState) => state.past.length > 0;
export const canRedo = (state: ChecklistEditorState) => state.future.length > 0;

export function undo(state: ChecklistEditorState): ChecklistEditorState {
  const entry = state.past.at(-1);
  if (!entry) return state;
  return {
    checklist: applyPatches(state.checklist, entry.inverse),
    past: state.past.slice(0, -1),
    future: [...state.future, entry],
  };
}

export function redo(state: ChecklistEditorState): ChecklistEditorState {
  const entry = state.future.at(-1);
  if (!entry) return state;
  return {
    checklist: applyPatches(state.checklist, entry.patches),
    past: [...state.past, entry],
    future: state.future.slice(0, -1),
  };
}

/** The item the undo (after `undo`) or redo (after `redo`) just changed, when it was about one. */
export function lastItem(state: ChecklistEditorState, direction: 'undo' | 'redo'): string | undefined {
  return (direction === 'undo' ? state.future : state.past).at(-1)?.itemId;
}

/** What the check says of a template as edited (the same check the library runs on each save). */
export function checklistFindings(checklist: unknown): ChecklistFinding[] {
  return checkChecklistDocument(checklist).findings;
}

/**
 * What the library's answer to a save adds to the template's own check (today nothing: a template names nothing
 * outside itself; kept so a library rule added later shows here too): its findings of `saved` not found by checking it.
 */
export function libraryFindings(backendFindings: readonly ChecklistFinding[], saved: unknown): ChecklistFinding[] {
  const own = new Set(checklistFindings(saved).map(findingKey));
  return backendFindings.filter((f) => !own.has(findingKey(f)));
}

/** The live findings, then the library's (as of the last save) that they do not already say. */
export function withLibraryFindings(
  live: readonly ChecklistFinding[],
  library: readonly ChecklistFinding[],
): ChecklistFinding[] {
  if (library.length === 0) return live as ChecklistFinding[];
  const said = new Set(live.map(findingKey));
  return [...live, ...library.filter((f) => !said.has(findingKey(f)))];
}

const findingKey = (f: ChecklistFinding) => `${f.code} ${f.path}`;

function coalesceKey(edit: ChecklistEdit): string | undefined {
  switch (edit.type) {
    case 'template.setText':
    case 'section.setTitle':
    case 'item.setText': {
      const { value: _value, ...field } = edit;
      return JSON.stringify(field);
    }
    case 'template.setPassScore':
      return edit.type;
    case 'section.setWeight': {
      const { weight: _weight, ...field } = edit;
      return JSON.stringify(field);
    }
    case 'item.setNumber': {
      const { value: _value, ...field } = edit;
      return JSON.stringify(field);
    }
    default:
      return undefined;
  }
}
