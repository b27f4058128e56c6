// One run's record: its facts, each step's time against its target, decisions, problems, notes, calls, the
// timeline, and the plan version it followed as it was; exports and the printable report from here.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import { pick } from '../../../shared/plan/labels';
import { indexSteps, type IndexedStep } from '../../../shared/plan/stepIndex';
import { findingsAsOf } from '../../../shared/run/findings';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { PlanOutline } from '../components/PlanOutline';
import { useLanguage } from '../components/useLanguage';
import { damageText } from '../records/IntegrityBadge';
import { downloadExport } from '../records/exportRun';
import { ModeBadge } from '../records/ModeBadge';
import { ProblemList } from '../records/ProblemList';
import { formatTimeOfDay } from '../records/recordTime';
import { RunFacts } from '../records/RunFacts';
import { CloseOutDetails } from '../records/CloseOutDetails';
import { closeOutRequired } from '../../../shared/run/closeOutRequired';
import { StepChart } from '../records/StepChart';
import { useRunRecord } from '../records/useRunRecord';
import { useSession } from '../people/SessionContext';
import { NoteList } from '../run/Notes';
import { EscalationLinks } from '../run/FollowOn';
import { Timeline } from '../run/Timeline';
import { useNow } from '../run/useNow';
import { runLoadState, useRun } from '../run/useRun';

