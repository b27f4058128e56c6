// Loading inspections: reading is a guard's, conducting a trainer's; every call goes through the session's PIN prompt
// (a window that locked itself asks again, nothing typed is lost), and the screens follow 'inspections.changed'.
import { useCallback, useState } from 'react';
import type { ChannelOutput } from '../../../shared/api/channels';
import type { InspectionSummary, InspectionView } from '../../../shared/inspections/inspectionView';
import { useApi, usePush } from '../api/ApiContext';
import { useAsync, type AsyncState } from '../app/useAsync';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { newest } from './inspectionModel';
import { bilingual } from './strings';

export type ChecklistOption = ChannelOutput<'inspections.checklists'>[number];

/** Runs a read as a guard or above. */
export function useAsGuard(): <T>(action: () => Promise<T>) => Promise<T> {
  return useUnlockedCall('guard', bilingual('inspections.notUnlocked'));
}

/** Runs a change (planning, conducting, signing) as a trainer or above. */
export function useAsInspector(): <T>(action: () => Promise<T>) => Promise<T> {
  return useUnlockedCall('trainer', bilingual('inspections.notUnlocked'));
}

export function useInspectionList(): [AsyncState<InspectionSummary[]>, () => void] {
  const api = useApi();
  const asGuard = useAsGuard();
  const [state, reload] = useAsync(() => asGuard(() => api.call('inspections.list')), [asGuard]);
  usePush(
    'inspections.changed',
    useCallback(() => reload(), []),
  );
  return [state, reload];
}

export function useChecklists(): [AsyncState<ChecklistOption[]>, () => void] {
  const api = useApi();
  const asInspector = useAsInspector();
  return useAsync(() => asInspector(() => api.call('inspections.checklists')), [asInspector]);
}

export interface LoadedInspection {
  state: AsyncState<InspectionView>;
  /** The newest view known: loaded, or returned by a call since (whichever has more of the journal). */
  view: InspectionView | undefined;
  /** Takes the view a call returned (an answer, a photo, the sign-off). */
  accept(view: InspectionView): void;
  reload(): void;
}

export function useInspection(inspectionId: string): LoadedInspection {
  const api = useApi();
  const asGuard = useAsGuard();
  const [state, reload] = useAsync(
    () => asGuard(() => api.call('inspections.get', { inspectionId })),
    [inspectionId, asGuard],
  );
  const [returned, setReturned] = useState<InspectionView>();
  // Every answer pushes: another tablet's answers come in, and so do this one's (already shown, kept as newest).
  usePush(
    'inspections.changed',
    useCallback(() => reload(), []),
  );
  const loaded = state.status === 'ready' ? state.value : undefined;
  const accept = useCallback((view: InspectionView) => setReturned((current) => newest(current, view)), []);
  return { state, view: newest(loaded, returned), accept, reload };
}

export interface Call {
  /** The key of the call under way (an answer's value, 'note', 'photo'…). */
  busy: string | undefined;
  error: unknown;
  /** Runs `call`, keeping its failure to show; resolves with its result, or undefined when it failed. */
  run<T>(key: string, call: () => Promise<T>): Promise<T | undefined>;
}

/** One control's call: what is under way and how the last one failed (shown beside it; nothing typed is cleared). */
export function useCall(): Call {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(async <T>(key: string, call: () => Promise<T>) => {
    setBusy(key);
    setError(undefined);
    try {
      return await call();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, run };
}
