// One received record, read-only (hq.record): a banner that says "verified" only when the record verifies again now
// with the branch's enrolled key, else FAILED with the reason; its summary; every check ingest made; and the
// journal's events in order, worded as the records screen words them (shared/records/describeEvent.ts).
import { useTranslation } from 'react-i18next';
import type { HqRecordView } from '../../../shared/api/channels';
import { CATEGORY_LABELS } from '../../../shared/plan/labels';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { formatDateTime } from '../records/recordTime';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { CheckBadge } from './CheckBadge';
import { notUnlocked } from './strings';

type Kind = 'run' | 'exercise' | 'evaluation' | 'inspection';
const KINDS: readonly string[] = ['run', 'exercise', 'evaluation', 'inspection'];

export function RecordView({ code, recordKind, recordId }: { code: string; recordKind: string; recordId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [state, reload] = useAsync(
    () =>
      asManager(() =>
        api.call('hq.record', { code, kind: (KINDS.includes(recordKind) ? recordKind : 'run') as Kind, recordId }),
      ),
    [asManager],
  );
  return (
    <>
      <p>
        <a href={hrefFor({ screen: 'hq', view: { kind: 'branch', code } })}>{t('hq.branch.title', { code })}</a>
      </p>
      <h1 id="hq-title">
        {t('hq.record.title', { kind: t(`hq.kind.${recordKind}`, { defaultValue: recordKind }), id: recordId })}
      </h1>
      <LoadState state={state} retry={reload}>
        {(record: HqRecordView) => <Record record={record} />}
      </LoadState>
    </>
  );
}

function Record({ record }: { record: HqRecordView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = record.summary;
  const when = (at: string | null) => (at ? formatDateTime(at) : '—');
  const category =
    s.category === null
      ? '—'
      : ((CATEGORY_LABELS as Record<string, { 'zh-CN': string; en: string } | undefined>)[s.category]?.[lang] ??
        s.category);
  return (
    <>
      <p className="muted">{t('hq.record.branch', { code: record.branch.code, name: record.branch.name })}</p>
      {record.recheck.status === 'verified' ? (
        <div className="notice hq-banner hq-banner-ok" role="status" data-testid="hq-verdict" data-verdict="verified">
          <p>{t('hq.record.verified')}</p>
        </div>
      ) : (
        <div className="notice notice-error hq-banner" role="alert" data-testid="hq-verdict" data-verdict="failed">
          <p>
            <strong>{t('hq.record.failed', { reason: record.recheck.reason })}</strong>
          </p>
        </div>
      )}
      <h2>{t('hq.record.summary')}</h2>
      <dl className="hq-summary">
        <dt>{t('hq.record.plan')}</dt>
        <dd>
          {s.planTitle?.[lang] ?? s.planId ?? '—'}
          {s.planVersion !== null && ` v${s.planVersion}`}
          {s.isDrill !== null && ` · ${s.isDrill ? t('hq.branch.drill') : t('hq.branch.live')}`}
        </dd>
        <dt>{t('hq.record.category')}</dt>
        <dd>{category}</dd>
        <dt>{t('hq.record.started')}</dt>
        <dd>{when(s.startedAt)}</dd>
        <dt>{t('hq.record.ended')}</dt>
        <dd>{when(s.endedAt)}</dd>
        {s.score !== null && (
          <>
            <dt>{t('hq.record.score')}</dt>
            <dd>{s.score}</dd>
          </>
        )}
        {s.passed !== null && (
          <>
            <dt>{t('hq.record.passed')}</dt>
            <dd>{s.passed ? t('hq.record.pass') : t('hq.record.fail')}</dd>
          </>
        )}
        <dt>{t('hq.record.received')}</dt>
        <dd>{when(s.receivedAt)}</dd>
        <dt>{t('hq.record.head')}</dt>
        <dd>
          <code className="hq-hash">{record.headHash}</code>
        </dd>
      </dl>
      <h2>{t('hq.record.checks')}</h2>
      {record.checks.length === 0 ? (
        <p className="muted">{t('hq.record.noChecks')}</p>
      ) : (
        <ul className="hq-checks">
          {record.checks.map((c, i) => (
            <li key={i}>
              <CheckBadge
                check={c.status === 'failed' ? { status: 'failed', reason: c.reason ?? '' } : { status: c.status }}
              />{' '}
              <span className="small">{t('hq.record.checkedBy', { at: when(c.checkedAt), by: c.checkedBy })}</span>
              {c.reason && <p className="small hq-reason">{c.reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('hq.record.events')}</h2>
      <table className="hq-table" data-testid="hq-events">
        <caption className="visually-hidden">{t('hq.record.eventsCaption')}</caption>
        <thead>
          <tr>
            {(['seq', 'at', 'by', 'what'] as const).map((c) => (
              <th scope="col" key={c}>
                {t(`hq.record.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {record.events.map((e, i) => (
            <tr key={i} data-type={e.type}>
              <td>{e.seq ?? '—'}</td>
              <td>{e.at ? formatDateTime(e.at) : '—'}</td>
              <td>{e.by ?? '—'}</td>
              <td>{e.description[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
