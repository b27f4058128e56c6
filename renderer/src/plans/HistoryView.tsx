// A plan's published versions, newest first: who wrote and approved each, when, why, its hash; each can be viewed
// (compared with the one before), exported, or rolled back to (a new draft whose content is that version's).
import { useTranslation } from 'react-i18next';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { displayTimeZone } from '../components/displayTimeZone';
import { LoadState } from '../components/LoadState';
import { saveBlob } from '../components/saveBlob';
import { useLanguage } from '../components/useLanguage';
import { RevisedFor } from '../drillReview/RevisedFor';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './strings';

export function HistoryView({ planId, hasDraft }: { planId: string; hasDraft: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [state, retry] = useAsync(() => api.call('plans.history', { planId }), [planId]);
  const exporting = useUnlockedAction('trainer');
  const rolling = useUnlockedAction('manager');
  const when = (at: string) => formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('library.history')}</h2>
      {exporting.outcome?.kind === 'failed' && <ErrorNote error={exporting.outcome.error} />}
      {rolling.outcome?.kind === 'failed' && <ErrorNote error={rolling.outcome.error} />}
      <LoadState state={state} retry={retry}>
        {({ versions }) => (
          <ol className="version-list" reversed>
            {[...versions].reverse().map((v) => (
              <li key={v.version} className="version-entry" aria-current={v.offered ? 'true' : undefined}>
                <p className="version-head">
                  <strong>{t('library.version', { version: v.version })}</strong>
                  {v.offered && <span className="badge badge-ok">{t('library.offered')}</span>}{' '}
                  <span>{when(v.at)}</span> · <span>{VERSION_SOURCE_LABELS[v.source][lang]}</span>
                </p>
                <dl className="facts small">
                  {v.author && (
                    <>
                      <dt>{t('library.author')}</dt>
                      <dd>{v.author.name}</dd>
                    </>
                  )}
                  {v.approver && (
                    <>
                      <dt>{t('library.approver')}</dt>
                      <dd>
                        {v.approver.name}
                        {v.selfApproved && <span className="badge badge-warning">{t('library.selfApproved')}</span>}
                      </dd>
                    </>
                  )}
                  {v.note && (
                    <>
                      <dt>{t('library.note')}</dt>
                      <dd>{v.note}</dd>
                    </>
                  )}
                  <RevisedFor actions={v.forActions} />
                  <dt>{t('library.hash')}</dt>
                  <dd>
                    <code className="small">{v.contentHash}</code>
                  </dd>
                </dl>
                <p className="button-row">
                  {v.version > 1 && (
                    <a
                      className="button-link"
                      href={hrefFor({
                        screen: 'plans',
                        planId,
                        view: { kind: 'compare', a: v.version - 1, b: v.version },
                      })}
                    >
                      {t('library.compareWithPrevious')}
                    </a>
                  )}
                  <button
                    type="button"

                    onClick={() =>
                      void exporting.run(
                        () => api.call('plans.export', { planId, version: v.version }),
                        (file) => {
                          saveBlob(new Blob([file.content], { type: file.mime }), file.fileName);
                          return file.fileName;
                        },
                        `export-${v.version}`,
                      )
                    }
                  >
                    {t('library.export')}
                  </button>
                  {!v.offered && !hasDraft && session.isUnlockedAs('manager') && (
                    <button
                      type="button"

                      onClick={() =>
                        void rolling.run(
                          () => api.call('plans.rollback', { planId, version: v.version }),
                          () => {
                            navigate({ screen: 'plans', planId, view: { kind: 'edit' } });
                            return '';
                          },
                          `rollback-${v.version}`,
                        )
                      }
                    >
                      {t('library.rollback')}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}
