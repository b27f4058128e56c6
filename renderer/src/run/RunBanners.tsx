// What the runner must never let a guard miss: drill or live incident, a journal that cannot be written, a
// journal file that was deleted or replaced under the run, and a tap that was not recorded.
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../shared/journal/events';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import type { RunHandle } from './useRun';

export function ModeBanner({ mode }: { mode: RunMode }) {
  const { t } = useTranslation();
  return (
    <div className={`mode-banner mode-banner-${mode}`} data-mode={mode}>
      <strong className="mode-name">{mode === 'drill' ? t('run.modeDrill') : t('run.modeIncident')}</strong>
      <span className="mode-note">{mode === 'drill' ? t('run.drillNote') : t('run.incidentNote')}</span>
    </div>
  );
}

/** Stays for as long as the screen is open: nothing after a failed write is recorded, and people must know. */
export function WriteErrorBanner({ writeError }: { writeError: RunHandle['writeError'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!writeError) return null;
  return (
    <div role="alert" className="write-error">
      <strong>⚠ {t('run.writeError')}</strong>
      <p>{writeError.message[lang]}</p>
    </div>
  );
}

/**
 * The journal file vanished or was replaced while the run was live, and the engine wrote it again from the
 * acknowledged events: nothing was lost, but someone touched the evidence, and the manager must hear of it.
 */
export function RewrittenBanner({ rewritten, mode }: { rewritten: RunView['rewritten']; mode: RunMode }) {
  const { t } = useTranslation();
  const last = rewritten.at(-1);
  if (!last) return null;
  return (
    <div role="alert" className="notice notice-warning run-rewritten" data-testid="journal-rewritten">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {t('run.rewritten', { how: t(`run.rewrittenHow.${last.reason}`), count: last.events, context: mode })}
        </strong>
        {rewritten.length > 1 && t('run.rewrittenTimes', { count: rewritten.length })}
      </p>
    </div>
  );
}

export function CommandError({ run }: { run: Pick<RunHandle, 'error' | 'dismissError'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!run.error) return null;
  return (
    <div role="alert" className="notice notice-error command-error">
      <p>{t('run.commandFailed', { message: run.error[lang] })}</p>
      <button type="button" onClick={run.dismissError}>
        {t('run.dismiss')}
      </button>
    </div>
  );
}
