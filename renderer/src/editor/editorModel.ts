// The plan editor's state, pure (no React, no DOM): the plan being edited and its undo/redo history, kept as
// immer patches. Every edit is a named operation (planEdits.ts); typing into one field coalesces into one step
// of history, so undo takes back a word or a sentence, not a keystroke. Also: the live findings of a plan.
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { followOnFindings } from '../../../shared/plan/analysis';
import { checkPlanDocument } from '../../../shared/plan/checkPlan';
import type { Finding } from '../../../shared/plan/findings';
import type { Plan } from '../../../shared/plan/schema';
import { applyEdit, type PlanEdit } from './planEdits';
import { freshId } from './ids';
import { allStepIds, locateStep, type TrackRef } from './stepLocation';

export {
  applyEdit,
  DEFAULT_TIMEOUT_SECONDS,
  idProblem,
  type EdgeHandle,
  type PlanEdit,
  type StepKind,
} from './planEdits';
export { locateStep, type TrackRef } from './stepLocation';

enablePatches();

/** Enough for an afternoon's work; older steps are dropped first. */
export const HISTORY_LIMIT = 200;
/** Edits of the same field this close together are one step of history. */
export const COALESCE_MS = 1000;

export interface HistoryEntry {
  patches: Patch[];
  inverse: Patch[];
  /** Set for edits that coalesce (typing into one field): the field. */
  key?: string;
  /** When the entry was last extended (ms; only compared with other `now`s given to `perform`). */
  at: number;
  /** The step the edit was about, so undo can show it (absent: the plan's own fields, roles, contacts). */
  stepId?: string;
}

