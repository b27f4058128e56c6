// What changed between two versions of a plan, for a reviewer: the readable list (one line per change, a changed
// text with its edits marked character by character) beside the new version's diagram with the changes marked.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeCounts, describeDiffEntries } from '../../../shared/plan/describeDiff';
import type { PlanDiff } from '../../../shared/plan/diff';
import type { Plan } from '../../../shared/plan/schema';
import { DiffLines } from '../components/MarkedText';
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
        {entries.length > 0 && <DiffLines entries={entries} />}
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
