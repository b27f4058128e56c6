// Every edit the checklist template editor makes, each a named operation on the template (an immer draft),
// addressed by ids: sections and items share one id space, as records and rectifications name them. An edit that
// names nothing (an item that is gone) or would give a taken or malformed id changes nothing; none throws. Values are
// kept as typed (a weight of -1, a passAt above max): the check reports them where they are, the manager fixes them.
import type { Checklist, ChecklistItem, ChecklistSection } from '../../../shared/checklist/schema';
import { CHECKLIST_USES, ITEM_KINDS, type ChecklistUse, type ItemKind } from '../../../shared/checklist/vocabulary';
import { SLUG_MAX } from '../../../shared/limits';
import type { Localized } from '../../../shared/plan/schema';
import type { Language } from '../../../shared/plan/vocabulary';
import { freshId, idProblem } from '../editor/ids';

export type TemplateTextField = 'title' | 'shortTitle' | 'summary' | 'basis';
export type ItemTextField = 'text' | 'guidance' | 'evidence' | 'unit';
export type ItemFlag = 'critical' | 'photo' | 'allowNa';
export type ItemNumberField = 'weight' | 'rectifyDays' | 'max' | 'passAt' | 'min';
export type MoveTo = number | 'up' | 'down';

export type ChecklistEdit =
  // The template's own fields
  | { type: 'template.setText'; field: TemplateTextField; lang: Language; value: string }
  | { type: 'template.setUse'; use: ChecklistUse }
  | { type: 'template.setPassScore'; passScore?: number }
  // Sections
  | { type: 'section.add'; id: string; after?: string }
  | { type: 'section.remove'; sectionId: string }
  | { type: 'section.rename'; sectionId: string; to: string }
  | { type: 'section.move'; sectionId: string; to: MoveTo }
  | { type: 'section.setTitle'; sectionId: string; lang: Language; value: string }
  | { type: 'section.setWeight'; sectionId: string; weight?: number }
  // Items
  | { type: 'item.add'; sectionId: string; kind: ItemKind; id: string; after?: string; text?: Localized }
  | { type: 'item.remove'; itemId: string }
  | { type: 'item.rename'; itemId: string; to: string }
  | { type: 'item.move'; itemId: string; to: MoveTo }
  /** To another section (at its end, or at `index`). */
  | { type: 'item.moveToSection'; itemId: string; sectionId: string; index?: number }
  | { type: 'item.setText'; itemId: string; field: ItemTextField; lang: Language; value: string }
  /** undefined: the field goes (its default applies). */
  | { type: 'item.setFlag'; itemId: string; field: ItemFlag; value?: boolean }
  | { type: 'item.setNumber'; itemId: string; field: ItemNumberField; value?: number }
  | { type: 'item.setKind'; itemId: string; kind: ItemKind };

export type ChecklistEditType = ChecklistEdit['type'];

/** A score item's max when it becomes one (the schema requires a max). */
export const DEFAULT_SCORE_MAX = 10;

/** The fields each kind has beyond the ones every item has (id, kind, text, guidance, weight, flags, rectifying). */
export const KIND_FIELDS: Readonly<Record<ItemKind, readonly string[]>> = {
  'yes-no': ['allowNa'],
  score: ['max', 'passAt'],
  number: ['unit', 'min', 'max', 'allowNa'],
  text: [],
};

/**
 * The kind-specific fields that mean the same in both kinds and so survive a change of kind. A score's max is
 * its top score, a number's max an upper limit: that one is dropped.
 */
const SHARED_MEANING = new Set(['allowNa']);

