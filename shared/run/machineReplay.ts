// Feeds one journal event to the plan's machine, if it is an event the machine knows and takes now.
import { machineEventOf } from '../journal/events';
import type { JournalEvent } from '../journal/format';
import type { PlanMachine, RunSnapshot } from '../plan/compile';
import { applyEvent } from '../plan/replay';

/**
 * The snapshot after the event, or `undefined` when the machine does not take it (not a machine event, or one no
 * transition accepts now: a step that is not current, an item already ticked). A step that loops to itself gives
 * back the same snapshot, so "taken" is asked of the machine, not read from a changed snapshot.
 */
export function applyJournalEventToMachine(
  machine: PlanMachine,
  snapshot: RunSnapshot,
  event: JournalEvent,
): RunSnapshot | undefined {
  const machineEvent = machineEventOf(event.type, event.data);
  if (!machineEvent || !snapshot.can(machineEvent)) return undefined;
  return applyEvent(machine, snapshot, machineEvent);
}
