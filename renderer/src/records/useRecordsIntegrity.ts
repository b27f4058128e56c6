// What "verified" rests on (`records.integrity`): the installation key's fingerprint, the seal register's size and
// head, and how far the background re-check has come; with the time it was read, for paper.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordsIntegrity } from '../../../shared/api/channels';
import { useApi, usePush } from '../api/ApiContext';
import type { AsyncState } from '../app/useAsync';

export interface IntegrityReading {
  integrity: RecordsIntegrity;
  /** When the backend answered (ISO). */
  readAt: string;
}

/** While the re-check runs, its progress is asked for this often (the backend pushes only what changes the history). */
const PROGRESS_POLL_MS = 1000;

/**
 * `follow`: read again on `records.changed` and `run.changed` (a seal adds to the register) and, while the re-check
 * is under way, every second. Without it the reading is taken once, as a printed report states it.
 */
export function useRecordsIntegrity(follow: boolean): [AsyncState<IntegrityReading>, () => void] {
  const api = useApi();
  const [state, setState] = useState<AsyncState<IntegrityReading>>({ status: 'loading' });
  // Answers may cross: only the latest request's answer is shown.
  const latest = useRef(0);
  const load = useCallback(() => {
    const request = ++latest.current;
    api.call('records.integrity').then(
      (integrity) => {
        if (request === latest.current)
          setState({ status: 'ready', value: { integrity, readAt: new Date().toISOString() } });
      },
      (error: unknown) => {
        if (request === latest.current) setState({ status: 'error', error });
      },
    );
  }, [api]);
  useEffect(() => {
    load();
    return () => {
      latest.current += 1; // nothing answers into an unmounted component
    };
  }, [load]);

  const refresh = useCallback(() => {
    if (follow) load();
  }, [follow, load]);
  usePush('records.changed', refresh);
  usePush('run.changed', refresh);

  const checking = state.status === 'ready' && state.value.integrity.check.done < state.value.integrity.check.total;
  useEffect(() => {
    if (!follow || !checking) return;
    const timer = setTimeout(load, PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [follow, checking, state, load]);

  return [state, load];
}