export function applyChecklistEdit(checklist: Checklist, edit: ChecklistEdit): void {
  switch (edit.type) {
    case 'template.setText':
      if (edit.field === 'title' || edit.field === 'summary') setText(checklist[edit.field], edit.lang, edit.value);
      else setOptionalText(checklist, edit.field, edit.lang, edit.value);
      return;
    case 'template.setUse':
      if ((CHECKLIST_USES as readonly string[]).includes(edit.use)) checklist.use = edit.use;
      return;
    case 'template.setPassScore':
      return setOptionalNumber(checklist, 'passScore', edit.passScore);
    case 'section.add': {
      if (idProblem(edit.id, allIds(checklist))) return;
      const at = edit.after === undefined ? -1 : checklist.sections.findIndex((s) => s.id === edit.after);
      const section: ChecklistSection = { id: edit.id, title: {}, items: [] };
      checklist.sections.splice(at < 0 ? checklist.sections.length : at + 1, 0, section);
      return;
    }
    case 'section.remove':
      return removeWhere(checklist.sections, (s) => s.id === edit.sectionId);
    case 'section.rename': {
      const section = findSection(checklist, edit.sectionId);
      if (section && !idProblem(edit.to, allIds(checklist), section.id)) section.id = edit.to;
      return;
    }
    case 'section.move': {
      const from = checklist.sections.findIndex((s) => s.id === edit.sectionId);
      if (from >= 0) moveWithin(checklist.sections, from, edit.to);
      return;
    }
    case 'section.setTitle': {
      const section = findSection(checklist, edit.sectionId);
      if (section) setText(section.title, edit.lang, edit.value);
      return;
    }
    case 'section.setWeight': {
      const section = findSection(checklist, edit.sectionId);
      if (section) setOptionalNumber(section, 'weight', edit.weight);
      return;
    }
    case 'item.add':
      return addItem(checklist, edit);
    case 'item.remove': {
      const found = locateItem(checklist, edit.itemId);
      if (found) found.section.items.splice(found.index, 1);
      return;
    }
    case 'item.rename': {
      const found = locateItem(checklist, edit.itemId);
      if (found && !idProblem(edit.to, allIds(checklist), edit.itemId)) found.item.id = edit.to;
      return;
    }
    case 'item.move': {
      const found = locateItem(checklist, edit.itemId);
      if (found) moveWithin(found.section.items, found.index, edit.to);
      return;
    }
    case 'item.moveToSection': {
      const found = locateItem(checklist, edit.itemId);
      const target = findSection(checklist, edit.sectionId);
      if (!found || !target || target === found.section) return;
      const [item] = found.section.items.splice(found.index, 1);
      const index = edit.index === undefined ? target.items.length : clampIndex(edit.index, target.items.length);
      target.items.splice(index, 0, item!);
      return;
    }
    case 'item.setText':
      return setItemText(checklist, edit);
    case 'item.setFlag': {
      const item = locateItem(checklist, edit.itemId)?.item;
      if (!item || (edit.field === 'allowNa' && !KIND_FIELDS[item.kind].includes('allowNa'))) return;
      const owner = item as { [key in ItemFlag]?: boolean };
      if (edit.value === undefined) delete owner[edit.field];
      // critical and photo are off unless set: false is written as nothing.
      else if (edit.value === false && edit.field !== 'allowNa') delete owner[edit.field];
      else owner[edit.field] = edit.value;
      return;
    }
    case 'item.setNumber':
      return setItemNumber(checklist, edit);
    case 'item.setKind': {
      const found = locateItem(checklist, edit.itemId);
      if (found && (ITEM_KINDS as readonly string[]).includes(edit.kind)) {
        found.section.items[found.index] = withKind(found.item, edit.kind);
      }
      return;
    }
  }
}

/** The item as an item of `kind`: every item's own fields kept, the fields the new kind lacks dropped. */
export function withKind(item: ChecklistItem, kind: ItemKind): ChecklistItem {
  if (item.kind === kind) return item;
  const own = new Set(Object.values(KIND_FIELDS).flat());
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'kind') next.kind = kind;
    else if (!own.has(key) || (SHARED_MEANING.has(key) && KIND_FIELDS[kind].includes(key))) next[key] = value;
  }
  if (kind === 'score') next.max = DEFAULT_SCORE_MAX;
  return next as ChecklistItem;
}

// ---- where things are ----

export interface ItemLocation {
  section: ChecklistSection;
  sectionIndex: number;
  item: ChecklistItem;
  index: number;
}

export function locateItem(checklist: Checklist, itemId: string): ItemLocation | undefined {
  for (const [sectionIndex, section] of checklist.sections.entries()) {
    const index = section.items.findIndex((i) => i.id === itemId);
    if (index >= 0) return { section, sectionIndex, item: section.items[index]!, index };
  }
  return undefined;
}

export function findSection(checklist: Checklist, sectionId: string): ChecklistSection | undefined {
  return checklist.sections.find((s) => s.id === sectionId);
}

/** Every section and item id (one id space). */
export function allIds(checklist: Checklist): Set<string> {
  const ids = new Set<string>();
  for (const section of checklist.sections) {
    ids.add(section.id);
    for (const item of section.items) ids.add(item.id);
  }
  return ids;
}

// ---- fresh ids ----

