// Whether a draft is saved (and the way out when it is not) and why it is read-only here when it is: the top of the
// plan editor (EditorHeader.tsx) and of the checklist editor. Apart from EditorHeader so that the checklist editor
// loads no plan model with them.
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/library/draft';
import { formatLocalClock } from '../../../shared/time/localTime';
import { displayTimeZone } from '../components/displayTimeZone';
import { useLanguage } from '../components/useLanguage';
import { bilingualError } from '../people/labels';
import { useSession } from '../people/SessionContext';
import { formatDateTime } from '../records/recordTime';
import type { SaveState } from './draftSession';
import type { ReadOnlyReason } from './useDraft';

/** What `SaveStatus` reads of a draft (see useDraft.ts). */
export interface SavingDraft {
  save: SaveState;
  dirty: boolean;
  saveNow(): Promise<void>;
  reload(): Promise<void>;
}

/**
 * Whether the draft is saved, and the way out when it is not (save now, reload). `words`: the key of the editor's
 * strings for it (`editor.save`), each with the keys `idle`, `pending`, `saving`, `saved`, `unsaved`, `failed`,
 * `stale`, `saveNow`, `reload`.
 */
export function SaveStatus({ draft, words = 'editor.save' }: { draft: SavingDraft; words?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { save, dirty } = draft;
  const message = (error: unknown) => {
    const text = bilingualError(error);
    return 'plain' in text ? text.plain : text[lang];
  };
  let text: string;
  let action: { label: string; run: () => void } | undefined;
  let tone = '';
  switch (save.kind) {
    case 'saving':
      text = t(`${words}.saving`);
      break;
    case 'saved':
      text = dirty
        ? t(`${words}.pending`)
        : t(`${words}.saved`, { time: formatLocalClock(save.at, displayTimeZone(), false) });
      break;
    case 'unsaved':
      text = t(`${words}.unsaved`);
      action = { label: t(`${words}.saveNow`), run: () => void draft.saveNow() };
      tone = 'notice notice-warning';
      break;
    case 'failed':
      text = t(`${words}.failed`, { message: message(save.error) });
      action = { label: t(`${words}.saveNow`), run: () => void draft.saveNow() };
      tone = 'notice notice-error';
      break;
    case 'stale':
      text = `${t(`${words}.stale`)} ${message(save.error)}`;
      action = { label: t(`${words}.reload`), run: () => void draft.reload() };
      tone = 'notice notice-error';
      break;
    default:
      text = dirty ? t(`${words}.pending`) : t(`${words}.idle`);
  }
  return (
    <div className={`ed-save-state ${tone}`}>
      <p role="status" data-testid="save-state">
        {text}
      </p>
      {action && (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

/** Why the draft is read-only here, when it is: in review (by whom, with what note), or a window to unlock. */
export function ReadOnlyNotice({ readOnly, meta }: { readOnly: ReadOnlyReason; meta: Pick<Draft, 'submitted'> }) {
  const { t } = useTranslation();
  const session = useSession();
  if (readOnly === undefined) return null;
  if (readOnly === 'in-review') {
    return (
      <div className="notice notice-info ed-read-only-notice" data-testid="read-only">
        <p>{t('editor.readOnly.inReview')}</p>
        {meta.submitted && (
          <>
            <p>
              {t('editor.readOnly.submittedBy', {
                name: meta.submitted.by.name,
                at: formatDateTime(meta.submitted.at, false),
              })}
            </p>
            <p>{t('editor.readOnly.note', { note: meta.submitted.note })}</p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="notice notice-info ed-read-only-notice" data-testid="read-only">
      <p>{t(readOnly === 'trainer' ? 'editor.readOnly.trainer' : 'editor.readOnly.locked')}</p>
      <button type="button" onClick={() => void session.requestUnlock('manager')}>
        {t('editor.readOnly.unlock')}
      </button>
    </div>
  );
}
