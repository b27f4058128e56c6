// The ids of the checklist editor's inputs, by position (a half-edited draft may hold two items of one id, and each
// needs its own inputs), and the input a finding's path points at: a finding in the panel opens its item and
// focuses that input. Pure.
import { parsePath, type PathSegment } from '../../../shared/json/jsonPath';
import type { Checklist } from '../../../shared/checklist/schema';
import { LANGUAGES, type Language } from '../../../shared/plan/vocabulary';

export const templateField = (...parts: string[]) => ['ck-tpl', ...parts].join('-');
export const sectionField = (section: number, ...parts: string[]) => [`ck-s${section}`, ...parts].join('-');
export const itemField = (section: number, item: number, ...parts: string[]) =>
  [`ck-s${section}-i${item}`, ...parts].join('-');
/** The add-a-section button, where a finding about the template's content (no items) leads. */
export const ADD_SECTION_ID = 'ck-add-section';

export interface FindingTarget {
  /** The item to open first (by id), when the finding is in one. */
  itemId?: string;
  inputId: string;
}

const langOf = (segment: PathSegment | undefined): Language =>
  LANGUAGES.find((lang) => lang === segment) ?? LANGUAGES[0];

const TEMPLATE_TEXTS = new Set(['title', 'shortTitle', 'summary', 'basis']);
const ITEM_TEXTS = new Set(['text', 'guidance', 'evidence', 'unit']);
const ITEM_FIELDS = new Set(['id', 'kind', 'weight', 'critical', 'photo', 'evidence', 'rectifyDays']);
const ITEM_KIND_FIELDS = new Set(['allowNa', 'max', 'passAt', 'min']);

/** The input that edits what `path` (as findings write it: `sections[2].items[4].passAt`) names in `checklist`. */
export function findingTarget(checklist: Checklist, path: string): FindingTarget {
  const [head, s, sectionPart, i, field, lang] = parsePath(path);
  if (head === 'sections' && typeof s === 'number' && checklist.sections[s]) {
    const section = checklist.sections[s];
    if (sectionPart === 'items' && typeof i === 'number' && section.items[i]) {
      return { itemId: section.items[i].id, inputId: itemInput(checklist, s, i, field, lang) };
    }
    if (sectionPart === 'title') return { inputId: sectionField(s, 'title', langOf(i)) };
    if (sectionPart === 'id' || sectionPart === 'weight') return { inputId: sectionField(s, sectionPart) };
    if (sectionPart === 'items') return { inputId: sectionField(s, 'add-item') };
    return { inputId: sectionField(s, 'title', LANGUAGES[0]) };
  }
  if (head === 'sections') return { inputId: ADD_SECTION_ID };
  if (typeof head === 'string' && TEMPLATE_TEXTS.has(head)) return { inputId: templateField(head, langOf(s)) };
  if (head === 'use' || head === 'passScore') return { inputId: templateField(head) };
  return { inputId: templateField('title', LANGUAGES[0]) };
}

function itemInput(
  checklist: Checklist,
  s: number,
  i: number,
  field: PathSegment | undefined,
  lang: PathSegment | undefined,
): string {
  const item = checklist.sections[s]!.items[i]!;
  if (typeof field === 'string' && ITEM_TEXTS.has(field)) return itemField(s, i, field, langOf(lang));
  if (typeof field === 'string' && (ITEM_FIELDS.has(field) || ITEM_KIND_FIELDS.has(field))) {
    return itemField(s, i, field);
  }
  // The item as a whole: a number item that cannot fail is remedied by a limit; anything else by its text.
  if (field === undefined && item.kind === 'number') return itemField(s, i, 'min');
  return itemField(s, i, 'text', LANGUAGES[0]);
}
