// What changed between two versions of a plan, for a reviewer: the readable list (one line per change, a changed
// text with its edits marked character by character) beside the new version's diagram with the changes marked.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeCounts, describeDiffEntries } from '../../../shared/plan/describeDiff';
import type { PlanDiff, TextSegment } from '../../../shared/plan/diff';
import type { Plan } from '../../../shared/plan/schema';
import { useLanguage } from '../components/useLanguage';
import { highlightFromDiff, PlanDiagram } from '../diagram/PlanDiagram';
import './strings';

export function DiffView({ diff, after }: { diff: PlanDiff; after?: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const entries = useMemo(() => describeDiffEntries(diff, lang), [diff, lang]);
  // One object per diff: a new one on every render would rebuild the diagram's graph each time.
  const highlight = useMemo(() => highlightFromDiff(diff), [diff]);
  return (
    <div className="diff-view">
      <section aria-labelledby="diff-changes" className="diff-changes">
        <h2 id="diff-changes">{t('library.changes')}</h2>
        <p className="diff-counts">{describeCounts(diff, lang)}</p>
        {entries.length > 0 && (
          <ul className="diff-list">
            {entries.map((entry, i) => (
              <li key={i} className={`diff-line diff-${kindOf(entry.line)}`}>
                <span>{entry.line}</span>
                {entry.text && <MarkedText segments={entry.text} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {after && (
        <section aria-labelledby="diff-diagram" className="diff-diagram">
          <h2 id="diff-diagram">{t('library.diagram')}</h2>
          <p className="muted small">{t('library.diffLegend')}</p>
          <PlanDiagram plan={after} lang={lang} highlight={highlight} label={t('library.diagram')} />
        </section>
      )}
    </div>
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
