// Feeds one journal event to the plan's machine, if it is an event the machine knows.
import { machineEventOf } from '../journal/events';
import type { JournalEvent } from '../journal/format';
import type { PlanMachine, RunSnapshot } from '../plan/compile';
import { applyEvent } from '../plan/replay';

export function applyJournalEventToMachine(
  machine: PlanMachine,
  snapshot: RunSnapshot,
  event: JournalEvent,
): RunSnapshot | undefined {
  const machineEvent = machineEventOf(event.type, event.data);
  return machineEvent ? applyEvent(machine, snapshot, machineEvent) : undefined;
}
