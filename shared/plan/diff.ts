// What changed between two versions of a plan: plan fields, steps (added, removed, renamed, moved, changed) and
// edges, matched by id rather than by position and listed in a stable order, for reviewers and the flow diagram.
// Near-linear: maps by id; moved steps are those outside a longest increasing subsequence (O(n log n) per scope).
import { valueChange, type TextSegment } from '../diff/textEdits';
import { canonicalJson } from '../json/canonicalJson';
import type { Localized, Plan, Step, TrackStep } from './schema';
import { indexSteps } from './stepIndex';

/** A field that differs, of the plan or of one step. */
export interface FieldChange {
  /**
   * Where, relative to the plan or to the step: `title.zh-CN`, `timeout.seconds`, `options[yes].next`,
   * `checklist[cash-locked].text.en`, `tracks[guard].start`. Items of keyed lists (roles, contacts, checklist items
   * and options by id, tracks by role) are named by key, never by index, so inserting one moves no other path.
   */
  path: string;
  /** `reordered`: the items a keyed list has in both versions come in another order; before/after list their keys. */
  kind: 'added' | 'removed' | 'changed' | 'reordered';
  before?: unknown;
  after?: unknown;
  /**
   * For a changed text (`….zh-CN`, `….en`): its edit, character by character where either version has Chinese (one
   * character changed reads as one), else word by word. Equal and deleted segments spell `before`, equal and
   * inserted ones `after`.
   */
  text?: TextSegment[];
}

export type { TextSegment };

/** The top level of the plan, or one track (named by its role) of a parallel step. */
export type StepScope = { kind: 'plan' } | { kind: 'track'; parallel: string; track: string };

export interface StepPosition {
  scope: StepScope;
  /** 0-based, among the steps of its scope. */
  index: number;
}

/**
 * One step that differs. `kind` is the headline (renamed, else moved, else changed); a renamed or moved step may
 * also carry `moved` and `fields`. Ids and scopes are those of the new version, except for a removed step.
 */
export interface StepChange {
  kind: 'added' | 'removed' | 'renamed' | 'moved' | 'changed';
  stepId: string;
  /** The id in the old version, for a renamed step. */
  previousId?: string;
  title?: Localized;
  scope: StepScope;
  /** Set when the step left the longest run of steps that kept their order in its scope, or changed scope. */
  moved?: { from: StepPosition; to: StepPosition };
  /** Its fields that differ; references to renamed steps are compared under their new ids. Empty when added/removed. */
  fields: FieldChange[];
}

/** Which edge of a step: its `next`, an option, its timeout, a track's start (parallel → first step), a track's end
 * joining its parallel step. The plan's own `start` is a plan field. */
export type EdgeVia =
  | { kind: 'next' }
  | { kind: 'timeout' }
  | { kind: 'option'; option: string }
  | { kind: 'track-start'; track: string }
  | { kind: 'join'; track: string };

export interface EdgeChange {
  kind: 'added' | 'removed';
  from: string;
  to: string;
  via: EdgeVia;
}

export interface PlanDiff {
  fields: FieldChange[];
  steps: StepChange[];
  edges: EdgeChange[];
}

export interface DiffCounts {
  stepsAdded: number;
  stepsRemoved: number;
  stepsRenamed: number;
  stepsMoved: number;
  /** Steps in both versions with at least one field changed. */
  stepsChanged: number;
  planFields: number;
  edgesAdded: number;
  edgesRemoved: number;
}

export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const old = placeSteps(before);
  const now = placeSteps(after);
  const renames = findRenames(old, now);
  const toNew = (id: string): string => renames.get(id) ?? id;
  const order = displayOrder(old, now, toNew);
  const rank = (id: string): number => order.get(id) ?? order.size;

  const { steps: _oldSteps, $schema: _oldHint, ...oldFields } = before;
  const { steps: _newSteps, $schema: _newHint, ...newFields } = after;
  const fields: FieldChange[] = [];
  compareRecords('', { ...oldFields, start: toNew(before.start) }, newFields, fields);

  return { fields, steps: stepChanges(old, now, toNew, rank), edges: edgeChanges(old, now, toNew, rank) };
}

export function countChanges(diff: PlanDiff): DiffCounts {
  const steps = (test: (s: StepChange) => boolean): number => diff.steps.filter(test).length;
  return {
    stepsAdded: steps((s) => s.kind === 'added'),
    stepsRemoved: steps((s) => s.kind === 'removed'),
    stepsRenamed: steps((s) => s.kind === 'renamed'),
    stepsMoved: steps((s) => s.moved !== undefined),
    stepsChanged: steps((s) => s.fields.length > 0),
    planFields: diff.fields.length,
    edgesAdded: diff.edges.filter((e) => e.kind === 'added').length,
    edgesRemoved: diff.edges.filter((e) => e.kind === 'removed').length,
  };
}

