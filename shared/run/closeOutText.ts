// A close-out in words, for the timeline and the CSV. No schema here: the timeline shows close-outs the backend
// already checked (every journal event is parsed on replay), and the runner's first load builds no schema.
import type { CloseOut } from '../journal/closeOutSchema';
import { CLOSE_OUT_SECTIONS } from '../journal/closeOutSections';
import type { Text } from '../text';
import { EVENT_MESSAGES } from '../messages/events';

/** A close-out in one line (timeline, CSV): each section's gist; times are in the record's own tables. */
export function describeCloseOut(c: CloseOut): Text {
  const { losses, casualties, police, reports, followUp } = c;
  const m = EVENT_MESSAGES;
  return m.closeOutLine([
    losses.none ? m.lossesNone() : m.losses(losses.text, losses.amountYuan),
    casualties.none ? m.casualtiesNone() : m.casualties(casualties.injured, casualties.dead),
    police.none ? m.policeNotCalled() : m.policeCalled(police.receiptNo),
    reports.none ? m.reportsNone() : m.reportedTo(reports.entries.map((e) => e.to)),
    followUp.none ? m.followUpNone() : m.followUp(followUp.text),
  ]);
}

/** Whether event data has the close-out's sections (the backend parsed it; this guards against an old shape). */
export function looksLikeCloseOut(data: unknown): data is CloseOut {
  if (typeof data !== 'object' || data === null) return false;
  return CLOSE_OUT_SECTIONS.every((section) => {
    const value = (data as Record<string, unknown>)[section];
    return typeof value === 'object' && value !== null && typeof (value as { none?: unknown }).none === 'boolean';
  });
}
