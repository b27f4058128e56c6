// Which runs need a close-out before sign-off: one rule for the engine, the runner and the record (no schema here,
// so the screens that ask build none).
import type { RunMode } from '../journal/events';

/**
 * Only a live incident has a close-out: a drill has no real losses, casualties or police call, and its own
 * lessons go in the sign-off note, so the form is not shown for drills.
 */
export function closeOutRequired(state: { mode: RunMode }): boolean {
  return state.mode === 'incident';
}
