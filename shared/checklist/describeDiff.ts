// A checklist template diff as a readable list, one line per change in one language: what the reviewer reads
// before approving. Its words are in ../messages/checklistDiff; field lines are worded as plan diffs word theirs
// (../messages/diff), and long texts show their edits marked as there (../diff/textEdits).
import { markedEdit } from '../diff/textEdits';
import { CHECKLIST_DIFF_MESSAGES as M } from '../messages/checklistDiff';
import { CHECKLIST_FIELD_LABELS, CHECKLIST_ITEM_KIND_LABELS } from './diffLabels';
import { DIFF_MESSAGES as PLAN } from '../messages/diff';
import { pick } from '../plan/labels';
import type { Localized } from '../plan/schema';
import type { Language } from '../plan/vocabulary';
import { text, type Text } from '../text';
import {
  countChecklistChanges,
  isEmptyChecklistDiff,
  type ChecklistDiff,
  type ChecklistFieldChange,
  type ItemChange,
  type ItemPosition,
  type SectionChange,
  type TextSegment,
} from './diff';
import type { ChecklistItem } from './schema';
import { CHECKLIST_USE_LABELS, type ItemKind } from './vocabulary';

/** One line of the readable list with what it is about: screens mark a text's edits under it. */
export interface ChecklistDiffEntry {
  line: string;
  sectionId?: string;
  itemId?: string;
  /** For a changed text: its edit, segment by segment. */
  text?: TextSegment[];
}

export function describeChecklistDiff(diff: ChecklistDiff, lang: Language): string[] {
  return describeChecklistDiffEntries(diff, lang).map((entry) => entry.line);
}

export function describeChecklistDiffEntries(diff: ChecklistDiff, lang: Language): ChecklistDiffEntry[] {
  return [
    ...diff.fields.map((f) => fieldEntry(M.template(), f, lang, {})),
    ...diff.sections.flatMap((s) => sectionEntries(s, lang)),
    ...diff.items.flatMap((i) => itemEntries(i, lang)),
  ];
}

/** One line saying how many changes of each sort, or that there are none. */
export function describeChecklistCounts(diff: ChecklistDiff, lang: Language): string {
  if (isEmptyChecklistDiff(diff)) return PLAN.noDifferences()[lang];
  const c = countChecklistChanges(diff);
  return M.summary(
    c.itemsAdded,
    c.itemsRemoved,
    c.itemsChanged,
    c.itemsMoved,
    c.sectionsAdded,
    c.sectionsRemoved,
    c.sectionsChanged,
    c.sectionsMoved,
    c.templateFields,
  )[lang];
}

function sectionEntries(change: SectionChange, lang: Language): ChecklistDiffEntry[] {
  const about = { sectionId: change.sectionId };
  const title = bothLanguages(change.title);
  const lines: Text[] = [];
  if (change.kind === 'added') lines.push(M.sectionAdded(change.sectionId, title));
  if (change.kind === 'removed') lines.push(M.sectionRemoved(change.sectionId, title));
  if (change.moved) lines.push(M.sectionMoved(change.sectionId, change.moved.from + 1, change.moved.to + 1));
  return [
    ...lines.map((line) => ({ line: line[lang], ...about })),
    ...change.fields.map((f) => fieldEntry(M.section(change.sectionId), f, lang, about)),
  ];
}

function itemEntries(change: ItemChange, lang: Language): ChecklistDiffEntry[] {
  const about = { sectionId: change.sectionId, itemId: change.itemId };
  const itemText = bothLanguages(change.text);
  const lines: Text[] = [];
  if (change.kind === 'added' && change.item)
    lines.push(M.itemAdded(change.itemId, itemText, change.sectionId, itemFacts(change.item)));
  if (change.kind === 'removed') lines.push(M.itemRemoved(change.itemId, itemText, change.sectionId));
  if (change.moved) lines.push(movedLine(change.itemId, change.moved.from, change.moved.to));
  return [
    ...lines.map((line) => ({ line: line[lang], ...about })),
    ...change.fields.map((f) => fieldEntry(M.item(change.itemId), f, lang, about)),
  ];
}

function movedLine(id: string, from: ItemPosition, to: ItemPosition): Text {
  return from.sectionId === to.sectionId
    ? M.itemMovedWithin(id, to.sectionId, from.index + 1, to.index + 1)
    : M.itemMovedBetween(id, from.sectionId, from.index + 1, to.sectionId, to.index + 1);
}

function itemFacts(item: ChecklistItem): Text {
  const facts = [
    CHECKLIST_ITEM_KIND_LABELS[item.kind],
    ...(item.critical ? [M.critical()] : []),
    ...(item.photo ? [M.photo()] : []),
  ];
  return text(facts.map((f) => f['zh-CN']).join('，'), facts.map((f) => f.en).join(', '));
}

function bothLanguages(title: Localized | undefined): Text {
  return text(pick(title, 'zh-CN'), pick(title, 'en'));
}

// ── Fields ─────────────────────────────────────────────────────────────────────────────────────────────────────

function fieldEntry(
  subject: Text,
  change: ChecklistFieldChange,
  lang: Language,
  about: { sectionId?: string; itemId?: string },
): ChecklistDiffEntry {
  return { line: fieldLine(subject, change, lang), ...about, ...(change.text ? { text: change.text } : {}) };
}

function fieldLine(subject: Text, change: ChecklistFieldChange, lang: Language): string {
  const field = fieldName(change.path);
  const name = change.path.split('.')[0]!;
  const value = (v: unknown): Text => text(formatValue(v, name, 'zh-CN'), formatValue(v, name, 'en'));
  switch (change.kind) {
    case 'added':
      return PLAN.fieldAdded(subject, field, value(change.after))[lang];
    case 'removed':
      return PLAN.fieldRemoved(subject, field, value(change.before))[lang];
    case 'changed': {
      const marked = markedEdit(change);
      if (marked !== undefined) return PLAN.fieldEdited(subject, field, `"${marked}"`)[lang];
      return PLAN.fieldChanged(subject, field, value(change.before), value(change.after))[lang];
    }
  }
}

/** `text.zh-CN` → 内容（中文） / text (Chinese). */
function fieldName(path: string): Text {
  const [name = path, language] = path.split('.');
  const label = CHECKLIST_FIELD_LABELS[name] ?? text(name, name);
  const suffix = language === 'zh-CN' ? PLAN.inChinese() : language === 'en' ? PLAN.inEnglish() : text('', '');
  return text(label['zh-CN'] + suffix['zh-CN'], label.en + suffix.en);
}

function formatValue(value: unknown, field: string, lang: Language): string {
  if (value === undefined || value === null || value === '') return PLAN.empty()[lang];
  if (typeof value === 'string') {
    if (field === 'use' && value in CHECKLIST_USE_LABELS) return CHECKLIST_USE_LABELS[value as 'daily'][lang];
    if (field === 'kind' && value in CHECKLIST_ITEM_KIND_LABELS)
      return CHECKLIST_ITEM_KIND_LABELS[value as ItemKind][lang];
    return field === 'id' ? value : `"${value}"`;
  }
  if (typeof value === 'boolean') return (value ? PLAN.yes() : PLAN.no())[lang];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const localized = value as Localized;
    if ('zh-CN' in localized || 'en' in localized) return `"${pick(localized, lang)}"`;
  }
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
