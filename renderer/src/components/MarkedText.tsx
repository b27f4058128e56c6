// A diff's readable lines, for plans and checklist templates alike: one line per change, marked by its sort (added,
// removed, changed, moved…), a changed text with its edits shown under it.
import type { TextSegment } from '../../../shared/plan/diff';

export interface DiffLine {
  line: string;
  text?: readonly TextSegment[];
}

export function DiffLines({ entries }: { entries: readonly DiffLine[] }) {
  return (
    <ul className="diff-list">
      {entries.map((entry, i) => (
        <li key={i} className={`diff-line diff-${kindOf(entry.line)}`}>
          <span>{entry.line}</span>
          {entry.text && <MarkedText segments={entry.text} />}
        </li>
      ))}
    </ul>
  );
}

/** A text's edit: deleted parts struck through, inserted parts underlined (not by colour alone). */
export function MarkedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <p className="marked-text">
      {segments.map((s, i) =>
        s.op === 'insert' ? <ins key={i}>{s.text}</ins> : s.op === 'delete' ? <del key={i}>{s.text}</del> : s.text,
      )}
    </p>
  );
}

/** The line's sort, from its leading mark (+ added, - removed, ~ changed, ↕ moved, » renamed, → edge). */
function kindOf(line: string): string {
  const mark = line.trimStart()[0];
  return (
    { '+': 'added', '-': 'removed', '~': 'changed', '↕': 'moved', '»': 'renamed', '→': 'edge' }[mark ?? ''] ?? 'other'
  );
}
