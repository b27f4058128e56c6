// Settings › 总行连接: how the exchange with head office is going (managers: last success, what waits to be sent, why
// the last attempt failed and when it retries, conflicts that may be tampering, releases refused, records that could
// not be read) and, for administrators, the connection itself (HeadOfficeForm). Guards cannot read the status, so
// they see nothing. Everything here runs beside the rest of Settings: a pass that hangs on the network holds up
// only its own button.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/api/channels';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { useApi, usePush } from '../api/ApiContext';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { useSession } from '../people/SessionContext';
import { HeadOfficeForm } from './HeadOfficeForm';
import './headOfficeSync.css';
import './strings';

export function HeadOfficeSettings() {
  const session = useSession();
  // sync.status is a manager's; a window that locked itself for want of use keeps what it showed (and the form).
  if (!session.mayEditAs('manager')) return null;
  return <HeadOfficeSection />;
}

function HeadOfficeSection() {
  const { t } = useTranslation();
  const session = useSession();
  const { status, error, set } = useSyncStatus();
  return (
    <section className="settings-head-office" aria-labelledby="head-office-title">
      <h2 id="head-office-title">{t('headOffice.title')}</h2>
      <p className="muted small">{t('headOffice.hint')}</p>
      {status ? <SyncStatusPanel status={status} onStatus={set} /> : error ? <ErrorNote error={error} /> : null}
      {status && session.mayEditAs('admin') && <HeadOfficeForm status={status} onSaved={set} />}
    </section>
  );
}

/** The status, loaded again at every `sync.changed`; the last one read stays while the window is locked. */
function useSyncStatus(): { status?: SyncStatusView; error?: unknown; set(status: SyncStatusView): void } {
  const api = useApi();
  const session = useSession();
  const unlocked = session.isUnlockedAs('manager');
  const [status, setStatus] = useState<SyncStatusView>();
  const [error, setError] = useState<unknown>();
  const [changes, setChanges] = useState(0);
  usePush(
    'sync.changed',
    useCallback(() => setChanges((n) => n + 1), []),
  );
  useEffect(() => {
    if (!unlocked) return;
    let live = true;
    api.call('sync.status').then(
      (value) => {
        if (!live) return;
        setStatus(value);
        setError(undefined);
      },
      (reason: unknown) => live && setError(reason),
    );
    return () => {
      live = false;
    };
  }, [api, unlocked, changes]);
  return { status, error, set: setStatus };
}

type Headline = 'off' | 'never' | 'syncing' | 'failed' | 'synced' | 'pending';

function headlineOf(status: SyncStatusView): Headline {
  if (!status.configured) return 'off';
  if (status.state === 'syncing') return 'syncing';
  if (status.failure) return 'failed';
  if (!status.lastSuccessAt) return 'never';
  return status.queued > 0 ? 'pending' : 'synced';
}

function when(at: string): string {
  return formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
}

function SyncStatusPanel({ status, onStatus }: { status: SyncStatusView; onStatus(status: SyncStatusView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<unknown>();
  const headline = headlineOf(status);
  const syncNow = async () => {
    setRunning(true);
    setFailed(undefined);
    try {
      const next = await session.withUnlock('manager', () => api.call('sync.now'));
      if (next) onStatus(next);
    } catch (error) {
      setFailed(error);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="sync-status">
      <p className="sync-headline">
        <span role="status" data-testid="sync-headline" data-state={headline}>
          <strong>{t(`headOffice.headline.${headline}`, { count: status.queued })}</strong>
        </span>{' '}
        {status.configured && (
          <button type="button" onClick={() => void syncNow()} disabled={running} aria-busy={running}>
            {running ? t('headOffice.syncingNow') : t('headOffice.syncNow')}
          </button>
        )}
      </p>
      {failed !== undefined && <ErrorNote error={failed} />}
      {status.failure && <FailureNote failure={status.failure} nextAttemptAt={status.nextAttemptAt} />}
      {status.configured && (
        <dl className="facts">
          <dt>{t('headOffice.lastSuccess')}</dt>
          <dd data-testid="sync-last-success">
            {status.lastSuccessAt ? when(status.lastSuccessAt) : t('headOffice.never')}
          </dd>
          {status.lastAttemptAt && status.lastAttemptAt !== status.lastSuccessAt && (
            <>
              <dt>{t('headOffice.lastAttempt')}</dt>
              <dd>{when(status.lastAttemptAt)}</dd>
            </>
          )}
          <dt>{t('headOffice.queued')}</dt>
          <dd data-testid="sync-queued">{t('headOffice.queuedCount', { count: status.queued })}</dd>
          <dt>{t('headOffice.releasesReceived')}</dt>
          <dd>{t('headOffice.releasesCount', { count: status.releases.received })}</dd>
        </dl>
      )}
      <Conflicts conflicts={status.conflicts} />
      <RefusedReleases refused={status.releases.refused} />
      <Unreadable files={status.unreadable} />
    </div>
  );
}

/** Why the last attempt did not get through, in both languages (the UI's first), and when it tries again. */
function FailureNote({ failure, nextAttemptAt }: Pick<SyncStatusView, 'failure' | 'nextAttemptAt'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!failure) return null;
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="notice notice-warning" data-testid="sync-failure">
      <p lang={lang}>
        {when(failure.at)} {failure.message[lang]}
      </p>
      <p lang={other} className="small">
        {failure.message[other]}
      </p>
      {nextAttemptAt && <p>{t('headOffice.nextAttempt', { at: when(nextAttemptAt) })}</p>}
    </div>
  );
}

function Conflicts({ conflicts }: { conflicts: SyncStatusView['conflicts'] }) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <div className="notice notice-warning" data-testid="sync-conflicts">
      <h3>{t('headOffice.conflicts')}</h3>
      <p className="small">{t('headOffice.conflictsHint')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.kind}:${c.recordId}`}>
            {t(`headOffice.conflictKind.${c.kind}`, { defaultValue: c.kind })} <code>{c.recordId}</code>{' '}
            <span className="small">{t('headOffice.conflictAt', { at: when(c.at) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RefusedReleases({ refused }: { refused: SyncStatusView['releases']['refused'] }) {
  const { t } = useTranslation();
  if (refused.length === 0) return null;
  return (
    <div className="notice notice-warning" data-testid="sync-refused">
      <h3>{t('headOffice.refused')}</h3>
      <ul>
        {refused.map((r) => (
          <li key={`${r.planId}@${r.version}`}>
            <strong>{t('headOffice.refusedRow', { planId: r.planId, version: r.version })}</strong>
            {/* The reason as the backend recorded it: both languages in one line. */}
            <span className="small"> {r.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Unreadable({ files }: { files: readonly string[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <div className="notice notice-warning" data-testid="sync-unreadable">
      <h3>{t('headOffice.unreadable')}</h3>
      <p className="small">{t('headOffice.unreadableHint')}</p>
      <ul>
        {files.map((file) => (
          <li key={file}>
            <code className="small">{file}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
