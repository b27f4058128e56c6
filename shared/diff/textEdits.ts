// What plan and checklist diffs share below their own structure: a value that differs (a text with its edit,
// character by character where Chinese), and how a long edited text is shown once with its edits marked.
import { diffChars, diffWordsWithSpace } from 'diff';
import { canonicalJson } from '../json/canonicalJson';

export interface TextSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A value that differs, compared whole; a text (one language of a Localized) also carries its edit. */
export interface ValueChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** Equal and deleted segments spell `before`, equal and inserted ones `after`. */
  text?: TextSegment[];
}

/** Texts (one language of a Localized) get segments; ids, words of a vocabulary and numbers are compared whole. */
const LANGUAGE_KEYS: ReadonlySet<string> = new Set(['zh-CN', 'en']);

/** Myers' diff costs O(length × edits): past this many edits a text is shown as replaced whole. */
const MAX_TEXT_EDITS = 1_000;

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** How the value under `name` changed (undefined: it did not); equal values compare equal whatever their key order. */
export function valueChange(path: string, name: string, before: unknown, after: unknown): ValueChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  if (before === undefined) return { path, kind: 'added', after };
  if (after === undefined) return { path, kind: 'removed', before };
  if (typeof before === 'string' && typeof after === 'string' && LANGUAGE_KEYS.has(name)) {
    return before === after ? undefined : { path, kind: 'changed', before, after, text: textEdit(before, after) };
  }
  return canonicalJson(before) === canonicalJson(after) ? undefined : { path, kind: 'changed', before, after };
}

/** A text's edit: by character where either version has Chinese (one character changed reads as one), else by word. */
export function textEdit(before: string, after: string): TextSegment[] {
  const byCharacter = CJK.test(before) || CJK.test(after);
  const changes = (byCharacter ? diffChars : diffWordsWithSpace)(before, after, { maxEditLength: MAX_TEXT_EDITS });
  if (!changes) {
    const whole: TextSegment[] = [
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ];
    return whole.filter((s) => s.text !== '');
  }
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** Texts longer than this (both versions together) are shown once, with their edits marked, not twice. */
const SHOWN_WHOLE_UP_TO = 80;
/** Unchanged characters kept on each side of an edit in a marked-up text. */
const CONTEXT_CHARACTERS = 10;

/** A changed text too long to show before and after: its edits marked (undefined: show both versions). */
export function markedEdit(change: Pick<ValueChange, 'before' | 'after' | 'text'>): string | undefined {
  const { before, after } = change;
  const long =
    typeof before === 'string' && typeof after === 'string' && before.length + after.length > SHOWN_WHOLE_UP_TO;
  return long && change.text ? markEdits(change.text) : undefined;
}

/** `…锁存现金[-和-]{+、+}重要空白…`: the edits of a long text with a little unchanged text around each. */
export function markEdits(segments: readonly TextSegment[]): string {
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