/** A slug made of a text's ASCII words (an English text), or '' when it has none. */
export function slugFromText(text: string | undefined): string {
  const slug = (text ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Room for a "-N" suffix within the slug limit, and no trailing hyphen after cutting.
  return slug.slice(0, SLUG_MAX - 4).replace(/-+$/, '');
}

/** A new item's id: from its English text when it has one (`-2`, `-3`… when taken), else `item-N`. */
export function freshItemId(checklist: Checklist, text?: Localized): string {
  const taken = allIds(checklist);
  const base = slugFromText(text?.en);
  if (base !== '' && !taken.has(base)) return base;
  return base === '' ? freshId('item', taken) : freshId(base, taken);
}

export function freshSectionId(checklist: Checklist): string {
  return freshId('section', allIds(checklist));
}

// ---- the shape a draft must have to be edited in the form ----

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalText = (value: unknown) => value === undefined || isObject(value);

function isEditableItem(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    (ITEM_KINDS as readonly unknown[]).includes(value.kind) &&
    isObject(value.text) &&
    isOptionalText(value.guidance) &&
    isOptionalText(value.evidence) &&
    isOptionalText(value.unit)
  );
}

function isEditableSection(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    isObject(value.title) &&
    Array.isArray(value.items) &&
    value.items.every(isEditableItem)
  );
}

/**
 * The draft's template when it has the shape the form edits (lists where lists belong, texts as objects, known
 * item kinds). Values may still break the format's rules (ids, numbers): the check reports those, the form edits them.
 */
export function editableChecklist(document: unknown): Checklist | undefined {
  if (!isObject(document)) return undefined;
  const d = document;
  const ok =
    isObject(d.title) &&
    isObject(d.summary) &&
    isOptionalText(d.shortTitle) &&
    isOptionalText(d.basis) &&
    Array.isArray(d.sections) &&
    d.sections.every(isEditableSection);
  return ok ? (document as Checklist) : undefined;
}

// ---- helpers ----

function addItem(checklist: Checklist, edit: Extract<ChecklistEdit, { type: 'item.add' }>): void {
  const section = findSection(checklist, edit.sectionId);
  if (!section || idProblem(edit.id, allIds(checklist)) || !(ITEM_KINDS as readonly string[]).includes(edit.kind)) {
    return;
  }
  const text: Localized = {};
  for (const [lang, value] of Object.entries(edit.text ?? {}) as [Language, string | undefined][]) {
    if (value) text[lang] = value;
  }
  const item = withKind({ id: edit.id, kind: 'text', text }, edit.kind);
  const after = edit.after === undefined ? -1 : section.items.findIndex((i) => i.id === edit.after);
  section.items.splice(after < 0 ? section.items.length : after + 1, 0, item);
}

function setItemText(checklist: Checklist, edit: Extract<ChecklistEdit, { type: 'item.setText' }>): void {
  const item = locateItem(checklist, edit.itemId)?.item;
  if (!item) return;
  if (edit.field === 'text') return setText(item.text, edit.lang, edit.value);
  if (edit.field === 'unit' && item.kind !== 'number') return;
  setOptionalText(item as { [key in ItemTextField]?: Localized }, edit.field, edit.lang, edit.value);
}

function setItemNumber(checklist: Checklist, edit: Extract<ChecklistEdit, { type: 'item.setNumber' }>): void {
  const item = locateItem(checklist, edit.itemId)?.item;
  if (!item) return;
  const { field, value } = edit;
  if (field !== 'weight' && field !== 'rectifyDays' && !KIND_FIELDS[item.kind].includes(field)) return;
  // A score item must have a max: emptying the field keeps the one it has.
  if (field === 'max' && item.kind === 'score' && value === undefined) return;
  setOptionalNumber(item as { [key in ItemNumberField]?: number }, field, value);
}

function setText(text: Localized, lang: Language, value: string): void {
  if (value === '') delete text[lang];
  else text[lang] = value;
}

/** An optional text (short title, basis, guidance, evidence, unit) goes away when both languages are empty. */
function setOptionalText<K extends string>(
  owner: { [key in K]?: Localized },
  key: K,
  lang: Language,
  value: string,
): void {
  const text: Localized = { ...owner[key] };
  setText(text, lang, value);
  if (text['zh-CN'] === undefined && text.en === undefined) delete owner[key];
  else owner[key] = text;
}

function setOptionalNumber<K extends string>(owner: { [key in K]?: number }, key: K, value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) delete owner[key];
  else owner[key] = value;
}

function removeWhere<T>(items: T[], match: (item: T) => boolean): void {
  const index = items.findIndex(match);
  if (index >= 0) items.splice(index, 1);
}

function clampIndex(index: number, length: number): number {
  return Number.isFinite(index) ? Math.max(0, Math.min(length, Math.trunc(index))) : length;
}

function moveWithin<T>(items: T[], from: number, to: MoveTo): void {
  const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : to;
  if (!Number.isFinite(target)) return;
  const index = Math.max(0, Math.min(items.length - 1, Math.trunc(target)));
  if (index === from) return;
  const [item] = items.splice(from, 1);
  items.splice(index, 0, item!);
}
