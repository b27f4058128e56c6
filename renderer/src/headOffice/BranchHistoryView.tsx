// One branch's records as head office received them (hq.branch), newest first, a page at a time: kind, plan, drill or
// not, times, score, and each record's check; each links to the record itself.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqBranchView } from '../../../shared/api/channels';
import { useApi } from '../api/ApiContext';
import { hrefFor } from '../app/router';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { formatDateTime } from '../records/recordTime';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { CheckBadge } from './CheckBadge';
import { notUnlocked } from './strings';

const PAGE = 50;

export function BranchHistoryView({ code }: { code: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [first, reload] = useAsync(() => asManager(() => api.call('hq.branch', { code, limit: PAGE })), [asManager]);
  return (
    <>
      <p>
        <a href={hrefFor({ screen: 'hq' })}>{t('hq.backToDashboard')}</a>
      </p>
      <h1 id="hq-title">{t('hq.branch.title', { code })}</h1>
      <LoadState state={first} retry={reload}>
        {(page: HqBranchView) => <History first={page} code={code} />}
      </LoadState>
    </>
  );
}

function History({ first, code }: { first: HqBranchView; code: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [records, setRecords] = useState(first.records);
  const [next, setNext] = useState(first.next);
  const [failed, setFailed] = useState<unknown>();
  const { branch } = first;
  const more = async () => {
    if (!next) return;
    try {
      const page = await asManager(() => api.call('hq.branch', { code, limit: PAGE, before: next }));
      setRecords((r) => [...r, ...page.records]);
      setNext(page.next);
      setFailed(undefined);
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <>
      <p className="muted">
        {t('hq.branch.meta', { name: branch.name, region: branch.region, keyId: branch.keyId })}
        {branch.disabledAt && <span className="badge badge-warning">{t('hq.branch.disabled')}</span>}
      </p>
      {records.length === 0 ? (
        <p className="muted">{t('hq.branch.none')}</p>
      ) : (
        <table className="hq-table" data-testid="hq-history">
          <caption className="visually-hidden">{t('hq.branch.caption')}</caption>
          <thead>
            <tr>
              {(['started', 'kind', 'plan', 'drill', 'score', 'check'] as const).map((c) => (
                <th scope="col" key={c}>
                  {t(`hq.branch.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={`${r.kind}/${r.recordId}`} data-record={r.recordId}>
                <td>
                  <a
                    href={hrefFor({
                      screen: 'hq',
                      view: { kind: 'record', code, recordKind: r.kind, recordId: r.recordId },
                    })}
                  >
                    {r.startedAt ? formatDateTime(r.startedAt, false) : r.recordId}
                  </a>
                </td>
                <td>{t(`hq.kind.${r.kind}`, { defaultValue: r.kind })}</td>
                <td>{r.planTitle?.[lang] ?? r.planId ?? '—'}</td>
                <td>{r.isDrill === null ? '—' : r.isDrill ? t('hq.branch.drill') : t('hq.branch.live')}</td>
                <td>{r.score ?? '—'}</td>
                <td>
                  <CheckBadge check={r.check} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void more()}>
          {t('hq.branch.more')}
        </button>
      )}
      {failed !== undefined && <ErrorNote error={failed} />}
    </>
  );
}
