// The audit trail (审计记录), for a security manager or above: administrative actions newest first, a page at a
// time, each with its local time, what happened, who did it and the details; and a check of the whole chain.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/api/channels';
import { useApi } from '../api/ApiContext';
import { useLanguage } from '../components/useLanguage';
import { auditActor, describeAuditEntry } from '../people/describeAuditEntry';
import { ErrorNote } from '../people/ErrorNote';
import { roleLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { formatDateTime } from '../records/recordTime';

export const AUDIT_PAGE_SIZE = 50;

type AuditPage = ChannelOutput<'audit.list'>;
type Verification = ChannelOutput<'audit.verify'>;

export function AuditScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const allowed = session.isUnlockedAs('manager');
  return (
    <section className="audit-screen" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      {allowed ? (
        <AuditTrail />
      ) : (
        <div className="notice notice-info unlock-note">
          <p>{t('audit.needsManager', { role: roleLabel('manager', lang) })}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock('manager')}>
            {t('audit.unlockToView')}
          </button>
        </div>
      )}
    </section>
  );
}

function AuditTrail() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const { withUnlock, reloadUsers, users } = session;

  useEffect(() => {
    reloadUsers().catch(() => {}); // names for `by`; ids are shown without them
  }, [reloadUsers]);
  useEffect(() => {
    let live = true;
    setError(undefined);
    withUnlock('manager', () => api.call('audit.list', { offset, limit: AUDIT_PAGE_SIZE })).then(
      (result) => live && result && setPage(result),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [offset, attempt, api, withUnlock]);

  const names = useMemo(() => new Map((users ?? []).map((u) => [u.id, u.name])), [users]);
  const total = page?.total ?? 0;
  const last = Math.min(offset + AUDIT_PAGE_SIZE, total);
  return (
    <>
      <Verify />
      <div className="audit-paging">
        <p role="status" className="audit-count">
          {page && (total === 0 ? t('audit.none') : t('audit.range', { from: offset + 1, to: last, total }))}
        </p>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
          {t('audit.newer')}
        </button>
        <button type="button" disabled={last >= total} onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}>
          {t('audit.older')}
        </button>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('audit.reload')}
        </button>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
      {page && page.entries.length > 0 && (
        <table className="audit-table">
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.seq')}</th>
              <th scope="col">{t('audit.columns.at')}</th>
              <th scope="col">{t('audit.columns.what')}</th>
              <th scope="col">{t('audit.columns.by')}</th>
              <th scope="col">{t('audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => {
              const description = describeAuditEntry(entry, t, lang);
              return (
                <tr
                  key={entry.seq}
                  data-seq={entry.seq}
                  data-type={entry.type}
                  className={`audit-${entry.type.replace('.', '-')}`}
                >
                  <td className="audit-seq">{entry.seq}</td>
                  <td className="audit-at">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <th scope="row" className="audit-what">
                    {description.summary}
                  </th>
                  <td className="audit-by">{auditActor(entry.by, names, t)}</td>
                  <td className="audit-details">
                    {description.details.length > 0 && (
                      <ul>
                        {description.details.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Checks the whole trail's hash chain from the file on disk. */
function Verify() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<unknown>();
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const verification = await session.withUnlock('manager', () => api.call('audit.verify'));
      if (verification) setResult(verification);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="audit-verify">
      <button
        type="button"
        className="primary"
        onClick={() => void verify()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" className="audit-verify-result" data-testid="audit-verify-result">
        {result?.ok && (
          <p className="badge-ok verify-ok">
            {t('audit.verifyOk', { count: result.entries })}{' '}
            <span className="small">
              {t('audit.head')} <code>{result.headHash}</code>
            </span>
          </p>
        )}
        {result && !result.ok && (
          <p className="notice notice-error verify-failed">
            {result.failure
              ? t('audit.verifyFailedAt', {
                  line: result.failure.line,
                  offset: result.failure.offset,
                  reason: result.failure.message[lang],
                })
              : t('audit.verifyFailed')}
          </p>
        )}
      </div>
      {error !== undefined && <ErrorNote error={error} />}
    </div>
  );
}
