// The printable record of a run (应急处置记录 / 应急演练记录): one A4 form as a branch files it, with a toolbar
// on screen only. What it states comes from the run's own journal; the seal statement from the backend's check,
// with the installation key's fingerprint and the seal register's head as read then, so an auditor pins the key
// from paper.
import { useMemo, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { Language } from '../../../shared/plan/schema';
import { eventDescriber } from '../../../shared/records/describeEvent';
import type { RunRecord } from '../../../shared/records/runSummary';
import type { RunView } from '../../../shared/run/runViewSchema';
import { hrefFor } from '../app/router';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ProblemList } from '../records/ProblemList';
import { damageText, foreignText } from '../records/IntegrityBadge';
import {
  formatDateTime,
  formatDurationWords,
  formatLongDate,
  formatTimeOfDay,
  isSameLocalDay,
} from '../records/recordTime';
import { branchText } from '../records/RunFacts';
import { useRunRecord } from '../records/useRunRecord';
import { useRecordsIntegrity, type IntegrityReading } from '../records/useRecordsIntegrity';
import type { AsyncState } from '../app/useAsync';
import { downloadReportPdf } from '../records/exportRun';
import { SavePdfButton } from '../components/SavePdfButton';
import { useApi } from '../api/ApiContext';
import type { AppInfo } from '../../../shared/api/channels';
import { formatDuration, secondsBetween } from '../run/time';
import { runLoadState, useRun } from '../run/useRun';
import { actorText } from '../run/actor';
import { SignedVerified } from '../run/SignOff';
import { CloseOutDetails } from '../records/CloseOutDetails';
import { EscalationLinks } from '../run/FollowOn';
import { closeOutRequired } from '../../../shared/run/closeOutRequired';

export function RunReportScreen({ runId, host }: { runId: string; host: AppInfo['host'] }) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRun(runId);
  const state = runLoadState(run);
  return (
    <div className="report-page">
      <div className="report-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        {host === 'electron' && (
          <SavePdfButton label={t('report.savePdf')} save={() => downloadReportPdf(api, runId)} />
        )}
        <a className="button-link" href={hrefFor({ screen: 'records', runId })}>
          {t('report.back')}
        </a>
        <span className="muted small">{t('report.paperHint')}</span>
      </div>
      <LoadState state={state} retry={run.reload}>
        {(view) => <Report view={view} />}
      </LoadState>
    </div>
  );
}

