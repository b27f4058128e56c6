// A run's line in the history (its integrity, as the backend verified the journal), and the run itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunRecord } from '../../../shared/records/runSummary';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';

/** The index re-reads a changed journal a moment after the change. */
const AFTER_INDEX_REFRESH_MS = 600;

/**
 * `records.list` has no lookup by id, but a run's start time and plan narrow it to (almost always) one line;
 * the run id picks it. Undefined until found (or when the index has not seen the run yet).
 */
export function useRunRecord(view: RunView | undefined): RunRecord | undefined {
  const api = useApi();
  const [record, setRecord] = useState<RunRecord>();
  const runId = view?.runId;
  const startedAt = view?.startedAt;
  const planId = view?.planRef.id;
  const load = useCallback(() => {
    if (!runId || !startedAt || !planId) return;
    api
      .call('records.list', { from: startedAt, to: startedAt, planId, limit: 500 })
      .then((page) => setRecord(page.items.find((r) => r.runId === runId)))
      .catch(() => setRecord(undefined));
  }, [api, runId, startedAt, planId]);
  useEffect(load, [load]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  usePush(
    'run.changed',
    useCallback(
      (payload: unknown) => {
        if ((payload as { runId?: unknown } | null)?.runId !== runId) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(load, AFTER_INDEX_REFRESH_MS);
      },
      [load, runId],
    ),
  );
  return record;
}
