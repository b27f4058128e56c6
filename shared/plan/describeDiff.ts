// A plan diff as a readable list, one line per change in one language: what `plans diff` prints and reviewers read.
import { markedEdit } from '../diff/textEdits';
import { DIFF_FIELD_LABELS, DIFF_ITEM_LABELS, DIFF_MESSAGES as M } from '../messages/diff';
import { text, type Text } from '../text';
import {
  countChanges,
  isEmpty,
  type EdgeChange,
  type EdgeVia,
  type FieldChange,
  type PlanDiff,
  type StepChange,
  type StepScope,
  type TextSegment,
} from './diff';
import { CATEGORY_LABELS, LOCATION_LABELS, OUTCOME_LABELS, pick, SEVERITY_LABELS } from './labels';
import type { Localized } from './schema';
import type { Language } from './vocabulary';

export function describeDiff(diff: PlanDiff, lang: Language): string[] {
  return describeDiffEntries(diff, lang).map((entry) => entry.line);
}

/** One line of the readable list with what it is about: screens link it to its step and mark a text's edits. */
export interface DiffEntry {
  line: string;
  /** The step the line is about (its new id), if any. */
  stepId?: string;
  /** For a changed text: its edit, segment by segment. */
  text?: TextSegment[];
}

export function describeDiffEntries(diff: PlanDiff, lang: Language): DiffEntry[] {
  return [
    ...diff.fields.map((f) => ({ line: fieldLine(M.plan(), f, lang), ...(f.text ? { text: f.text } : {}) })),
    ...diff.steps.flatMap((s) => stepEntries(s, lang)),
    ...diff.edges.map((e) => ({ line: edgeLine(e, lang), stepId: e.from })),
  ];
}

/** One line saying how many changes of each sort, or that there are none. */
export function describeCounts(diff: PlanDiff, lang: Language): string {
  if (isEmpty(diff)) return M.noDifferences()[lang];
  const c = countChanges(diff);
  return M.summary(
    c.stepsAdded,
    c.stepsRemoved,
    c.stepsChanged,
    c.stepsMoved,
    c.stepsRenamed,
    c.planFields,
    c.edgesAdded,
    c.edgesRemoved,
  )[lang];
}

function stepEntries(change: StepChange, lang: Language): DiffEntry[] {
  const title = bothLanguages(change.title);
  const where = change.scope.kind === 'track' ? M.inScope(scopeName(change.scope))[lang] : '';
  const lines: string[] = [];
  if (change.kind === 'added') lines.push(M.stepAdded(change.stepId, title)[lang] + where);
  if (change.kind === 'removed') lines.push(M.stepRemoved(change.stepId, title)[lang] + where);
  if (change.previousId !== undefined) lines.push(M.stepRenamed(change.previousId, change.stepId, title)[lang] + where);
  if (change.moved) {
    const { from, to } = change.moved;
    const sameScope = scopeName(from.scope).en === scopeName(to.scope).en;
    lines.push(
      sameScope
        ? M.stepMoved(change.stepId, M.position(from.index + 1), M.position(to.index + 1))[lang] + where
        : M.stepMoved(
            change.stepId,
            M.positionIn(from.index + 1, scopeName(from.scope)),
            M.positionIn(to.index + 1, scopeName(to.scope)),
          )[lang],
    );
  }
  const subject = M.step(change.stepId);
  const { stepId } = change;
  return [
    ...lines.map((line) => ({ line, stepId })),
    ...change.fields.map((f) => ({ line: fieldLine(subject, f, lang), stepId, ...(f.text ? { text: f.text } : {}) })),
  ];
}

function scopeName(scope: StepScope): Text {
  return scope.kind === 'plan' ? M.topLevel() : M.track(scope.parallel, scope.track);
}

function edgeLine(edge: EdgeChange, lang: Language): string {
  const line = edge.kind === 'added' ? M.edgeAdded : M.edgeRemoved;
  return line(edge.from, edge.to, viaName(edge.via))[lang];
}

function viaName(via: EdgeVia): Text {
  switch (via.kind) {
    case 'next':
      return M.viaNext();
    case 'timeout':
      return M.viaTimeout();
    case 'option':
      return M.viaOption(via.option);
    case 'track-start':
      return M.viaTrackStart(via.track);
    case 'join':
      return M.viaJoin(via.track);
  }
}

