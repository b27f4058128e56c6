// The branch's inspections: the ones in progress first (to continue), then the planned ones (begun or cancelled from
// here by a trainer), then the sealed ones with their score and verdict, and the cancelled ones folded away. Guards
// read; only trainers and above see the buttons that start, begin or cancel.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary } from '../../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../../shared/limits';
import { useApi } from '../api/ApiContext';
import { hrefFor, navigate } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { formatDateTime } from '../records/recordTime';
import { KindBadge, VerdictBadge } from './Badges';
import { listGroups } from './inspectionModel';
import { percentText } from './labels';
import { useAsInspector, useInspectionList } from './useInspections';

export function InspectionList() {
  const { t } = useTranslation();
  const [state, reload] = useInspectionList();
  const session = useSession();
  const mayConduct = session.mayEditAs('trainer');
  return (
    <section className="inspections-screen" aria-labelledby="inspections-title">
      <div className="inspections-head">
        <h1 id="inspections-title">{t('inspections.list.heading')}</h1>
        {mayConduct && (
          <a className="button-link primary" href={hrefFor({ screen: 'inspections', plan: true })}>
            {t('inspections.list.startNew')}
          </a>
        )}
        <a className="button-link" href={hrefFor({ screen: 'inspections', scorecard: true })}>
          {t('inspections.list.scorecard')}
        </a>
        <a className="button-link" href={hrefFor({ screen: 'actions' })}>
          {t('inspections.list.actions')}
        </a>
        {session.mayEditAs('manager') && (
          // The templates these inspections follow: a manager revises them there.
          <a className="button-link" href={hrefFor({ screen: 'checklists' })}>
            {t('nav.checklists')}
          </a>
        )}
      </div>
      <LoadState state={state} retry={reload}>
        {(summaries: InspectionSummary[]) =>
          summaries.length === 0 ? (
            <p className="muted">{t('inspections.list.none')}</p>
          ) : (
            <Groups summaries={summaries} mayConduct={mayConduct} />
          )
        }
      </LoadState>
    </section>
  );
}

