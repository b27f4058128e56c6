// Everything a drill report rests on, loaded as a trainer and made into the report's data (shared/drills/
// drillReport.ts): the exercise as planned, its run's journal, its evaluation and its improvement actions. Loaded
// again when any of them changes.
import { useCallback } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import { drillReport, type DrillReport } from '../../../shared/drills/drillReport';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { saveBase64File } from '../components/saveBlob';
import { useAsTrainer } from '../drills/useDrills';

export function useDrillReport(exerciseId: string): [AsyncState<DrillReport>, () => void] {
  const api = useApi();
  const asTrainer = useAsTrainer();
  const [state, reload] = useAsync(async () => {
    // First alone: it asks for the PIN if needed, and the calls after it find the window unlocked.
    const exercise = await asTrainer(() => api.call('drills.get', { exerciseId }));
    const runId = exercise.run?.runId;
    const [run, evaluation, actions] = await Promise.all([
      runId ? api.call('runs.get', { runId }) : Promise.resolve(undefined),
      asTrainer(() => api.call('drills.evaluation', { exerciseId })),
      asTrainer(() => api.call('actions.list')),
    ]);
    return drillReport({
      exercise,
      ...(run ? { run } : {}),
      ...(evaluation ? { evaluation } : {}),
      actions,
    });
  }, [exerciseId, asTrainer]);
  const again = useCallback(() => reload(), []);
  usePush('drills.changed', again);
  usePush('actions.changed', again);
  return [state, reload];
}

/** The printed report as a PDF (the Electron host's printToPDF of this same page). */
export async function downloadDrillReportPdf(api: ApiClient, exerciseId: string): Promise<void> {
  saveBase64File(await api.call('drills.reportPdf', { exerciseId }));
}
