// Who recorded a journal event, in words: a person, Guardbook itself, or an explicit gap when nobody was
// identified at the PC (nobody on duty and the window locked), so a blank is never mistaken for an omission.
import type { TFunction } from 'i18next';

export function actorText(by: string | null, t: TFunction): string {
  if (by === 'system') return t('report.system');
  return by ?? t('signing.notRecorded');
}