export interface EditorState {
  plan: Plan;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export function createEditor(plan: Plan): EditorState {
  return { plan, past: [], future: [] };
}

/** Applies one edit; an edit that changes nothing leaves the state (and history) as it was. */
export function perform(state: EditorState, edit: PlanEdit, now = 0): EditorState {
  const [plan, patches, inverse] = produceWithPatches(state.plan, (draft) => applyEdit(draft as Plan, edit));
  if (patches.length === 0) return state;
  const key = coalesceKey(edit);
  const last = state.past.at(-1);
  if (key !== undefined && last?.key === key && state.future.length === 0 && now - last.at <= COALESCE_MS) {
    const merged = { ...last, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], at: now };
    return { plan, past: [...state.past.slice(0, -1), merged], future: [] };
  }
  const stepId = stepOf(edit);
  const entry: HistoryEntry = {
    patches,
    inverse,
    at: now,
    ...(key === undefined ? {} : { key }),
    ...(stepId === undefined ? {} : { stepId }),
  };
  return { plan, past: [...state.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

export function canUndo(state: EditorState): boolean {
  return state.past.length > 0;
}

export function canRedo(state: EditorState): boolean {
  return state.future.length > 0;
}

export function undo(state: EditorState): EditorState {
  const entry = state.past.at(-1);
  if (!entry) return state;
  return {
    plan: applyPatches(state.plan, entry.inverse),
    past: state.past.slice(0, -1),
    future: [...state.future, entry],
  };
}

export function redo(state: EditorState): EditorState {
  const entry = state.future.at(-1);
  if (!entry) return state;
  return {
    plan: applyPatches(state.plan, entry.patches),
    past: [...state.past, entry],
    future: state.future.slice(0, -1),
  };
}

/** What the undo (after `undo`) or redo (after `redo`) just made was about: a step, or (no stepId) the plan. */
export function lastMoved(state: EditorState, direction: 'undo' | 'redo'): { stepId?: string } | undefined {
  const entry = (direction === 'undo' ? state.future : state.past).at(-1);
  return entry && (entry.stepId === undefined ? {} : { stepId: entry.stepId });
}

/**
 * What the library would say of this plan: the schema and analysis (checkPlanDocument), and follow-ons that name
 * no plan in the library (`knownPlanIds`), as the backend's check of a draft does.
 */
export function liveFindings(plan: unknown, knownPlanIds?: ReadonlySet<string>): Finding[] {
  const check = checkPlanDocument(plan);
  if (!check.plan || !knownPlanIds) return check.findings;
  // followOnFindings also reports a plan naming itself, which checkPlanDocument already did.
  const unknown = followOnFindings(check.plan, knownPlanIds).filter((f) => f.code === 'unknown-follow-on');
  return [...check.findings, ...unknown];
}

/**
 * What the library adds to a saved plan's own check (contacts the branch has not filled in, follow-ons to plans
 * only it knows of): the backend's findings of `saved` that checking it here does not give.
 */
export function libraryFindings(backendFindings: readonly Finding[], saved: unknown): Finding[] {
  const own = new Set(liveFindings(saved).map(findingKey));
  return backendFindings.filter((f) => !own.has(findingKey(f)));
}

/** The live findings, then the library's (as of the last save) that they do not already say. */
export function withLibraryFindings(live: readonly Finding[], library: readonly Finding[]): Finding[] {
  const said = new Set(live.map(findingKey));
  return [...live, ...library.filter((f) => !said.has(findingKey(f)))];
}

const findingKey = (f: Finding) => `${f.code} ${f.path}`;

// ---- new ids for the add operations ----

const STEP_ID_BASE = { action: 'action', decision: 'decision', end: 'end', parallel: 'parallel' } as const;

/** An add-step edit with a fresh id: after `after` in its scope, or at the end of the plan or of `track`. */
export function addStepEdit(
  plan: Plan,
  kind: keyof typeof STEP_ID_BASE,
  where: { after?: string; track?: TrackRef },
): Extract<PlanEdit, { type: 'step.add' }> {
  const inTrack = where.track !== undefined || (where.after !== undefined && !!locateStep(plan, where.after)?.track);
  const base = kind === 'end' && inTrack ? 'track-end' : STEP_ID_BASE[kind];
  return { type: 'step.add', kind, id: freshId(base, allStepIds(plan)), ...where };
}

export function freshRoleId(plan: Plan): string {
  return freshId('role', new Set(plan.roles.map((r) => r.id)));
}

export function freshContactId(plan: Plan): string {
  return freshId('contact', new Set(plan.contacts.map((c) => c.id)));
}

/** A checklist item or option id not used in that step. */
export function freshPartId(plan: Plan, stepId: string, part: 'item' | 'option'): string {
  const step = locateStep(plan, stepId)?.step;
  const ids =
    part === 'item'
      ? step?.kind === 'action'
        ? (step.checklist ?? []).map((i) => i.id)
        : []
      : step?.kind === 'decision'
        ? step.options.map((o) => o.id)
        : [];
  return freshId(part, new Set(ids));
}

// ---- the shape a draft must have to be edited in the form ----

const STEP_KINDS = new Set(['action', 'decision', 'end', 'parallel']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isArrayOf = (value: unknown, item: (v: unknown) => boolean): boolean => Array.isArray(value) && value.every(item);
const isText = (value: unknown) => isObject(value);
const hasId = (value: unknown) => isObject(value) && typeof value.id === 'string';

function isEditableStep(value: unknown, inTrack: boolean): boolean {
  if (!hasId(value) || !isObject(value) || !STEP_KINDS.has(value.kind as string)) return false;
  if (!inTrack || value.kind !== 'end') if (!isText(value.title)) return false;
  if (value.kind === 'decision')
    return isArrayOf(value.options, (o) => hasId(o) && isText((o as { label?: unknown }).label));
  if (value.kind === 'parallel') {
    if (inTrack) return false;
    return isArrayOf(
      value.tracks,
      (t) => isObject(t) && isArrayOf(t.steps, (s) => isEditableStep(s, true)) && typeof t.start === 'string',
    );
  }
  if (value.kind === 'action' && value.checklist !== undefined) {
    return isArrayOf(value.checklist, (i) => hasId(i) && isText((i as { text?: unknown }).text));
  }
  return true;
}

/**
 * The draft's plan when it has the shape the form edits (lists where lists belong, texts as objects, known step
 * kinds). Values may still break the schema's rules (ids, numbers): analysis reports those, the form edits them.
 */
export function editablePlan(document: unknown): Plan | undefined {
  if (!isObject(document)) return undefined;
  const d = document;
  const ok =
    isText(d.title) &&
    isText(d.summary) &&
    (d.shortTitle === undefined || isText(d.shortTitle)) &&
    isObject(d.drill) &&
    typeof d.start === 'string' &&
    isArrayOf(d.roles, (r) => hasId(r) && isText((r as { title?: unknown }).title)) &&
    isArrayOf(d.contacts, (c) => hasId(c) && isText((c as { name?: unknown }).name)) &&
    (d.locations === undefined || Array.isArray(d.locations)) &&
    isArrayOf(d.steps, (s) => isEditableStep(s, false));
  return ok ? (document as Plan) : undefined;
}

// ---- history bookkeeping ----

/** The field an edit types into (its value left out): consecutive edits with the same key coalesce. */
function coalesceKey(edit: PlanEdit): string | undefined {
  switch (edit.type) {
    case 'plan.setText':
    case 'role.setText':
    case 'contact.setName':
    case 'step.setText':
    case 'checklist.setText':
    case 'option.setLabel': {
      const { value: _value, ...field } = edit;
      return JSON.stringify(field);
    }
    case 'contact.setPhone': {
      const { phone: _phone, ...field } = edit;
      return JSON.stringify(field);
    }
    case 'plan.setDrillDays':
      return edit.type;
    case 'step.setTargetSeconds': {
      const { seconds: _seconds, ...field } = edit;
      return JSON.stringify(field);
    }
    default:
      return undefined;
  }
}

function stepOf(edit: PlanEdit): string | undefined {
  if ('stepId' in edit) return edit.type === 'plan.setStart' ? undefined : edit.stepId;
  if (edit.type === 'step.add') return edit.id;
  if (edit.type === 'connect') return edit.from;
  if (edit.type === 'track.add') return edit.parallelId;
  if ('track' in edit && edit.track) return edit.track.parallelId;
  return undefined;
}
