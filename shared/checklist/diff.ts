// What changed between two versions of a checklist template, for the manager who reviews it: template fields,
// sections (added, removed, moved, changed) and items (added, removed, moved within or between sections, changed),
// matched by id rather than by position, listed in the new version's reading order. A changed text carries its edit
// (character by character where Chinese), as plan diffs do (../plan/diff, ../diff/textEdits).
import { valueChange, type TextSegment, type ValueChange } from '../diff/textEdits';
import { longestIncreasing } from '../plan/diff';
import type { Localized } from '../plan/schema';
import type { Checklist, ChecklistItem, ChecklistSection } from './schema';

export type { TextSegment };

/**
 * A field that differs, of the template, a section or an item: `passScore`, `title.zh-CN`, `unit.en`, `critical`.
 * A checklist has no keyed lists inside items or sections, so nothing is ever `reordered`.
 */
export type ChecklistFieldChange = ValueChange;

/** One section that differs; `kind` is the headline (moved, else changed), a moved one may carry fields too. */
export interface SectionChange {
  kind: 'added' | 'removed' | 'moved' | 'changed';
  sectionId: string;
  /** The new title (the old one for a removed section). */
  title: Localized;
  /** 0-based positions among the sections, when it left the longest run of sections that kept their order. */
  moved?: { from: number; to: number };
  /** Title and weight; its items are compared as items. Empty when added or removed. */
  fields: ChecklistFieldChange[];
}

export interface ItemPosition {
  sectionId: string;
  /** 0-based, among the items of its section. */
  index: number;
}

/** One item that differs; ids are unique across a template, so an item is followed from section to section. */
export interface ItemChange {
  kind: 'added' | 'removed' | 'moved' | 'changed';
  itemId: string;
  /** Where it is now (where it was, for a removed item). */
  sectionId: string;
  /** Its text now (then, for a removed item). */
  text: Localized;
  /** The whole item, when added or removed. */
  item?: ChecklistItem;
  /** Set when it changed section, or left the longest run of its section's items that kept their order. */
  moved?: { from: ItemPosition; to: ItemPosition };
  fields: ChecklistFieldChange[];
}

export interface ChecklistDiff {
  fields: ChecklistFieldChange[];
  sections: SectionChange[];
  items: ItemChange[];
}

export interface ChecklistDiffCounts {
  templateFields: number;
  sectionsAdded: number;
  sectionsRemoved: number;
  sectionsMoved: number;
  sectionsChanged: number;
  itemsAdded: number;
  itemsRemoved: number;
  itemsMoved: number;
  /** Items in both versions with at least one field changed. */
  itemsChanged: number;
}

export function diffChecklists(before: Checklist, after: Checklist): ChecklistDiff {
  const { sections: _oldSections, $schema: _oldHint, ...oldFields } = before;
  const { sections: _newSections, $schema: _newHint, ...newFields } = after;
  const fields: ChecklistFieldChange[] = [];
  compareRecords('', oldFields, newFields, fields);
  return { fields, sections: sectionChanges(before.sections, after.sections), items: itemChanges(before, after) };
}

export function isEmptyChecklistDiff(diff: ChecklistDiff): boolean {
  return diff.fields.length === 0 && diff.sections.length === 0 && diff.items.length === 0;
}

export function countChecklistChanges(diff: ChecklistDiff): ChecklistDiffCounts {
  const sections = (test: (s: SectionChange) => boolean) => diff.sections.filter(test).length;
  const items = (test: (i: ItemChange) => boolean) => diff.items.filter(test).length;
  return {
    templateFields: diff.fields.length,
    sectionsAdded: sections((s) => s.kind === 'added'),
    sectionsRemoved: sections((s) => s.kind === 'removed'),
    sectionsMoved: sections((s) => s.moved !== undefined),
    sectionsChanged: sections((s) => s.fields.length > 0),
    itemsAdded: items((i) => i.kind === 'added'),
    itemsRemoved: items((i) => i.kind === 'removed'),
    itemsMoved: items((i) => i.moved !== undefined),
    itemsChanged: items((i) => i.fields.length > 0),
  };
}

// ── Sections ───────────────────────────────────────────────────────────────────────────────────────────────────

function sectionChanges(before: readonly ChecklistSection[], after: readonly ChecklistSection[]): SectionChange[] {
  const old = byId(before);
  const now = byId(after);
  const stayed = [...old.keys()].filter((id) => now.has(id));
  const kept = longestIncreasing(stayed.map((id) => now.get(id)!.index));
  const keptIds = new Set(stayed.filter((_id, i) => kept.has(i)));
  const changes: SectionChange[] = [];
  for (const [id, was] of old) {
    const is = now.get(id);
    if (!is) {
      changes.push({ kind: 'removed', sectionId: id, title: was.value.title, fields: [] });
      continue;
    }
    const fields: ChecklistFieldChange[] = [];
    compareRecords('', sectionFields(was.value), sectionFields(is.value), fields);
    const moved = keptIds.has(id) ? undefined : { from: was.index, to: is.index };
    if (!moved && fields.length === 0) continue;
    changes.push({
      kind: moved ? 'moved' : 'changed',
      sectionId: id,
      title: is.value.title,
      ...(moved ? { moved } : {}),
      fields,
    });
  }
  for (const [id, is] of now) {
    if (!old.has(id)) changes.push({ kind: 'added', sectionId: id, title: is.value.title, fields: [] });
  }
  const rank = readingOrder([...old.keys()], [...now.keys()]);
  return changes.sort((a, b) => rank(a.sectionId) - rank(b.sectionId));
}

function sectionFields({ items: _items, ...fields }: ChecklistSection): Fields {
  return fields;
}

// ── Items ──────────────────────────────────────────────────────────────────────────────────────────────────────