function Groups({ summaries, mayConduct }: { summaries: InspectionSummary[]; mayConduct: boolean }) {
  const { t } = useTranslation();
  const groups = listGroups(summaries);
  return (
    <>
      {groups.inProgress.length > 0 && (
        <Group id="in-progress" title={t('inspections.list.inProgress')}>
          {groups.inProgress.map((s) => (
            <InProgressRow key={s.id} summary={s} mayConduct={mayConduct} />
          ))}
        </Group>
      )}
      {groups.planned.length > 0 && (
        <Group id="planned" title={t('inspections.list.planned')}>
          {groups.planned.map((s) => (
            <PlannedRow key={s.id} summary={s} mayConduct={mayConduct} />
          ))}
        </Group>
      )}
      {groups.sealed.length > 0 && (
        <Group id="sealed" title={t('inspections.list.sealed')}>
          {groups.sealed.map((s) => (
            <SealedRow key={s.id} summary={s} />
          ))}
        </Group>
      )}
      {groups.cancelled.length > 0 && (
        <details className="inspection-cancelled">
          <summary>{t('inspections.list.cancelled', { count: groups.cancelled.length })}</summary>
          <ul className="inspection-rows">
            {groups.cancelled.map((s) => (
              <CancelledRow key={s.id} summary={s} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="inspection-group" aria-labelledby={`group-${id}`} data-group={id}>
      <h2 id={`group-${id}`}>{title}</h2>
      <ul className="inspection-rows">{children}</ul>
    </section>
  );
}

/** Title, badge and place: the head of every row. */
function RowHead({ summary }: { summary: InspectionSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="inspection-row-head">
      <span className="inspection-row-title">{summary.title[lang]}</span>
      <KindBadge announced={summary.announced} />
      <span className="muted">
        {summary.place ? t('inspections.list.place', { place: summary.place }) : t('inspections.list.noPlace')}
      </span>
    </div>
  );
}

function InProgressRow({ summary, mayConduct }: { summary: InspectionSummary; mayConduct: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="inspection-row" data-inspection={summary.id} data-status="in-progress">
      <RowHead summary={summary} />
      {summary.begun && (
        <p className="inspection-row-when">
          {t('inspections.list.begunAt', {
            at: formatDateTime(summary.begun.at, false),
            name: summary.begun.by?.name ?? t('inspections.none'),
          })}
        </p>
      )}
      <div className="insp-buttons">
        <a
          className={`button-link${mayConduct ? ' primary' : ''}`}
          href={hrefFor({ screen: 'inspections', inspectionId: summary.id })}
        >
          {mayConduct ? t('inspections.list.continue') : t('inspections.list.view')}
        </a>
      </div>
    </li>
  );
}

function PlannedRow({ summary, mayConduct }: { summary: InspectionSummary; mayConduct: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asInspector = useAsInspector();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const begin = () =>
    act(async () => {
      const view = await asInspector(() => api.call('inspections.start', { inspectionId: summary.id }));
      navigate({ screen: 'inspections', inspectionId: view.summary.id });
    });
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await asInspector(() => api.call('inspections.cancel', { inspectionId: summary.id, reason: reason.trim() }));
      setCancelling(false);
    });
  };
  const reasonId = `cancel-${summary.id}-reason`;
  return (
    <li className="inspection-row" data-inspection={summary.id} data-status="planned">
      <RowHead summary={summary} />
      <p className="inspection-row-when">
        {summary.plan && <strong>{t('inspections.list.plannedFor', { date: summary.plan.date })}</strong>}
        {summary.planned && <span> · {t('inspections.list.plannedBy', { name: summary.planned.by.name })}</span>}
        {summary.plan && summary.plan.inspectors.length > 0 && (
          <span> · {summary.plan.inspectors.join(lang === 'en' ? ', ' : '、')}</span>
        )}
      </p>
      {!summary.announced && <p className="inspection-hidden-note">{t('inspections.list.hiddenUntilBegun')}</p>}
      {mayConduct && !cancelling && (
        <div className="insp-buttons">
          <button type="button" className="primary" disabled={busy} onClick={() => void begin()}>
            {t('inspections.list.begin')}
          </button>
          <button
            type="button"
            disabled={busy}
            aria-label={t('inspections.list.cancelOf', { title: summary.title[lang] })}
            onClick={() => setCancelling(true)}
          >
            {t('inspections.list.cancel')}
          </button>
        </div>
      )}
      {mayConduct && cancelling && (
        <form
          className="inspection-cancel"
          onSubmit={cancel}
          aria-label={t('inspections.list.cancelOf', { title: summary.title[lang] })}
        >
          <label htmlFor={reasonId}>{t('inspections.list.cancelReason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            value={reason}
            maxLength={INSPECTION_LIMITS.cancelReason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="insp-buttons">
            <button type="submit" className="danger" disabled={busy || !reason.trim()}>
              {t('inspections.list.cancelConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setCancelling(false)}>
              {t('inspections.list.keep')}
            </button>
          </div>
        </form>
      )}
      {error !== undefined && <ErrorNote error={error} />}
    </li>
  );
}

function SealedRow({ summary }: { summary: InspectionSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sealed = summary.sealed!;
  const at = formatDateTime(summary.begun?.at ?? sealed.at, false);
  return (
    <li className="inspection-row" data-inspection={summary.id} data-status="sealed">
      <RowHead summary={summary} />
      <p className="inspection-row-when">
        <span>{t('inspections.list.sealedAt', { at: formatDateTime(sealed.at, false) })}</span>
        {' · '}
        <strong data-testid="inspection-score">
          {t('inspections.list.score', { percent: percentText(sealed.percent, t) })}
        </strong>{' '}
        <VerdictBadge passed={sealed.passed} criticalFailed={sealed.criticalFailed.length} />
      </p>
      <div className="insp-buttons">
        <a
          className="button-link"
          href={hrefFor({ screen: 'inspections', inspectionId: summary.id })}
          aria-label={t('inspections.list.resultOf', { title: summary.title[lang], at })}
        >
          {t('inspections.list.result')}
        </a>
        <a
          className="button-link"
          href={hrefFor({ screen: 'inspections', inspectionId: summary.id, report: true })}
          aria-label={t('inspections.list.reportOf', { title: summary.title[lang], at })}
        >
          {t('inspections.list.report')}
        </a>
      </div>
    </li>
  );
}

function CancelledRow({ summary }: { summary: InspectionSummary }) {
  const { t } = useTranslation();
  return (
    <li className="inspection-row" data-inspection={summary.id} data-status="cancelled">
      <RowHead summary={summary} />
      {summary.cancelled && (
        <p className="inspection-row-when">
          {t('inspections.list.cancelledBy', {
            at: formatDateTime(summary.cancelled.at, false),
            name: summary.cancelled.by.name,
            reason: summary.cancelled.reason,
          })}
        </p>
      )}
    </li>
  );
}
