// A checklist template diff as a readable list, one line per change in one language: what the reviewer reads
// before approving. Field lines are worded as plan diffs word theirs (../messages/diff); the checklist's own nouns
// (sections, items, their fields) are here.
import { DIFF_MESSAGES as PLAN } from '../messages/diff';
import { pick } from '../plan/labels';
import type { Localized } from '../plan/schema';
import type { Language } from '../plan/vocabulary';
import { text, type Catalogue, type Text } from '../text';
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

/** A title or text after an id: 「锁闭大门」 / "Lock the door" (nothing when it has none). */
const quoted = (title: Text) => text(title['zh-CN'] && `「${title['zh-CN']}」`, title.en && ` "${title.en}"`);

export const CHECKLIST_DIFF_MESSAGES = {
  summary: (c: ReturnType<typeof countChecklistChanges>) =>
    text(
      `检查项：新增 ${c.itemsAdded}，删除 ${c.itemsRemoved}，修改 ${c.itemsChanged}，移动 ${c.itemsMoved}；` +
        `分组：新增 ${c.sectionsAdded}，删除 ${c.sectionsRemoved}，修改 ${c.sectionsChanged}，移动 ${c.sectionsMoved}；` +
        `检查表属性：修改 ${c.templateFields} 处`,
      `items: ${c.itemsAdded} added, ${c.itemsRemoved} removed, ${c.itemsChanged} changed, ${c.itemsMoved} moved; ` +
        `sections: ${c.sectionsAdded} added, ${c.sectionsRemoved} removed, ${c.sectionsChanged} changed, ` +
        `${c.sectionsMoved} moved; template: ${c.templateFields} field(s) changed`,
    ),
  template: () => text('检查表', 'checklist'),
  section: (id: string) => text(`分组 ${id}`, `section ${id}`),
  item: (id: string) => text(`检查项 ${id}`, `item ${id}`),
  sectionAdded: (id: string, title: Text) => {
    const t = quoted(title);
    return text(`+ 分组 ${id}${t['zh-CN'] || ' '}新增`, `+ section ${id}${t.en} added`);
  },
  sectionRemoved: (id: string, title: Text) => {
    const t = quoted(title);
    return text(`- 分组 ${id}${t['zh-CN'] || ' '}删除`, `- section ${id}${t.en} removed`);
  },
  sectionMoved: (id: string, from: number, to: number) =>
    text(`↕ 分组 ${id} 移动：第 ${from} 位 → 第 ${to} 位`, `↕ section ${id} moved: position ${from} → position ${to}`),
  /** `facts`: its answer kind and marks (critical, photo), already joined. */
  itemAdded: (id: string, itemText: Text, section: string, facts: Text) => {
    const t = quoted(itemText);
    return text(
      `+ 检查项 ${id}${t['zh-CN'] || ' '}新增（分组 ${section}；${facts['zh-CN']}）`,
      `+ item ${id}${t.en} added (section ${section}; ${facts.en})`,
    );
  },
  itemRemoved: (id: string, itemText: Text, section: string) => {
    const t = quoted(itemText);
    return text(
      `- 检查项 ${id}${t['zh-CN'] || ' '}删除（分组 ${section}）`,
      `- item ${id}${t.en} removed (section ${section})`,
    );
  },
  itemMovedWithin: (id: string, section: string, from: number, to: number) =>
    text(
      `↕ 检查项 ${id} 移动：第 ${from} 位 → 第 ${to} 位（分组 ${section}）`,
      `↕ item ${id} moved: position ${from} → position ${to} (section ${section})`,
    ),
  itemMovedBetween: (id: string, from: string, fromIndex: number, to: string, toIndex: number) =>
    text(
      `↕ 检查项 ${id} 移动：分组 ${from} 第 ${fromIndex} 位 → 分组 ${to} 第 ${toIndex} 位`,
      `↕ item ${id} moved: position ${fromIndex} of section ${from} → position ${toIndex} of section ${to}`,
    ),
  critical: () => text('否决项', 'critical'),
  photo: () => text('须拍照', 'photo required'),
} satisfies Catalogue;