export function RecordDetailScreen({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const run = useRun(runId);
  const state = runLoadState(run);
  return (
    <section className="record-detail" aria-labelledby="record-title">
      <p className="record-back">
        <a href={hrefFor({ screen: 'records' })}>← {t('records.back')}</a>
      </p>
      <LoadState state={state} retry={run.reload}>
        {(view) => <RecordDetail view={view} />}
      </LoadState>
    </section>
  );
}

function RecordDetail({ view }: { view: RunView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useRunRecord(view);
  // A damaged journal is read up to the damage only: it may look unfinished without being so.
  const active = view.status === 'active' && record?.integrity !== 'damaged';
  const now = useNow(active);
  const until = active ? new Date(now).toISOString() : undefined;
  const index = useMemo(() => indexSteps(view.plan), [view.plan]);
  // Recorded by the backend's replay; a run in progress has its open steps timed to now.
  const { visits, problems } = useMemo(() => findingsAsOf(view, until), [view, until]);
  return (
    <div className={`record mode-${view.mode}`} data-run-id={view.runId}>
      <div className="record-title-row">
        <h1 id="record-title">{pick(view.plan.title, lang)}</h1>
        <ModeBadge mode={view.mode} />
      </div>
      <EscalationLinks view={view} to="records" />
      <ExportBar runId={view.runId} />
      {record?.integrity === 'damaged' && (
        <div role="alert" className="notice notice-error">
          <strong>{t('records.damagedTitle')}</strong>
          <p>{t('records.damagedText', { where: record.damage ? damageText(record.damage, t) : '' })}</p>
        </div>
      )}
      {record?.integrity === 'foreign' && (
        <div className="notice notice-warning" data-testid="record-foreign">
          <strong>{t('records.foreignTitle')}</strong>
          <p>{t('records.foreignText', { keyId: record.keyId ?? view.sealed?.keyId ?? '—' })}</p>
        </div>
      )}
      {active && (
        <p className="notice notice-warning">
          {t('records.inProgress', { context: view.mode })}{' '}
          <a href={hrefFor({ screen: 'run', runId: view.runId })}>{t('records.openRunner', { context: view.mode })}</a>
        </p>
      )}
      <RunFacts view={view} record={record} now={now} />
      <div className="record-columns">
        <div className="record-main">
          <section aria-labelledby="chart-title">
            <h2 id="chart-title">{t('records.chart.title')}</h2>
            <StepChart plan={view.plan} visits={visits} cut={record?.integrity === 'damaged'} />
          </section>
          {closeOutRequired(view) && (
            <section aria-labelledby="close-out-record-title">
              <h2 id="close-out-record-title">{t('closeOut.title')}</h2>
              <CloseOutDetails closeOut={view.closeOut} />
            </section>
          )}
          <Decisions view={view} index={index} />
          <section aria-labelledby="problems-title">
            <h2 id="problems-title">{t('records.problems.title')}</h2>
            <ProblemList plan={view.plan} problems={problems.filter((p) => p.kind !== 'note')} />
          </section>
          <NoteList view={view} index={index} />
          <Calls view={view} index={index} />
          <section aria-labelledby="plan-version-title">
            <h2 id="plan-version-title">{t('records.planAsRun', { version: view.planRef.version })}</h2>
            <details className="plan-as-run">
              <summary>{t('records.showPlan')}</summary>
              <p>{pick(view.plan.summary, lang)}</p>
              {/* The run's own copy of the plan, with no directory: what the plan said, not today's settings. */}
              <PlanOutline plan={view.plan} directory={{}} />
            </details>
          </section>
        </div>
        <aside
          className="record-side"
          aria-label={t('run.timeline', { count: view.timeline.length, context: view.mode })}
        >
          <Timeline view={view} open follow={false} day={view.startedAt} />
        </aside>
      </div>
    </div>
  );
}

function ExportBar({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [busy, setBusy] = useState<'json' | 'csv'>();
  const [error, setError] = useState<string>();
  const save = async (format: 'json' | 'csv') => {
    setBusy(format);
    setError(undefined);
    try {
      // Handing a record out as a file is recorded and needs a trainer or above; printing stays open to all.
      await session.withUnlock('trainer', () => downloadExport(api, runId, format));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.body.message[lang] : String(failure));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="record-actions">
      {session.isUnlockedAs('trainer') ? (
        <>
          <button
            type="button"
            onClick={() => void save('json')}
            disabled={!!busy}
            aria-busy={busy === 'json' || undefined}
          >
            {t('records.exportJson')}
          </button>
          <button
            type="button"
            onClick={() => void save('csv')}
            disabled={!!busy}
            aria-busy={busy === 'csv' || undefined}
          >
            {t('records.exportCsv')}
          </button>
        </>
      ) : (
        <button
          type="button"
          title={t('records.unlockToExportHint')}
          onClick={() => void session.requestUnlock('trainer')}
        >
          {t('records.unlockToExport')}
        </button>
      )}
      <a className="button-link primary" href={hrefFor({ screen: 'records', runId, report: true })}>
        {t('records.printReport')}
      </a>
      {error && (
        <p role="alert" className="notice notice-error">
          {t('records.exportFailed', { message: error })}
        </p>
      )}
    </div>
  );
}

function Decisions({ view, index }: { view: RunView; index: Map<string, IndexedStep> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const decisions = view.findings.decisions;
  const title = (id: string) => pick(index.get(id)?.step.title, lang) || id;
  const option = (stepId: string, optionId: string) => {
    const step = index.get(stepId)?.step;
    return pick(step?.kind === 'decision' ? step.options.find((o) => o.id === optionId)?.label : undefined, lang);
  };
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('records.decisions.title', { count: decisions.length })}</h2>
      {decisions.length === 0 ? (
        <p className="muted">{t('records.decisions.none')}</p>
      ) : (
        <ol className="record-decisions">
          {decisions.map((d) => (
            <li key={`${d.step}@${d.at}`}>
              <time dateTime={d.at}>{formatTimeOfDay(d.at)}</time> {title(d.step)} →{' '}
              {d.kind === 'chosen' ? (
                <strong>{option(d.step, d.option) || d.option}</strong>
              ) : (
                <strong className="decision-timeout">
                  {t('records.decisions.timedOut', { seconds: d.seconds, next: d.next ? title(d.next) : '—' })}
                </strong>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Calls({ view, index }: { view: RunView; index: Map<string, IndexedStep> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const contact = (id: string) => pick(view.plan.contacts.find((c) => c.id === id)?.name, lang) || id;
  return (
    <section aria-labelledby="calls-title">
      <h2 id="calls-title">{t('records.calls.title', { count: view.called.length })}</h2>
      {view.called.length === 0 ? (
        <p className="muted">{t('records.calls.none')}</p>
      ) : (
        <ol className="record-calls">
          {view.called.map((c) => (
            <li key={`${c.contact}@${c.at}`}>
              <time dateTime={c.at}>{formatTimeOfDay(c.at)}</time> {contact(c.contact)}{' '}
              <strong>{c.phone || t('records.calls.noNumber')}</strong>{' '}
              <span className="muted small">· {pick(index.get(c.step)?.step.title, lang)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
