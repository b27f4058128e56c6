// One run as the backend last reported it: loaded with runs.get, kept current by run.changed pushes, and
// changed only through runs.command, whose answer (after the event is fsynced) is the only thing shown.
import type { AsyncState } from '../app/useAsync';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { Text } from '../../../shared/text';
import type { RunCommand } from '../../../shared/run/commands';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';

export type WriteError = NonNullable<RunView['writeError']>;

export interface RunHandle {
  view: RunView | undefined;
  loadError: unknown;
  reload(): void;
  /** Sends a command for an action; false when it was refused, failed, or the action (or its step) is busy. */
  send(actionId: string, command: RunCommand, step?: string): Promise<boolean>;
  /** Actions in flight, with the step each acts on. */
  pending: ReadonlyMap<string, string | undefined>;
  /** The last refused or failed command, until dismissed or a later command succeeds. */
  error: Text | undefined;
  dismissError(): void;
  /** Once the journal could not be written, this stays for the life of the screen. */
  writeError: WriteError | undefined;
}

/**
 * Views handed over by whoever just got them from the backend (Home's runs.start answer): the run screen paints
 * the first step at once instead of asking again. Taken once; pushes keep the view current from then on.
 */
const primed = new Map<string, RunView>();

export function primeRun(view: RunView): void {
  primed.set(view.runId, view);
}

export function useRun(runId: string): RunHandle {
  const api = useApi();
  const [initial] = useState(() => primed.get(runId)); // pure: StrictMode may call it twice
  const [view, setView] = useState<RunView | undefined>(initial);
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<Text>();
  const [writeError, setWriteError] = useState<WriteError>();
  const pendingRef = useRef(new Map<string, string | undefined>());
  const [pending, setPending] = useState<ReadonlyMap<string, string | undefined>>(new Map());

  // Answers can arrive out of order (a push, a command's answer, a reload): the one with more events is newer.
  const accept = useCallback(
    (next: RunView) => {
      if (next.runId !== runId) return;
      if (next.writeError) setWriteError(next.writeError);
      setLoadError(undefined);
      setView((current) => (!current || next.timeline.length >= current.timeline.length ? next : current));
    },
    [runId],
  );

  const reload = useCallback(() => {
    api.call('runs.get', { runId }).then(accept, (failure: unknown) => setLoadError(failure));
  }, [api, runId, accept]);

  const skipFirstLoad = useRef(initial !== undefined);
  useEffect(() => {
    primed.delete(runId);
    if (skipFirstLoad.current) skipFirstLoad.current = false;
    else reload();
  }, [reload, runId]);

  usePush(
    'run.changed',
    useCallback((view: RunView) => accept(view), [accept]),
  );

  // Another window may have moved the run on (commands answer only their caller): look again on return.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    window.addEventListener('focus', reload);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', reload);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  const send = useCallback(
    async (actionId: string, command: RunCommand, step?: string) => {
      const busy = pendingRef.current;
      // One command per step at a time: a second tap must not act on a step the first may already have left.
      if (busy.has(actionId) || (step !== undefined && [...busy.values()].includes(step))) return false;
      busy.set(actionId, step);
      setPending(new Map(busy));
      try {
        accept(await api.call('runs.command', { runId, command }));
        setError(undefined);
        return true;
      } catch (failure) {
        const body = failure instanceof ApiError ? failure.body : undefined;
        const text = String(failure);
        setError(body?.message ?? { 'zh-CN': text, en: text });
        if (body?.code === 'storage') setWriteError({ code: body.code, message: body.message });
        // A refusal usually means this screen is behind (another window acted): show what is true now.
        reload();
        return false;
      } finally {
        busy.delete(actionId);
        setPending(new Map(busy));
      }
    },
    [api, runId, accept, reload],
  );

  return {
    view,
    loadError,
    reload,
    send,
    pending,
    error,
    dismissError: useCallback(() => setError(undefined), []),
    writeError,
  };
}

/** A run handle as the loading state every run screen shows through LoadState. */
export function runLoadState(run: RunHandle): AsyncState<RunView> {
  if (run.view) return { status: 'ready', value: run.view };
  return run.loadError ? { status: 'error', error: run.loadError } : { status: 'loading' };
}