export function isEmpty(diff: PlanDiff): boolean {
  return diff.fields.length === 0 && diff.steps.length === 0 && diff.edges.length === 0;
}

// ── Steps ──────────────────────────────────────────────────────────────────────────────────────────────────────

interface PlacedStep {
  step: Step | TrackStep;
  scope: StepScope;
  index: number;
}

/** Every step by id, in reading order (each parallel step followed by its tracks' steps); first wins on a repeat. */
function placeSteps(plan: Plan): Map<string, PlacedStep> {
  const placed = new Map<string, PlacedStep>();
  const sizes = new Map<string, number>();
  for (const [id, { step, parallel, track }] of indexSteps(plan)) {
    const scope: StepScope =
      parallel && track ? { kind: 'track', parallel: parallel.id, track: track.role } : { kind: 'plan' };
    const key = scopeKey(scope);
    const index = sizes.get(key) ?? 0;
    sizes.set(key, index + 1);
    placed.set(id, { step, scope, index });
  }
  return placed;
}

const same = (id: string): string => id;

function append<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

function scopeKey(scope: StepScope, toNew: (id: string) => string = same): string {
  return scope.kind === 'plan' ? '' : `${toNew(scope.parallel)}\n${scope.track}`;
}

function scopeIn(scope: StepScope, toNew: (id: string) => string): StepScope {
  return scope.kind === 'plan' ? scope : { ...scope, parallel: toNew(scope.parallel) };
}

/**
 * Old id → new id for steps whose id alone changed: a removed and an added step of the same scope with the same
 * content apart from ids, or else of the same kind and zh-CN title. Top level first, so that the tracks of a
 * renamed parallel step are the same scopes in both versions.
 */
function findRenames(old: Map<string, PlacedStep>, now: Map<string, PlacedStep>): Map<string, string> {
  const renames = new Map<string, string>();
  const toNew = (id: string): string => renames.get(id) ?? id;
  for (const topLevel of [true, false]) {
    const removed = new Map<string, string[]>(); // scope → ids
    const added = new Map<string, string[]>();
    for (const [id, p] of old) {
      if (!now.has(id) && (p.scope.kind === 'plan') === topLevel) append(removed, scopeKey(p.scope, toNew), id);
    }
    for (const [id, p] of now) {
      if (!old.has(id) && (p.scope.kind === 'plan') === topLevel) append(added, scopeKey(p.scope), id);
    }
    for (const [scope, ids] of removed) {
      for (const likeness of [sameContent, sameKindAndTitle]) {
        pair(ids, added.get(scope) ?? [], old, now, likeness, renames);
      }
    }
  }
  return renames;
}

/** Pairs each removed step with the first unpaired added step that is alike, in document order. */
function pair(
  removed: readonly string[],
  added: readonly string[],
  old: Map<string, PlacedStep>,
  now: Map<string, PlacedStep>,
  likeness: (step: Step | TrackStep) => string | undefined,
  renames: Map<string, string>,
): void {
  const taken = new Set(renames.values());
  const candidates = new Map<string, string[]>();
  for (const id of [...added].reverse()) {
    const key = taken.has(id) ? undefined : likeness(now.get(id)!.step);
    if (key !== undefined) append(candidates, key, id);
  }
  for (const id of removed) {
    const key = renames.has(id) ? undefined : likeness(old.get(id)!.step);
    const match = key === undefined ? undefined : candidates.get(key)?.pop();
    if (match !== undefined) renames.set(id, match);
  }
}

const sameContent = (step: Step | TrackStep): string => canonicalJson(comparable(step, () => ''));

function sameKindAndTitle(step: Step | TrackStep): string | undefined {
  const title = step.title?.['zh-CN']?.trim();
  return title ? `${step.kind}\n${title}` : undefined;
}

/** A step as compared: its id and references through `toNew`; a parallel step's tracks without their steps
 * (those are compared as steps of their own). */
function comparable(step: Step | TrackStep, toNew: (id: string) => string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...step, id: toNew(step.id) };
  if ('next' in step) copy.next = toNew(step.next);
  if ('timeout' in step && step.timeout) copy.timeout = { ...step.timeout, next: toNew(step.timeout.next) };
  if (step.kind === 'decision') copy.options = step.options.map((o) => ({ ...o, next: toNew(o.next) }));
  if (step.kind === 'parallel') copy.tracks = step.tracks.map((t) => ({ role: t.role, start: toNew(t.start) }));
  return copy;
}

