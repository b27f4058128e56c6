// Every checklist template the branch has: its status (in use, retired, not published), version, draft, errors,
// how many items and critical items, a newer bundled template; each row with what this window may do with it.
// Managers import a template file here too.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistSummary } from '../../../shared/api/channels';
import { CHECKLIST_USE_LABELS } from '../../../shared/checklist/vocabulary';
import { useApi, usePush } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { ImportPanel } from '../components/ImportPanel';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { useSession } from '../people/SessionContext';
import { ChecklistActions } from './ChecklistActions';
import './strings';

export function ChecklistList() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [state, retry] = useAsync(() => api.call('checklists.list'), []);
  usePush(
    'checklists.changed',
    useCallback(() => retry(), []),
  );
  return (
    <section aria-labelledby="checklists-title">
      <h1 id="checklists-title">{t('checklistLibrary.title')}</h1>
      <p className="muted">{t('checklistLibrary.intro')}</p>
      {session.mayEditAs('manager') && (
        <ImportPanel
          label={t('checklistLibrary.importFile')}
          refusedText={t('checklistLibrary.importRefused')}
          importFile={(fileName, content) => api.call('checklists.import', { fileName, content })}
          onAccepted={({ draft: { draft } }) => {
            navigate({ screen: 'checklists', checklistId: draft.planId, view: 'edit' });
            return t('checklistLibrary.importAccepted');
          }}
        />
      )}
      <LoadState state={state} retry={retry}>
        {(summaries: ChecklistSummary[]) =>
          summaries.length === 0 ? (
            <p className="muted">{t('checklistLibrary.none')}</p>
          ) : (
            <ul className="checklist-list">
              {summaries.map((summary) => (
                <ChecklistRow key={summary.id} summary={summary} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function ChecklistRow({ summary }: { summary: ChecklistSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <li className="checklist-row" data-checklist={summary.id} aria-labelledby={`cl-${summary.id}`}>
      <p className="checklist-row-head">
        <a id={`cl-${summary.id}`} href={hrefFor({ screen: 'checklists', checklistId: summary.id })}>
          <strong>{summary.title[lang]}</strong>
        </a>{' '}
        <LibraryBadges summary={summary} />
      </p>
      <p className="checklist-row-facts muted small">
        {summary.use && `${CHECKLIST_USE_LABELS[summary.use][lang]} · `}
        {summary.version > 0 && `${t('checklistLibrary.version', { version: summary.version })} · `}
        {t('checklistLibrary.counts', { sections: summary.sections, items: summary.items, critical: summary.critical })}
      </p>
      <ChecklistActions summary={summary} />
    </li>
  );
}

/** Status, draft, findings and a newer template, as badges (words, not colour alone). */
export function LibraryBadges({ summary }: { summary: ChecklistSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge ${summary.status === 'published' ? 'badge-ok' : 'badge-muted'}`}>
        {t(`checklistLibrary.status.${summary.status}`)}
      </span>{' '}
      {summary.draft && (
        <span className={`badge ${summary.draft.status === 'in-review' ? 'badge-warning' : 'badge-muted'}`}>
          {t(`checklistLibrary.draft.${summary.draft.status}`, { name: summary.draft.updatedBy })}
        </span>
      )}{' '}
      {summary.errors > 0 ? (
        <span className="badge badge-error">{t('checklistLibrary.errors', { count: summary.errors })}</span>
      ) : summary.warnings > 0 ? (
        <span className="badge badge-warning">{t('checklistLibrary.warnings', { count: summary.warnings })}</span>
      ) : (
        <span className="badge badge-ok">{t('checklistLibrary.valid')}</span>
      )}{' '}
      {summary.templateUpdate && (
        <span className="badge badge-muted">
          {t('checklistLibrary.templateUpdate', { version: summary.templateUpdate.version })}
        </span>
      )}
    </>
  );
}
