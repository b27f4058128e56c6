// A run's line in the history (its integrity, as the backend verified the journal), kept current as it changes:
// the run's own pushes, and `records.changed` when the background re-check settled (or changed) its integrity.
import { useCallback, useEffect, useState } from 'react';
import type { RunRecord } from '../../../shared/records/runSummary';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useApi, usePush } from '../api/ApiContext';

/** Undefined until loaded (or when the run cannot be found). */
export function useRunRecord(view: RunView | undefined): RunRecord | undefined {
  const api = useApi();
  const [record, setRecord] = useState<RunRecord>();
  const runId = view?.runId;
  const load = useCallback(() => {
    if (!runId) return;
    // The backend indexes any change still pending before it answers, so this is never behind.
    api.call('records.get', { runId }).then(setRecord, () => setRecord(undefined));
  }, [api, runId]);
  useEffect(load, [load]);
  usePush(
    'run.changed',
    useCallback(
      (view: RunView) => {
        if (view.runId === runId) load();
      },
      [load, runId],
    ),
  );
  usePush('records.changed', load);
  return record;
}