/** Reading order of the new version, each removed step placed after the step it followed in the old one. */
function displayOrder(
  old: Map<string, PlacedStep>,
  now: Map<string, PlacedStep>,
  toNew: (id: string) => string,
): Map<string, number> {
  const following = new Map<string, string[]>(); // new id ('' for the very start) → removed steps after it
  let anchor = '';
  for (const id of old.keys()) {
    if (now.has(toNew(id))) anchor = toNew(id);
    else append(following, anchor, id);
  }
  const order = new Map<string, number>();
  const put = (id: string): void => void order.set(id, order.size);
  following.get('')?.forEach(put);
  for (const id of now.keys()) {
    put(id);
    following.get(id)?.forEach(put);
  }
  return order;
}

function stepChanges(
  old: Map<string, PlacedStep>,
  now: Map<string, PlacedStep>,
  toNew: (id: string) => string,
  rank: (id: string) => number,
): StepChange[] {
  const moves = findMoves(old, now, toNew);
  const paired = new Set<string>();
  const changes: StepChange[] = [];
  const titled = (step: Step | TrackStep) => (step.title ? { title: step.title } : {});
  for (const [oldId, was] of old) {
    const id = toNew(oldId);
    const is = now.get(id);
    if (!is) {
      changes.push({
        kind: 'removed',
        stepId: oldId,
        ...titled(was.step),
        scope: scopeIn(was.scope, toNew),
        fields: [],
      });
      continue;
    }
    paired.add(id);
    const fields: FieldChange[] = [];
    compareRecords('', comparable(was.step, toNew), comparable(is.step, same), fields);
    const moved = moves.get(id);
    const renamed = oldId !== id;
    if (!renamed && !moved && fields.length === 0) continue;
    changes.push({
      kind: renamed ? 'renamed' : moved ? 'moved' : 'changed',
      stepId: id,
      ...(renamed ? { previousId: oldId } : {}),
      ...titled(is.step),
      scope: is.scope,
      ...(moved ? { moved } : {}),
      fields,
    });
  }
  for (const [id, is] of now) {
    if (!paired.has(id)) changes.push({ kind: 'added', stepId: id, ...titled(is.step), scope: is.scope, fields: [] });
  }
  return changes.sort((a, b) => rank(a.stepId) - rank(b.stepId));
}

/**
 * Steps in both versions that moved: those that changed scope, and per scope those outside a longest subsequence
 * that kept its order, so one step inserted or moved never makes every later step "moved".
 */
function findMoves(
  old: Map<string, PlacedStep>,
  now: Map<string, PlacedStep>,
  toNew: (id: string) => string,
): Map<string, { from: StepPosition; to: StepPosition }> {
  const moves = new Map<string, { from: StepPosition; to: StepPosition }>();
  const stayed = new Map<string, { id: string; was: PlacedStep; is: PlacedStep }[]>(); // scope → in old order
  for (const [oldId, was] of old) {
    const id = toNew(oldId);
    const is = now.get(id);
    if (!is) continue;
    const from = { scope: scopeIn(was.scope, toNew), index: was.index };
    const key = scopeKey(is.scope);
    if (scopeKey(from.scope) !== key) moves.set(id, { from, to: { scope: is.scope, index: is.index } });
    else append(stayed, key, { id, was, is });
  }
  for (const steps of stayed.values()) {
    const kept = longestIncreasing(steps.map((s) => s.is.index));
    steps.forEach(({ id, was, is }, i) => {
      if (!kept.has(i)) {
        moves.set(id, { from: { scope: is.scope, index: was.index }, to: { scope: is.scope, index: is.index } });
      }
    });
  }
  return moves;
}