function Report({ view }: { view: RunView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const record = useRunRecord(view);
  // Read once: the paper states the key and the register as they were when it was made.
  const [witnesses] = useRecordsIntegrity(false);
  const describe = useMemo(() => eventDescriber(view.plan), [view.plan]);
  const end = view.outcome?.at;
  // Stated as of the record's last event: paper does not follow a clock.
  const { participants: people, problems } = view.findings;
  const list = (items: string[]) => items.join(lang === 'en' ? ', ' : '、');
  const roles = view.plan.roles.map((r) => pick(r.title, lang) || r.id);
  const by = (name: string | null) => actorText(name, t);
  return (
    <article
      className={`report-sheet mode-${view.mode}`}
      aria-labelledby="report-title"
      data-run-id={view.runId}
      // Complete once the backend's integrity check and the key and register have arrived: the Electron host
      // prints to PDF only then.
      data-ready={record && witnesses.status !== 'loading' ? 'true' : 'false'}
    >
      <header className="report-header">
        {view.mode === 'drill' && <p className="report-stamp">{t('report.drillStamp')}</p>}
        <h1 id="report-title">{view.mode === 'drill' ? t('report.titleDrill') : t('report.titleIncident')}</h1>
        <p className="report-meta">
          <span>{t('report.unit', { unit: branchText(view, t) || t('records.notSet') })}</span>
          <span>{t('report.number', { runId: view.runId })}</span>
        </p>
      </header>
      <table className="report-table">
        <colgroup>
          <col className="report-label-col" />
          <col />
        </colgroup>
        <tbody>
          <Row label={t('report.time')}>
            {timeSpan(view, lang, t)}
            {end && (
              <span className="report-aside">
                {t('report.duration', { duration: formatDurationWords(secondsBetween(view.startedAt, end), lang) })}
              </span>
            )}
          </Row>
          <Row label={t('report.place')}>{branchText(view, t) || t('report.placeNotSet')}</Row>
          <Row label={t('report.participants')}>
            <p>{people.length > 0 ? list(people) : t('records.notRecorded')}</p>
            {roles.length > 0 && <p className="report-aside">{t('report.roles', { roles: list(roles) })}</p>}
          </Row>
          <Row label={t('report.plan')}>
            <p>{t('report.planVersion', { title: pick(view.plan.title, lang), version: view.planRef.version })}</p>
            <p className="report-aside">
              {t('report.hash')}
              <code>{view.planRef.contentHash}</code>
            </p>
            <EscalationLinks view={view} to="records" />
          </Row>
          <Row label={t('report.scenario')}>
            <p>{pick(view.plan.summary, lang)}</p>
            <p className="report-aside">{t('report.kind', { mode: t(`report.modes.${view.mode}`) })}</p>
          </Row>
          <Row label={view.mode === 'drill' ? t('report.processDrill') : t('report.process')}>
            <table className="report-process">
              <thead>
                <tr>
                  <th scope="col">{t('report.columns.seq')}</th>
                  <th scope="col">{t('report.columns.time')}</th>
                  <th scope="col">{t('report.columns.elapsed')}</th>
                  <th scope="col">{t('report.columns.what')}</th>
                  <th scope="col">{t('report.columns.by')}</th>
                </tr>
              </thead>
              <tbody>
                {view.timeline.map((e) => (
                  <tr key={e.seq} className={`type-${e.type.replace('.', '-')}`}>
                    <td>{e.seq}</td>
                    <td>{formatTimeOfDay(e.at)}</td>
                    <td>+{formatDuration(secondsBetween(view.startedAt, e.at))}</td>
                    <td>{describe(e.type, e.data)[lang]}</td>
                    <td>{by(e.by)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Row>
          <Row label={t('report.outcome', { context: view.mode })}>
            {view.outcome
              ? OUTCOME_LABELS[view.outcome.outcome][lang]
              : t(`records.status.${record?.integrity === 'damaged' ? 'unknown' : view.status}`)}
            {view.outcome?.reason && (
              <span className="report-aside">{t('run.abortReasonShown', { reason: view.outcome.reason })}</span>
            )}
          </Row>
          <Row label={t('report.problems')}>
            <ProblemList plan={view.plan} problems={problems} />
          </Row>
          {closeOutRequired(view) && (
            <Row label={t('closeOut.title')}>
              <CloseOutDetails closeOut={view.closeOut} className="report-closeout" />
            </Row>
          )}
          <Row label={t('report.signOff')}>
            <p>
              {view.signedOff
                ? t('report.signedOff', { name: view.signedOff.name, time: formatDateTime(view.signedOff.at) })
                : t('records.notSigned')}
              {view.signedOff && (
                <>
                  {' · '}
                  <SignedVerified verified={view.signedOff.verified} />
                </>
              )}
            </p>
            {view.signedOff?.note && <p className="report-aside">{view.signedOff.note}</p>}
            <div className="report-signatures">
              <span>{t('report.signLeader')}</span>
              <span>{t('report.signDate')}</span>
              <span>{t('report.signReviewer')}</span>
              <span>{t('report.signDate')}</span>
            </div>
          </Row>
          <Row label={t('report.integrity')}>
            <IntegrityStatement view={view} record={record} witnesses={witnesses} />
          </Row>
        </tbody>
      </table>
      <p className="report-footer">{t('report.printedBy', { time: formatDateTime(new Date().toISOString()) })}</p>
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function IntegrityStatement({
  view,
  record,
  witnesses,
}: {
  view: RunView;
  record: RunRecord | undefined;
  witnesses: AsyncState<IntegrityReading>;
}) {
  const { t } = useTranslation();
  const integrity = record?.integrity;
  const keyId = record?.keyId ?? view.sealed?.keyId;
  // Only 'verified' says the seal is valid and this installation's: 'foreign' and 'checking' never read as it.
  const text =
    integrity === 'verified' && view.sealed
      ? t('report.statementVerified', {
          context: view.mode,
          events: view.timeline.length,
          time: formatDateTime(view.sealed.at),
          keyId: view.sealed.keyId,
        })
      : integrity === 'foreign'
        ? t('report.statementForeign', { context: view.mode, events: view.timeline.length, keyId: keyId ?? '—' })
        : integrity === 'checking'
          ? t('report.statementChecking')
          : integrity === 'damaged'
            ? t('report.statementDamaged', { where: record?.damage ? damageText(record.damage, t) : '' })
            : integrity === 'not-sealed'
              ? t('report.statementNotSealed', { context: view.mode, events: view.timeline.length })
              : t('report.statementUnknown');
  return (
    <>
      <p>{text}</p>
      <dl className="report-seal">
        <dt>{view.sealed ? t('report.sealedHead') : t('report.head')}</dt>
        <dd>
          <code data-testid="report-head">{view.sealed?.head ?? view.head}</code>
        </dd>
        <dt>{t('run.keyId')}</dt>
        <dd>
          <code>{view.sealed?.keyId ?? '—'}</code>
        </dd>
        <dt>{t('report.sealStatus')}</dt>
        <dd data-integrity={integrity}>
          {integrity === 'foreign' ? foreignText(keyId, t) : integrity ? t(`records.integrity.${integrity}`) : '…'}
        </dd>
        <Witnesses witnesses={witnesses} />
      </dl>
    </>
  );
}

/** This installation's key fingerprint and the seal register's head, with the time they were read. */
function Witnesses({ witnesses }: { witnesses: AsyncState<IntegrityReading> }) {
  const { t } = useTranslation();
  if (witnesses.status === 'loading') return null;
  if (witnesses.status === 'error') {
    return (
      <>
        <dt>{t('report.installationKey')}</dt>
        <dd>{t('report.witnessesUnavailable')}</dd>
      </>
    );
  }
  const { integrity, readAt } = witnesses.value;
  return (
    <>
      <dt>{t('report.installationKey')}</dt>
      <dd>
        {integrity.key ? (
          <>
            <code data-testid="report-fingerprint">{integrity.key.fingerprint}</code>
            {t('report.keyIdAside', { keyId: integrity.key.keyId })}
          </>
        ) : (
          t('settings.noKey')
        )}
      </dd>
      <dt>{t('report.registerHead')}</dt>
      <dd>
        <code data-testid="report-register-head">{integrity.register.head}</code>
        {t('report.registerSeals', { count: integrity.register.seals })}
      </dd>
      <dt>{t('report.witnessesReadAt')}</dt>
      <dd>
        <time dateTime={readAt}>{formatDateTime(readAt)}</time>
      </dd>
    </>
  );
}

/** 2026年3月12日 09:30:00 至 09:52:14 (the end's date only when it is another day). */
function timeSpan(view: RunView, lang: Language, t: TFunction): string {
  const start = `${formatLongDate(view.startedAt, lang)} ${formatTimeOfDay(view.startedAt)}`;
  const end = view.outcome?.at;
  if (!end) return `${start} ${t('report.stillActive', { context: view.mode })}`;
  const sameDay = isSameLocalDay(end, view.startedAt);
  return `${start} ${t('report.until')} ${sameDay ? formatTimeOfDay(end) : formatDateTime(end)}`;
}