const M = CHECKLIST_DIFF_MESSAGES;

/** How an item is answered, as the diff names it. */
export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, Text>> = {
  'yes-no': text('是否题', 'yes / no'),
  score: text('评分题', 'score'),
  number: text('数值题', 'number'),
  text: text('文字记录', 'text'),
};

/** The names of the template's fields as a line says them; a field without a name here is shown as written. */
export const CHECKLIST_FIELD_LABELS: Readonly<Record<string, Text>> = {
  schemaVersion: text('格式版本', 'schema version'),
  kind: text('作答方式', 'answer kind'),
  id: text('编号', 'id'),
  version: text('版本', 'version'),
  use: text('用途', 'use'),
  title: text('标题', 'title'),
  shortTitle: text('简称', 'short title'),
  summary: text('摘要', 'summary'),
  basis: text('制度依据', 'basis'),
  passScore: text('合格总分（%）', 'pass score (%)'),
  text: text('内容', 'text'),
  guidance: text('检查方法', 'guidance'),
  weight: text('权重', 'weight'),
  critical: text('否决项', 'critical'),
  photo: text('须拍照', 'photo required'),
  evidence: text('整改验收要求', 'evidence to close'),
  rectifyDays: text('整改期限（天）', 'days to rectify'),
  max: text('最高值', 'maximum'),
  passAt: text('合格分', 'pass at'),
  min: text('最低值', 'minimum'),
  unit: text('单位', 'unit'),
  allowNa: text('可答“不适用”', '"not applicable" allowed'),
};

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
  return (isEmptyChecklistDiff(diff) ? PLAN.noDifferences() : M.summary(countChecklistChanges(diff)))[lang];
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
    ITEM_KIND_LABELS[item.kind],
    ...(item.critical ? [M.critical()] : []),
    ...(item.photo ? [M.photo()] : []),
  ];
  return text(facts.map((f) => f['zh-CN']).join('，'), facts.map((f) => f.en).join(', '));
}

function bothLanguages(title: Localized | undefined): Text {
  return text(pick(title, 'zh-CN'), pick(title, 'en'));
}

// ── Fields ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Texts longer than this (both versions together) are shown once, with their edits marked, not twice. */
const SHOWN_WHOLE_UP_TO = 80;
/** Unchanged characters kept on each side of an edit in a marked-up text. */
const CONTEXT_CHARACTERS = 10;

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
      const { before, after } = change;
      const long =
        typeof before === 'string' && typeof after === 'string' && before.length + after.length > SHOWN_WHOLE_UP_TO;
      if (long && change.text) return PLAN.fieldEdited(subject, field, `"${markEdits(change.text)}"`)[lang];
      return PLAN.fieldChanged(subject, field, value(before), value(after))[lang];
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
    if (field === 'kind' && value in ITEM_KIND_LABELS) return ITEM_KIND_LABELS[value as ItemKind][lang];
    return field === 'id' ? value : `"${value}"`;
  }
  if (typeof value === 'boolean') return (value ? PLAN.yes() : PLAN.no())[lang];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const localized = value as Localized;
    if ('zh-CN' in localized || 'en' in localized) return `"${pick(localized, lang)}"`;
  }
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** `…锁存现金[-和-]{+、+}重要空白…`: the edits of a long text with a little unchanged text around each. */
function markEdits(segments: readonly TextSegment[]): string {
  return segments
    .map((s, i) => {
      if (s.op === 'insert') return `{+${s.text}+}`;
      if (s.op === 'delete') return `[-${s.text}-]`;
      const characters = Array.from(s.text);
      const head = i === 0 ? 0 : CONTEXT_CHARACTERS; // kept after the edit before it
      const tail = i === segments.length - 1 ? 0 : CONTEXT_CHARACTERS; // kept before the edit after it
      if (characters.length <= head + tail + 1) return s.text;
      return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - tail).join('')}`;
    })
    .join('');
}
