// The checklist template library (检查表): the list, one template (its facts, findings and contents), the draft in
// review, the history, and the draft in the editor (its own chunk). Trainers read; managers revise, review, retire.
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import { CHECKLIST_USE_LABELS } from '../../../shared/checklist/vocabulary';
import { pick } from '../../../shared/plan/labels';
import { useApi, usePush } from '../api/ApiContext';
import { hrefFor, type ChecklistView } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ChecklistActions } from './ChecklistActions';
import { ChecklistContents, FindingList } from './ChecklistContents';
import { ChecklistHistory } from './ChecklistHistory';
import { ChecklistList, LibraryBadges } from './ChecklistList';
import { ChecklistReview } from './ChecklistReview';
import { when } from './when';
import '../styles/library.css';
import './checklistLibrary.css';
import './strings';

const ChecklistEditor = lazy(() =>
  import('../checklistEditor/ChecklistEditor').then((m) => ({ default: m.ChecklistEditor })),
);

export function ChecklistLibraryScreen({ checklistId, view }: { checklistId?: string; view?: ChecklistView }) {
  if (!checklistId) return <ChecklistList />;
  if (view === 'edit') {
    return (
      <Suspense fallback={null}>
        <ChecklistEditor checklistId={checklistId} />
      </Suspense>
    );
  }
  return <ChecklistPage checklistId={checklistId} view={view} />;
}

function ChecklistPage({ checklistId, view }: { checklistId: string; view?: 'review' | 'history' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const [state, retry] = useAsync(() => api.call('checklists.get', { checklistId }), [checklistId]);
  usePush(
    'checklists.changed',
    useCallback(() => retry(), []),
  );
  return (
    <section aria-labelledby="checklist-title" className="plan-detail">
      <p>
        <a href={hrefFor(view ? { screen: 'checklists', checklistId } : { screen: 'checklists' })}>
          {view ? t('checklistLibrary.backToTemplate') : t('checklistLibrary.back')}
        </a>
      </p>
      <LoadState state={state} retry={retry}>
        {({ summary, checklist, findings, file }) => (
          <>
            <h1 id="checklist-title">{checklist ? pick(checklist.title, lang) : summary.title[lang]}</h1>
            <p>
              <LibraryBadges summary={summary} />
            </p>
            <ChecklistActions summary={summary} />
            {view === 'review' ? (
              <ChecklistReview checklistId={checklistId} />
            ) : view === 'history' ? (
              <ChecklistHistory checklistId={checklistId} hasDraft={summary.draft !== undefined} />
            ) : (
              <>
                <h2>{t('checklistLibrary.facts')}</h2>
                <dl className="facts">
                  <dt>{t('checklistLibrary.version', { version: summary.version })}</dt>
                  <dd>
                    {VERSION_SOURCE_LABELS[summary.source][lang]}
                    {summary.publishedAt &&
                      ` · ${t('checklistLibrary.publishedAt', { at: when(summary.publishedAt) })}`}
                  </dd>
                  {summary.use && (
                    <>
                      <dt>{t('checklistLibrary.use')}</dt>
                      <dd>{CHECKLIST_USE_LABELS[summary.use][lang]}</dd>
                    </>
                  )}
                  {checklist && (
                    <>
                      <dt>{t('checklistLibrary.passScore')}</dt>
                      <dd>{t('checklistLibrary.passScoreValue', { score: checklist.passScore ?? 80 })}</dd>
                    </>
                  )}
                  {checklist?.basis && (
                    <>
                      <dt>{t('checklistLibrary.basis')}</dt>
                      <dd>{checklist.basis[lang] || checklist.basis['zh-CN']}</dd>
                    </>
                  )}
                  <dt>{t('checklistLibrary.hash')}</dt>
                  <dd>
                    <code className="small">{summary.contentHash}</code>
                  </dd>
                  <dt>{t('checklistLibrary.file')}</dt>
                  <dd>
                    <code className="small">{file}</code>
                  </dd>
                </dl>
                <h2>{t('checklistLibrary.findings')}</h2>
                <FindingList findings={findings} />
                {checklist && <ChecklistContents checklist={checklist} />}
              </>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
