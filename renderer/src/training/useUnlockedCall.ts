// Calls that need a role: asked through the session's PIN prompt (a window that locked itself asks again, nothing on
// screen is lost), and a cancelled prompt said like a backend refusal, in both languages.
import { useCallback } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/people/roles';
import type { Text } from '../../../shared/text';
import { useSession } from '../people/SessionContext';

/** Runs an action as `role` or above, asking for a PIN when needed; rejects with `refused` when none was given. */
export function useUnlockedCall(role: Role, refused: Text): <T>(action: () => Promise<T>) => Promise<T> {
  const { withUnlock } = useSession();
  const zh = refused['zh-CN'];
  const en = refused.en;
  return useCallback(
    async <T>(action: () => Promise<T>) => {
      const result = await withUnlock(role, action);
      if (result === undefined) throw new ApiError({ code: 'locked', message: { 'zh-CN': zh, en } });
      return result;
    },
    [withUnlock, role, zh, en],
  );
}
