// One way for the people forms to run an action that needs a role: ask for a PIN when the window is not unlocked
// (or has locked itself), then keep what came of it — a line to confirm, or the backend's error — for the form.
import { useCallback, useState } from 'react';
import type { Role } from '../../../shared/people/roles';
import { useSession } from './SessionContext';

export type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; error: unknown } | null;

export interface UnlockedAction {
  outcome: Outcome;
  /** The key of the action under way (a form, or the user a row button acts on). */
  busy: string | undefined;
  /** Runs `action`; when it succeeds, `onDone` tidies up and says what to confirm. Cancelling the PIN changes nothing. */
  run<T>(action: () => Promise<T>, onDone: (result: T) => string | Promise<string>, key?: string): Promise<void>;
}

export function useUnlockedAction(role: Role): UnlockedAction {
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<string>();
  const run = useCallback(
    async <T>(action: () => Promise<T>, onDone: (result: T) => string | Promise<string>, key = 'form') => {
      setBusy(key);
      setOutcome(null);
      try {
        const result = await session.withUnlock(role, action);
        if (result !== undefined) setOutcome({ kind: 'done', text: await onDone(result) });
      } catch (error) {
        setOutcome({ kind: 'failed', error });
      } finally {
        setBusy(undefined);
      }
    },
    [session, role],
  );
  return { outcome, busy, run };
}