interface PlacedItem {
  item: ChecklistItem;
  at: ItemPosition;
}

/** Every item by id, in reading order, with its section and position there. */
function placeItems(checklist: Checklist): Map<string, PlacedItem> {
  const placed = new Map<string, PlacedItem>();
  for (const section of checklist.sections) {
    section.items.forEach((item, index) => {
      placed.set(uniqueKey(placed, item.id), { item, at: { sectionId: section.id, index } });
    });
  }
  return placed;
}

function itemChanges(before: Checklist, after: Checklist): ItemChange[] {
  const old = placeItems(before);
  const now = placeItems(after);
  const moves = findItemMoves(old, now);
  const changes: ItemChange[] = [];
  for (const [id, was] of old) {
    const is = now.get(id);
    if (!is) {
      changes.push({
        kind: 'removed',
        itemId: id,
        sectionId: was.at.sectionId,
        text: was.item.text,
        item: was.item,
        fields: [],
      });
      continue;
    }
    const fields: ChecklistFieldChange[] = [];
    compareRecords('', was.item, is.item, fields);
    const moved = moves.get(id);
    if (!moved && fields.length === 0) continue;
    changes.push({
      kind: moved ? 'moved' : 'changed',
      itemId: id,
      sectionId: is.at.sectionId,
      text: is.item.text,
      ...(moved ? { moved } : {}),
      fields,
    });
  }
  for (const [id, is] of now) {
    if (!old.has(id)) {
      changes.push({
        kind: 'added',
        itemId: id,
        sectionId: is.at.sectionId,
        text: is.item.text,
        item: is.item,
        fields: [],
      });
    }
  }
  const rank = readingOrder([...old.keys()], [...now.keys()]);
  return changes.sort((a, b) => rank(a.itemId) - rank(b.itemId));
}

/**
 * Items in both versions that moved: those that changed section, and per section those outside a longest
 * subsequence that kept its order, so one item inserted or moved never makes every later item "moved".
 */
function findItemMoves(
  old: Map<string, PlacedItem>,
  now: Map<string, PlacedItem>,
): Map<string, { from: ItemPosition; to: ItemPosition }> {
  const moves = new Map<string, { from: ItemPosition; to: ItemPosition }>();
  const stayed = new Map<string, { id: string; was: PlacedItem; is: PlacedItem }[]>(); // section → in old order
  for (const [id, was] of old) {
    const is = now.get(id);
    if (!is) continue;
    if (was.at.sectionId !== is.at.sectionId) moves.set(id, { from: was.at, to: is.at });
    else {
      const list = stayed.get(is.at.sectionId) ?? [];
      list.push({ id, was, is });
      stayed.set(is.at.sectionId, list);
    }
  }
  for (const items of stayed.values()) {
    const kept = longestIncreasing(items.map((i) => i.is.at.index));
    items.forEach(({ id, was, is }, i) => {
      if (!kept.has(i)) moves.set(id, { from: was.at, to: is.at });
    });
  }
  return moves;
}

// ── Order ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Rank in the new version's reading order, each id only in the old one placed after the one it followed there. */
function readingOrder(oldIds: readonly string[], newIds: readonly string[]): (id: string) => number {
  const present = new Set(newIds);
  const following = new Map<string, string[]>(); // new id ('' for the very start) → removed ids after it
  let anchor = '';
  for (const id of oldIds) {
    if (present.has(id)) anchor = id;
    else following.set(anchor, [...(following.get(anchor) ?? []), id]);
  }
  const order = new Map<string, number>();
  const put = (id: string): void => void order.set(id, order.size);
  following.get('')?.forEach(put);
  for (const id of newIds) {
    put(id);
    following.get(id)?.forEach(put);
  }
  return (id) => order.get(id) ?? order.size;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, { value: T; index: number }> {
  const map = new Map<string, { value: T; index: number }>();
  list.forEach((value, index) => map.set(uniqueKey(map, value.id), { value, index }));
  return map;
}

/** A repeated id (an analysis error) gets `#2`, `#3`… so that nothing is lost from the diff. */
function uniqueKey(map: ReadonlyMap<string, unknown>, id: string): string {
  let key = id;
  for (let n = 2; map.has(key); n++) key = `${id}#${n}`;
  return key;
}

// ── Fields ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The order fields are reported in: the format's reading order, anything else after them alphabetically. */
const FIELD_ORDER = new Map(
  [
    ...['schemaVersion', 'kind', 'id', 'version', 'use', 'title', 'shortTitle', 'summary', 'basis', 'passScore'],
    ...['text', 'guidance', 'weight', 'critical', 'photo', 'evidence', 'rectifyDays', 'max', 'passAt', 'min'],
    ...['unit', 'allowNa', 'zh-CN', 'en'],
  ].map((name, i) => [name, i]),
);

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compareRecords(path: string, before: object, after: object, out: ChecklistFieldChange[]): void {
  const old = before as Fields;
  const now = after as Fields;
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort(
    (a, b) => (FIELD_ORDER.get(a) ?? FIELD_ORDER.size) - (FIELD_ORDER.get(b) ?? FIELD_ORDER.size) || (a < b ? -1 : 1),
  );
  for (const name of names) compareValue(path ? `${path}.${name}` : name, name, old[name], now[name], out);
}

/** Objects (a Localized text) field by field, a missing one as empty; anything else whole. */
function compareValue(path: string, name: string, before: unknown, after: unknown, out: ChecklistFieldChange[]): void {
  if (before === undefined && after === undefined) return;
  if (isRecord(before ?? {}) && isRecord(after ?? {})) {
    compareRecords(path, before ?? {}, after ?? {}, out);
    return;
  }
  const change = valueChange(path, name, before, after);
  if (change) out.push(change);
}
