// What the runner must never let a guard miss: drill or live incident, a journal that cannot be written, a
// journal file that was deleted or replaced under the run, and a tap that was not recorded.
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../shared/journal/events';
import type { RunView } from '../../../shared/run/runViewSchema';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import { formatClock, formatDuration } from './time';
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

/** A live run declared an unannounced drill: said at once, and for as long as the screen is open. */
export function DeclaredNotice({ exercise }: { exercise: RunView['exercise'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const declared = exercise?.declared;
  if (!exercise || !declared) return null;
  return (
    <div role="alert" className="notice notice-warning drill-declared" data-testid="drill-declared">
      <p>
        <strong>
          {t('run.declared', { name: declared.name, time: formatClock(declared.at, lang), title: exercise.title })}
        </strong>
      </p>
    </div>
  );
}

/**
 * What the drill's trainer delivered to the players, newest first and marked as part of the drill: read out as it
 * arrives. The expected action never reaches the runner (it is for the trainer and the evaluators).
 */
export function InjectCards({ view }: { view: Pick<RunView, 'injects' | 'plan'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const roleTitle = (id: string) => pick(view.plan.roles.find((r) => r.id === id)?.title, lang) || id;
  return (
    <section className="inject-list" aria-label={t('run.injects')} aria-live="polite">
      {[...view.injects].reverse().map((inject, i) => (
        <article
          key={inject.injectId}
          className={`inject-card${i === 0 ? ' inject-card-new' : ''}`}
          data-inject={inject.injectId}
        >
          <p className="inject-head">
            <span aria-hidden="true">📣 </span>
            {t('run.injectHead', { time: formatDuration(inject.scenarioSeconds) })}
            <span className="inject-to">
              {inject.toRole ? t('run.injectTo', { role: roleTitle(inject.toRole) }) : t('run.injectEveryone')}
            </span>
          </p>
          <p className="inject-text">{inject.text}</p>
        </article>
      ))}
    </section>
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
