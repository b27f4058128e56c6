// Everything an inspection report rests on: the inspection (a guard's to read) and, for a viewer who may read the
// action tracker (a trainer), its rectifications' current state. Loaded again when either changes.
import { useCallback } from 'react';
import type { ActionView } from '../../../shared/actions/actionView';
import type { ApiClient } from '../../../shared/api/client';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { saveBase64File } from '../components/saveBlob';
import { useSession } from '../people/SessionContext';
import { useAsGuard } from '../inspections/useInspections';

export interface InspectionReportData {
  view: InspectionView;
  /** The tracker's actions, when this window may read them; undefined otherwise. */
  actions: ActionView[] | undefined;
}

export function useInspectionReport(inspectionId: string): [AsyncState<InspectionReportData>, () => void] {
  const api = useApi();
  const asGuard = useAsGuard();
  const trainer = useSession().isUnlockedAs('trainer');
  const [state, reload] = useAsync(async () => {
    const view = await asGuard(() => api.call('inspections.get', { inspectionId }));
    // Never asks for a PIN: a guard's report states the rectifications as signed; a trainer's also their state now.
    const actions =
      trainer && (view.signedOff?.rectifications.length ?? 0) > 0
        ? await api.call('actions.list').catch(() => undefined)
        : undefined;
    return { view, actions };
  }, [inspectionId, asGuard, trainer]);
  const again = useCallback(() => reload(), []);
  usePush('inspections.changed', again);
  usePush('actions.changed', again);
  return [state, reload];
}

/** The printed report as a PDF (the Electron host's printToPDF of this same page). */
export async function downloadInspectionReportPdf(api: ApiClient, inspectionId: string): Promise<void> {
  saveBase64File(await api.call('inspections.reportPdf', { inspectionId }));
}
