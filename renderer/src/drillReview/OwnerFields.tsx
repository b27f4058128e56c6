// Who must carry out an action: a user of the app (picked) or someone from outside (named), as the planning form
// does for participants; and the enabled users to pick from, loaded on first use.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Owner } from '../../../shared/actions/actionLog';
import { ACTION_LIMITS } from '../../../shared/limits';
import type { PublicUser } from '../../../shared/people/roles';
import { useLanguage } from '../components/useLanguage';
import { personLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';

/** `userId` empty: someone from outside the app, named by `name`. */
export interface OwnerDraft {
  userId: string;
  name: string;
}

export function ownerDraftOf(owner: Owner | undefined): OwnerDraft {
  return { userId: owner?.userId ?? '', name: owner?.name ?? '' };
}

/** The owner for the API; undefined while no name is given. */
export function ownerOf(draft: OwnerDraft): Owner | undefined {
  const name = draft.name.trim();
  if (!name) return undefined;
  return draft.userId ? { userId: draft.userId, name } : { name };
}

export function useEnabledUsers(): PublicUser[] {
  const { reloadUsers, users } = useSession();
  useEffect(() => {
    reloadUsers().catch(() => {}); // the picker stays empty; a name can still be typed
  }, [reloadUsers]);
  return useMemo(() => (users ?? []).filter((u) => !u.disabled), [users]);
}

export function OwnerFields({
  idPrefix,
  owner,
  onChange,
  users,
  missing,
}: {
  idPrefix: string;
  owner: OwnerDraft;
  onChange: (owner: OwnerDraft) => void;
  users: readonly PublicUser[];
  /** Say that a name is needed (after a submit without one). */
  missing: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const problemId = `${idPrefix}-owner-problem`;
  const invalid = missing ? { 'aria-invalid': true as const, 'aria-describedby': problemId } : {};
  return (
    <>
      <div className="review-field">
        <label htmlFor={`${idPrefix}-owner`}>{t('review.owner.label')}</label>
        <select
          id={`${idPrefix}-owner`}
          value={owner.userId}
          onChange={(e) => {
            const user = users.find((u) => u.id === e.target.value);
            onChange({ userId: e.target.value, name: user?.name ?? '' });
          }}
        >
          <option value="">{t('review.owner.external')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {personLabel(u, lang)}
            </option>
          ))}
        </select>
      </div>
      {!owner.userId && (
        <div className="review-field">
          <label htmlFor={`${idPrefix}-owner-name`}>{t('review.owner.name')}</label>
          <input
            id={`${idPrefix}-owner-name`}
            value={owner.name}
            maxLength={ACTION_LIMITS.owner}
            onChange={(e) => onChange({ userId: '', name: e.target.value })}
            {...invalid}
          />
          {missing && (
            <span id={problemId} className="field-error">
              {t('review.required')}
            </span>
          )}
        </div>
      )}
    </>
  );
}
