// A moment as the checklist screens show it: local date and time in the branch's zone, no seconds.
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';

export function when(at: string): string {
  return formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
}
