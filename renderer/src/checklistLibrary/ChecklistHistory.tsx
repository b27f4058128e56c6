// A checklist template's published versions, newest first (the shared version rows: author, approver, whether
// self-approved, note, hash, the one in use). Each can be viewed read-only here, exported, or rolled back to: a new
// draft with that version's content, opened in the editor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { saveBlob } from '../components/saveBlob';
import { VersionList } from '../components/VersionList';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { useUnlockedAction } from '../people/useUnlockedAction';
import { ChecklistContents, FindingList } from './ChecklistContents';
import './strings';

export function ChecklistHistory({ checklistId, hasDraft }: { checklistId: string; hasDraft: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [state, retry] = useAsync(() => api.call('checklists.history', { checklistId }), [checklistId]);
  const [viewing, setViewing] = useState<number>();
  const exporting = useUnlockedAction('trainer');
  const rolling = useUnlockedAction('manager');
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('checklistLibrary.history')}</h2>
      {exporting.outcome?.kind === 'failed' && <ErrorNote error={exporting.outcome.error} />}
      {rolling.outcome?.kind === 'failed' && <ErrorNote error={rolling.outcome.error} />}
      <LoadState state={state} retry={retry}>
        {({ versions }) => (
          <VersionList
            versions={versions}
            actions={(v) => (
              <>
                <p className="button-row">
                  <button
                    type="button"
                    aria-expanded={viewing === v.version}
                    onClick={() => setViewing(viewing === v.version ? undefined : v.version)}
                  >
                    {viewing === v.version ? t('checklistLibrary.hide') : t('checklistLibrary.view')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void exporting.run(
                        () => api.call('checklists.export', { checklistId, version: v.version }),
                        (file) => {
                          saveBlob(new Blob([file.content], { type: file.mime }), file.fileName);
                          return file.fileName;
                        },
                        `export-${v.version}`,
                      )
                    }
                  >
                    {t('checklistLibrary.export')}
                  </button>
                  {!v.offered && !hasDraft && session.mayEditAs('manager') && (
                    <button
                      type="button"
                      onClick={() =>
                        void rolling.run(
                          () => api.call('checklists.rollback', { checklistId, version: v.version }),
                          () => {
                            navigate({ screen: 'checklists', checklistId, view: 'edit' });
                            return '';
                          },
                          `rollback-${v.version}`,
                        )
                      }
                    >
                      {t('checklistLibrary.rollback')}
                    </button>
                  )}
                </p>
                {viewing === v.version && <VersionView checklistId={checklistId} version={v.version} />}
              </>
            )}
          />
        )}
      </LoadState>
    </section>
  );
}

/** One published version as it was, read-only (a damaged file says why instead). */
function VersionView({ checklistId, version }: { checklistId: string; version: number }) {
  const api = useApi();
  const [state, retry] = useAsync(
    () => api.call('checklists.version', { checklistId, version }),
    [checklistId, version],
  );
  return (
    <div className="version-view" data-version={version}>
      <LoadState state={state} retry={retry}>
        {({ checklist, findings }) =>
          checklist ? <ChecklistContents checklist={checklist} headingLevel={3} /> : <FindingList findings={findings} />
        }
      </LoadState>
    </div>
  );
}
