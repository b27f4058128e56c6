// The facts at the head of a run's record: plan version and hash, mode, branch, people, times, outcome, seal.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { RunRecord } from '../../../shared/records/runSummary';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { formatDuration, secondsBetween } from '../run/time';
import { IntegrityBadge } from './IntegrityBadge';
import { SignedVerified } from '../run/SignOff';
import { formatDateTime } from './recordTime';

export function RunFacts({ view, record, now }: { view: RunView; record: RunRecord | undefined; now: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const end = view.outcome?.at;
  // A damaged journal is read up to the damage: how (and whether) the run ended cannot be told from it.
  const damaged = record?.integrity === 'damaged';
  const people = view.findings.participants;
  const none = (text: string) => <span className="muted">{text}</span>;
  return (
    <dl className="facts record-facts">
      <dt>{t('records.facts.plan')}</dt>
      <dd>
        {pick(view.plan.title, lang)} · {t('plans.version', { version: view.planRef.version })}
      </dd>
      <dt>{t('records.facts.hash')}</dt>
      <dd>
        <code className="small" data-testid="plan-hash">
          {view.planRef.contentHash}
        </code>
      </dd>
      <dt>{t('records.facts.mode')}</dt>
      <dd>
        {t(`records.mode.${view.mode}`)}
        {view.exercise && <span> · {t('records.exercise', { title: view.exercise.title })}</span>}
        {view.exercise?.declared && (
          <span className="record-declared" data-testid="record-declared">
            {' '}
            ·{' '}
            {t('records.declaredDrill', {
              name: view.exercise.declared.name,
              time: formatDateTime(view.exercise.declared.at),
            })}
          </span>
        )}
      </dd>
      <dt>{t('records.facts.branch')}</dt>
      <dd>{branchText(view, t) || none(t('records.notSet'))}</dd>
      <dt>{t('records.facts.operator')}</dt>
      <dd>{view.operator ?? none(t('records.unidentified'))}</dd>
      <dt>{t('records.facts.participants')}</dt>
      <dd>{people.length > 0 ? people.join(lang === 'en' ? ', ' : '、') : none(t('records.notRecorded'))}</dd>
      <dt>{t('records.facts.started')}</dt>
      <dd>
        <time dateTime={view.startedAt}>{formatDateTime(view.startedAt)}</time>
      </dd>
      <dt>{t('records.facts.ended')}</dt>
      <dd>
        {end ? (
          <time dateTime={end}>{formatDateTime(end)}</time>
        ) : (
          none(t(damaged ? 'records.status.unknown' : 'records.status.active'))
        )}
      </dd>
      <dt>{t('records.facts.duration')}</dt>
      <dd>
        {end || !damaged ? formatDuration(secondsBetween(view.startedAt, end ?? now)) : '—'}
        {!end && !damaged && <span className="muted"> {t('records.sofar')}</span>}
      </dd>
      <dt>{t('records.facts.outcome')}</dt>
      <dd className="record-outcome">
        {view.outcome
          ? OUTCOME_LABELS[view.outcome.outcome][lang]
          : none(t(`records.status.${damaged ? 'unknown' : view.status}`))}
        {view.outcome?.reason && <span> — {t('run.abortReasonShown', { reason: view.outcome.reason })}</span>}
      </dd>
      <dt>{t('records.facts.signedOff')}</dt>
      <dd>
        {view.signedOff ? (
          <>
            {view.signedOff.name} · {formatDateTime(view.signedOff.at)} ·{' '}
            <SignedVerified verified={view.signedOff.verified} />
            {view.signedOff.note && <span className="muted"> — {view.signedOff.note}</span>}
          </>
        ) : (
          none(t('records.notSigned'))
        )}
      </dd>
      <dt>{t('records.facts.integrity')}</dt>
      <dd data-testid="record-integrity">
        {record ? (
          <IntegrityBadge
            integrity={record.integrity}
            damage={record.damage}
            keyId={record.keyId ?? view.sealed?.keyId}
          />
        ) : (
          none('…')
        )}
        {view.sealed && record?.integrity !== 'foreign' && (
          <span className="small">
            {' '}
            {t('run.keyId')} <code>{view.sealed.keyId}</code>
          </span>
        )}
      </dd>
      <dt>{t('records.facts.head')}</dt>
      <dd>
        <code className="small">{view.sealed?.head ?? view.head}</code>
      </dd>
      <dt>{t('records.facts.runId')}</dt>
      <dd>
        <code className="small">{view.runId}</code>
      </dd>
    </dl>
  );
}

/** 杭州西湖支行（330106001）; empty when the branch was not set in Settings at the time. */
export function branchText(view: RunView, t: TFunction): string {
  const { name, code } = view.branch;
  if (name && code) return t('records.branchWithCode', { name, code });
  return name || code;
}
