// What the inspection screens work out from what the API returned, without React: the list's groups, each section's
// progress, where focus goes after an answer, what still stands in the way of signing, a rectification's defaults,
// and checks of what is typed before it is sent. Scores are never computed here: the view's `score` (from
// shared/checklist/score) is the one rule.
import { checklistItems, rectifyDaysOf, passAtOf } from '../../../shared/checklist/score';
import type { Checklist, ChecklistItem } from '../../../shared/checklist/schema';
import { addDays } from '../../../shared/drills/coverage';
import type { InspectionSummary, InspectionView } from '../../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../../shared/limits';

export type ItemResultName = InspectionView['score']['results'][string];

/** What a rectification's evidence asks for when the template says nothing. */
export const DEFAULT_EVIDENCE = '整改后照片及说明';

// ——— The list ———

export interface ListGroups {
  inProgress: InspectionSummary[];
  planned: InspectionSummary[];
  sealed: InspectionSummary[];
  cancelled: InspectionSummary[];
}

/**
 * In progress first (the one to continue), then planned (the soonest first), then sealed (the newest first), the
 * cancelled last. Ties keep the API's order (newest first).
 */
export function listGroups(summaries: readonly InspectionSummary[]): ListGroups {
  const of = (status: InspectionSummary['status']) => summaries.filter((s) => s.status === status);
  const by =
    (key: (s: InspectionSummary) => string, descending: boolean) => (a: InspectionSummary, b: InspectionSummary) =>
      descending ? key(b).localeCompare(key(a)) : key(a).localeCompare(key(b));
  return {
    inProgress: of('in-progress').sort(by((s) => s.begun?.at ?? '', true)),
    planned: of('planned').sort(by((s) => s.plan?.date ?? '', false)),
    sealed: of('sealed').sort(by((s) => s.sealed?.at ?? '', true)),
    cancelled: of('cancelled').sort(by((s) => s.cancelled?.at ?? '', true)),
  };
}

/** The later of two views of one inspection: a journal only grows, so more events is newer. */
export function newest<V extends { events: number }>(a: V | undefined, b: V | undefined): V | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.events > a.events ? b : a;
}

// ——— Progress ———

export interface SectionProgress {
  id: string;
  answered: number;
  total: number;
  failed: number;
}

export function sectionProgress(body: Checklist, results: InspectionView['score']['results']): SectionProgress[] {
  return body.sections.map((section) => {
    const of = section.items.map((item) => results[item.id] ?? 'unanswered');
    return {
      id: section.id,
      answered: of.filter((r) => r !== 'unanswered').length,
      total: of.length,
      failed: of.filter((r) => r === 'fail').length,
    };
  });
}

/** Items answered and in all. */
export function answeredCount(view: Pick<InspectionView, 'body' | 'score'>): { answered: number; total: number } {
  const total = checklistItems(view.body).length;
  return { answered: total - view.score.unanswered.length, total };
}

/** Must-photograph items without a photo yet, in checklist order. */
export function photosMissing(view: Pick<InspectionView, 'body' | 'items'>): string[] {
  return checklistItems(view.body)
    .filter(({ item }) => item.photo && (view.items[item.id]?.attachments.length ?? 0) === 0)
    .map(({ item }) => item.id);
}

/** What stands in the way of signing: items not answered and items not photographed that must be. */
export function signOffBlockers(view: Pick<InspectionView, 'body' | 'items' | 'score'>): {
  unanswered: string[];
  photoMissing: string[];
} {
  return { unanswered: [...view.score.unanswered], photoMissing: photosMissing(view) };
}

// ——— Focus after an answer ———

export type FocusTarget =
  | { kind: 'item'; itemId: string; sectionId: string }
  /** Nothing left in this section: the button that goes on to the next section (or to signing). */
  | { kind: 'continue' }
  /** The item is not in this checklist. */
  | { kind: 'none' };

/**
 * Where focus goes once an item's answer is durable: the next unanswered item in the same section; else, when the item
 * needs nothing more here (not failed, photographed if it must be), the next unanswered item of a later section (then
 * from the start); else the section's "continue" button (to the next section, or to signing once all is answered), so
 * a failed item's photo and note stay in view.
 */
export function focusAfterAnswer(view: Pick<InspectionView, 'body' | 'items' | 'score'>, itemId: string): FocusTarget {
  const all = checklistItems(view.body);
  const at = all.findIndex(({ item }) => item.id === itemId);
  if (at < 0) return { kind: 'none' };
  const sectionId = all[at]!.sectionId;
  const unanswered = new Set(view.score.unanswered);
  const after = [...all.slice(at + 1), ...all.slice(0, at)].filter(({ item }) => unanswered.has(item.id));
  const sameSection = after.find((entry) => entry.sectionId === sectionId);
  if (sameSection) return { kind: 'item', itemId: sameSection.item.id, sectionId };
  const item = all[at]!.item;
  const stays =
    view.score.results[itemId] === 'fail' ||
    (item.photo === true && (view.items[itemId]?.attachments.length ?? 0) === 0);
  const next = after[0];
  if (next && !stays) return { kind: 'item', itemId: next.item.id, sectionId: next.sectionId };
  return { kind: 'continue' };
}

