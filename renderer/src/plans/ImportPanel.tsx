// Import of a plan file from elsewhere (another branch, head office): checked by the backend on the way in. A refused
// file says why, where (line, JSON path, step) and that nothing changed; an accepted one becomes a draft, shown at
// once against the version in use.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/api/channels';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useUnlockedAction } from '../people/useUnlockedAction';
import './strings';

type Refusal = Extract<ChannelOutput<'plans.import'>, { accepted: false }>;

export function ImportPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const action = useUnlockedAction('manager');
  const [refused, setRefused] = useState<{ file: string; findings: Refusal['findings'] }>();
  const importFile = async (file: File) => {
    setRefused(undefined);
    const content = await file.text();
    await action.run(
      () => api.call('plans.import', { fileName: file.name, content }),
      (result) => {
        if (!result.accepted) {
          setRefused({ file: file.name, findings: result.findings });
          return '';
        }
        const { draft } = result.draft;
        navigate({
          screen: 'plans',
          planId: draft.planId,
          view: draft.base ? { kind: 'compare', a: draft.base.version, b: 'draft' } : { kind: 'edit' },
        });
        return t('library.importAccepted');
      },
    );
  };
  return (
    <div className="import-panel">
      <label className="field">
        <span>{t('library.importFile')}</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // the same file may be chosen again after fixing it
            if (file) void importFile(file);
          }}
        />
      </label>
      {action.outcome?.kind === 'failed' && <ErrorNote error={action.outcome.error} />}
      {refused && (
        <div role="alert" className="notice notice-error">
          <p>
            {t('library.importRefused')} <code>{refused.file}</code>
          </p>
          <ul className="findings">
            {refused.findings.map((f, i) => (
              <li key={i}>
                {f.line !== undefined && `${refused.file}:${f.line}:${f.column ?? 1} `}
                {f.stepId && <code>{f.stepId}</code>} {f.message[lang]}{' '}
                <span className="muted small">
                  {f.path && <code>{f.path}</code>} [{f.code}]
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
