// A plan's published versions, newest first (the shared version rows: who wrote and approved each, when, why, its
// hash); each can be compared with the one before, exported, or rolled back to (a new draft whose content is that
// version's).
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { saveBlob } from '../components/saveBlob';
import { VersionList } from '../components/VersionList';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './strings';

export function HistoryView({ planId, hasDraft }: { planId: string; hasDraft: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [state, retry] = useAsync(() => api.call('plans.history', { planId }), [planId]);
  const exporting = useUnlockedAction('trainer');
  const rolling = useUnlockedAction('manager');
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('library.history')}</h2>
      {exporting.outcome?.kind === 'failed' && <ErrorNote error={exporting.outcome.error} />}
      {rolling.outcome?.kind === 'failed' && <ErrorNote error={rolling.outcome.error} />}
      <LoadState state={state} retry={retry}>
        {({ versions }) => (
          <VersionList
            versions={versions}
            actions={(v) => (
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
            )}
          />
        )}
      </LoadState>
    </section>
  );
}