// ——— Answers ———

/** The values of a score item's buttons, 0 … max, and the least that passes. */
export function scoreChoices(item: Extract<ChecklistItem, { kind: 'score' }>): { values: number[]; passAt: number } {
  return { values: Array.from({ length: item.max + 1 }, (_, i) => i), passAt: passAtOf(item) };
}

/**
 * A number as typed, full-width digits and point from a Chinese keyboard allowed; undefined when it is none. A comma
 * is refused rather than guessed at (a thousands separator, or a decimal one?).
 */
export function parseNumberInput(typed: string): number | undefined {
  const normalized = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/^[－﹣−]/, '-');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Files over the limit, refused before they are sent (the backend refuses them too, after the upload). */
export function tooLarge(file: { size: number }): boolean {
  return file.size > INSPECTION_LIMITS.attachmentBytes;
}

/** Megabytes for a message, rounded up to a tenth (a file just over 8 MB is never said to be 8 MB): 8 MB, 8.1 MB. */
export function megabytes(bytes: number): string {
  const tenths = Math.ceil(bytes / ((1024 * 1024) / 10));
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

// ——— Sign-off ———

export interface RectificationDraft {
  /** A user's id, or '' for someone named by hand. */
  userId: string;
  name: string;
  due: string;
  evidence: string;
}

/** A failed item's rectification as first offered: due in its rectify days from today (a local date), its evidence. */
export function defaultRectification(item: ChecklistItem, today: string): RectificationDraft {
  return {
    userId: '',
    name: '',
    due: addDays(today, rectifyDaysOf(item)),
    evidence: item.evidence?.['zh-CN']?.trim() || DEFAULT_EVIDENCE,
  };
}

export interface SignOffDraft {
  summary: string;
  representative: string;
  rectifications: Record<string, RectificationDraft>;
  pin: string;
}

export const EMPTY_SIGN_OFF: SignOffDraft = { summary: '', representative: '', rectifications: {}, pin: '' };

export type SignOffProblem = 'representative' | 'pin' | `owner:${string}` | `due:${string}` | `evidence:${string}`;

export interface SignOffInput {
  inspectionId: string;
  summary: string;
  branchRepresentative: string;
  rectifications: { itemId: string; owner: { userId?: string; name: string }; due: string; evidence: string }[];
  pin: string;
}

/**
 * The sign-off as the API takes it (one rectification per failed item, each with the defaults where nothing was
 * typed), or the fields still missing.
 */
export function signOffInput(
  view: Pick<InspectionView, 'body' | 'score' | 'summary'>,
  draft: SignOffDraft,
  today: string,
): { input: SignOffInput; problems: [] } | { input?: undefined; problems: SignOffProblem[] } {
  const items = new Map(checklistItems(view.body).map(({ item }) => [item.id, item]));
  const problems: SignOffProblem[] = [];
  if (!draft.representative.trim()) problems.push('representative');
  const rectifications = view.score.failed.map((itemId) => {
    const typed = draft.rectifications[itemId] ?? defaultRectification(items.get(itemId)!, today);
    const name = typed.name.trim();
    if (!name) problems.push(`owner:${itemId}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(typed.due)) problems.push(`due:${itemId}`);
    if (!typed.evidence.trim()) problems.push(`evidence:${itemId}`);
    return {
      itemId,
      owner: typed.userId ? { userId: typed.userId, name } : { name },
      due: typed.due,
      evidence: typed.evidence.trim(),
    };
  });
  if (!draft.pin) problems.push('pin');
  if (problems.length > 0) return { problems };
  return {
    input: {
      inspectionId: view.summary.id,
      summary: draft.summary.trim(),
      branchRepresentative: draft.representative.trim(),
      rectifications,
      pin: draft.pin,
    },
    problems: [],
  };
}

// ——— Starting ———

export interface StartDraft {
  checklistId: string;
  announced: boolean;
  place: string;
  inspectors: string[];
  date: string;
}

export type StartProblem = 'checklist' | 'inspectors' | 'date';

/** What is missing to start now (`date` is only asked for when planning). */
export function startProblems(draft: StartDraft, planning: boolean): StartProblem[] {
  const problems: StartProblem[] = [];
  if (!draft.checklistId) problems.push('checklist');
  if (!draft.inspectors.some((name) => name.trim())) problems.push('inspectors');
  if (planning && !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.push('date');
  return problems;
}

/** The inspectors as the API takes them: trimmed, none empty, each once. */
export function inspectorsOf(draft: StartDraft): string[] {
  return [...new Set(draft.inspectors.map((name) => name.trim()).filter(Boolean))];
}