/** Positions in `values` of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: position of the smallest last value of an increasing run of length k + 1
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

// ── Edges ──────────────────────────────────────────────────────────────────────────────────────────────────────

type Edge = Omit<EdgeChange, 'kind'>;

function edgeChanges(
  old: Map<string, PlacedStep>,
  now: Map<string, PlacedStep>,
  toNew: (id: string) => string,
  rank: (id: string) => number,
): EdgeChange[] {
  const oldEdges = edgesOf(old, toNew);
  const newEdges = edgesOf(now, same);
  const oldKeys = new Set(oldEdges.map(edgeKey));
  const newKeys = new Set(newEdges.map(edgeKey));
  const changes: EdgeChange[] = [
    ...oldEdges.filter((e) => !newKeys.has(edgeKey(e))).map((e) => ({ kind: 'removed' as const, ...e })),
    ...newEdges.filter((e) => !oldKeys.has(edgeKey(e))).map((e) => ({ kind: 'added' as const, ...e })),
  ];
  // Grouped by the step they leave; a removed edge of a removed step is ranked under its old id.
  return changes.sort((a, b) => rank(a.from) - rank(b.from));
}

function edgesOf(placed: Map<string, PlacedStep>, toNew: (id: string) => string): Edge[] {
  const edges: Edge[] = [];
  for (const [id, { step, scope }] of placed) {
    const from = toNew(id);
    const to = (target: string, via: EdgeVia): void => void edges.push({ from, to: toNew(target), via });
    if (step.kind === 'action' || step.kind === 'parallel') to(step.next, { kind: 'next' });
    if (step.kind === 'decision') step.options.forEach((o) => to(o.next, { kind: 'option', option: o.id }));
    if (step.kind !== 'end' && step.timeout) to(step.timeout.next, { kind: 'timeout' });
    if (step.kind === 'parallel') step.tracks.forEach((t) => to(t.start, { kind: 'track-start', track: t.role }));
    if (step.kind === 'end' && scope.kind === 'track') to(scope.parallel, { kind: 'join', track: scope.track });
  }
  return edges;
}

function edgeKey({ from, to, via }: Edge): string {
  const detail =
    via.kind === 'option' ? via.option : via.kind === 'track-start' || via.kind === 'join' ? via.track : '';
  return `${from}\n${to}\n${via.kind}\n${detail}`;
}

// ── Fields ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The order fields are reported in: the schema's reading order, anything else after them alphabetically. */
const FIELD_ORDER = new Map(
  [
    ...['schemaVersion', 'id', 'version', 'kind', 'title', 'shortTitle', 'summary', 'label', 'name', 'text'],
    ...['category', 'severity', 'locations', 'silent', 'detail', 'duties', 'role', 'phone', 'roles', 'contacts'],
    ...['drill', 'everyDays', 'start', 'targetSeconds', 'timeout', 'seconds', 'checklist', 'options', 'tracks'],
    ...['next', 'followOn', 'outcome', 'zh-CN', 'en'],
  ].map((name, i) => [name, i]),
);

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compareRecords(path: string, before: Fields, after: Fields, out: FieldChange[]): void {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => (FIELD_ORDER.get(a) ?? FIELD_ORDER.size) - (FIELD_ORDER.get(b) ?? FIELD_ORDER.size) || (a < b ? -1 : 1),
  );
  for (const name of names) compareValue(path ? `${path}.${name}` : name, name, before[name], after[name], out);
}

/** Objects are compared field by field (a missing one as empty), keyed lists item by item, anything else whole. */
function compareValue(path: string, name: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (before === undefined && after === undefined) return;
  if (isRecord(before ?? {}) && isRecord(after ?? {})) {
    compareRecords(path, (before ?? {}) as Fields, (after ?? {}) as Fields, out);
    return;
  }
  const key = name === 'tracks' ? 'role' : 'id';
  const oldList = before ?? [];
  const newList = after ?? [];
  if (isKeyedList(oldList, key) && isKeyedList(newList, key)) {
    compareKeyedLists(path, key, oldList, newList, out);
    return;
  }
  const change = valueChange(path, name, before, after);
  if (change) out.push(change);
}

function isKeyedList(value: unknown, key: string): value is Fields[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item[key] === 'string');
}

function compareKeyedLists(path: string, key: string, before: Fields[], after: Fields[], out: FieldChange[]): void {
  const old = byKey(before, key);
  const now = byKey(after, key);
  for (const [k, item] of old) if (!now.has(k)) out.push({ path: `${path}[${k}]`, kind: 'removed', before: item });
  for (const [k, item] of now) {
    const was = old.get(k);
    if (was === undefined) out.push({ path: `${path}[${k}]`, kind: 'added', after: item });
    else compareRecords(`${path}[${k}]`, was, item, out);
  }
  const oldOrder = [...old.keys()].filter((k) => now.has(k));
  const newOrder = [...now.keys()].filter((k) => old.has(k));
  if (oldOrder.some((k, i) => k !== newOrder[i])) {
    out.push({ path, kind: 'reordered', before: oldOrder, after: newOrder });
  }
}

/** Items by key; a repeated key (an analysis error) gets `#2`, `#3`… so no item is lost. */
function byKey(items: readonly Fields[], key: string): Map<string, Fields> {
  const map = new Map<string, Fields>();
  for (const item of items) {
    const base = item[key] as string;
    let k = base;
    for (let n = 2; map.has(k); n++) k = `${base}#${n}`;
    map.set(k, item);
  }
  return map;
}
