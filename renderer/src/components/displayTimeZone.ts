// The zone every screen shows times in: the branch's (Settings), else this computer's. The settings provider sets
// it as settings load and change, before the screens render, so formatting needs no zone passed through every
// component (as i18next holds the language). Resolved on first use: the first Intl.DateTimeFormat of a page costs
// tens of milliseconds (ICU's zone data), which must not delay Home's tiles when no time is shown yet.
import { effectiveTimeZone } from '../../../shared/time/localTime';

let setting = '';
let current: string | undefined;

/** From the settings' `timeZone` (empty: the system's). */
export function setDisplayTimeZone(next: string): void {
  if (next === setting && current !== undefined) return;
  setting = next;
  current = undefined;
}

export function displayTimeZone(): string {
  return (current ??= effectiveTimeZone(setting));
}