// ── Fields ─────────────────────────────────────────────────────────────────────────────────────────────────────

function fieldLine(subject: Text, change: FieldChange, lang: Language): string {
  const field = fieldName(change.path);
  const name = lastName(change.path);
  const value = (v: unknown): Text => ({ 'zh-CN': formatValue(v, name, 'zh-CN'), en: formatValue(v, name, 'en') });
  switch (change.kind) {
    case 'added':
      return M.fieldAdded(subject, field, value(change.after))[lang];
    case 'removed':
      return M.fieldRemoved(subject, field, value(change.before))[lang];
    case 'reordered':
      return M.fieldReordered(subject, field, value(change.before), value(change.after))[lang];
    case 'changed': {
      const marked = markedEdit(change);
      if (marked !== undefined) return M.fieldEdited(subject, field, `"${marked}"`)[lang];
      return M.fieldChanged(subject, field, value(change.before), value(change.after))[lang];
    }
  }
}

/** `options[yes].label.zh-CN` → 选项 yes 文字（中文） / option yes label (Chinese). */
function fieldName(path: string): Text {
  const segments = path.split('.');
  const language = segments.at(-1);
  const suffix = language === 'zh-CN' ? M.inChinese() : language === 'en' ? M.inEnglish() : text('', '');
  const words = (language === 'zh-CN' || language === 'en' ? segments.slice(0, -1) : segments).map((segment) => {
    const [, name = segment, key] = /^([^[]+)\[(.+)\]$/.exec(segment) ?? [];
    if (key === undefined) return DIFF_FIELD_LABELS[name] ?? text(name, name);
    const item = DIFF_ITEM_LABELS[name] ?? DIFF_FIELD_LABELS[name] ?? text(name, name);
    return text(`${item['zh-CN']} ${key}`, `${item.en} ${key}`);
  });
  return text(words.map((w) => w['zh-CN']).join(' ') + suffix['zh-CN'], words.map((w) => w.en).join(' ') + suffix.en);
}

/** The field a path ends in, without a key or language: `options[yes].next` → `next`. */
function lastName(path: string): string {
  const segments = path.split('.').filter((s) => s !== 'zh-CN' && s !== 'en');
  return (segments.at(-1) ?? '').replace(/\[.*\]$/, '');
}

/** Fields that hold ids or vocabulary words: shown bare (or by their label), not quoted as text. */
const VOCABULARY: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  category: CATEGORY_LABELS,
  severity: SEVERITY_LABELS,
  outcome: OUTCOME_LABELS,
  locations: LOCATION_LABELS,
};
const BARE_FIELDS = new Set(['id', 'kind', 'role', 'start', 'next', 'followOn', 'phone']);

function formatValue(value: unknown, field: string, lang: Language): string {
  if (value === undefined || value === null || value === '') return M.empty()[lang];
  const words = VOCABULARY[field];
  if (typeof value === 'string') {
    const label = words?.[value];
    if (label) return label[lang];
    return BARE_FIELDS.has(field) ? value : `"${value}"`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return (value ? M.yes() : M.no())[lang];
  if (Array.isArray(value)) {
    if (value.length === 0) return M.empty()[lang];
    const items = value.map((v) => (typeof v === 'string' && !words ? v : formatValue(v, field, lang)));
    return items.join(lang === 'zh-CN' ? '、' : ', ');
  }
  if (typeof value === 'object') return formatItem(value as Record<string, unknown>, lang);
  return String(value);
}

/** An item added or removed whole: its name, and where it leads or what it dials. */
function formatItem(item: Record<string, unknown>, lang: Language): string {
  const name = [item.label, item.title, item.name, item.text].find(isLocalized);
  const parts = [
    name ? `"${pick(name, lang)}"` : '',
    typeof item.phone === 'string' ? item.phone : '',
    typeof item.next === 'string' ? `→ ${item.next}` : '',
    typeof item.start === 'string' ? M.startsAt(item.start)[lang] : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : JSON.stringify(item);
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && ('zh-CN' in value || 'en' in value);
}

function bothLanguages(title: Localized | undefined): Text {
  return text(pick(title, 'zh-CN'), pick(title, 'en'));
}
