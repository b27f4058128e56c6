// This window's session for React: the session machine (sessionMachine.ts) run by one actor, its state read with
// useSyncExternalStore, the window's focus, navigation and use turned into the machine's events. The screen that
// asked for a PIN stays mounted behind the PIN dialog, so nothing typed into its forms is lost.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { PublicUser, Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';
import { useApi, usePush } from '../api/ApiContext';
import { afterNextPaint } from '../components/afterNextPaint';
import { PinDialog } from './PinDialog';
import { backendOf, createSessionActor, sessionClient, type SessionActor } from './sessionClient';
import type { Identity } from './sessionProtocol';

export type { Identity } from './sessionProtocol';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export interface SessionApi {
  /** Undefined until session.get has answered: nothing waits for it (least of all the incident tiles). */
  view: SessionView | undefined;
  /** The role this window is unlocked as; null while locked. */
  role: Role | null;
  /**
   * Who had unlocked this window before it locked itself for want of use. Their forms stay on screen (so what
   * they typed survives) and the next action asks for the PIN again. Cleared by locking on purpose.
   */
  lapsed: Identity | null;
  /** Enabled and disabled users, for names and pickers; loaded on first use. */
  users: PublicUser[] | undefined;
  reloadUsers(): Promise<PublicUser[]>;
  refresh(): Promise<void>;
  /** Takes a view the backend returned (e.g. from users.setup). */
  apply(view: SessionView): void;
  lock(): Promise<void>;
  setOnDuty(userId: string | null): Promise<void>;
  /** Whether the window is unlocked now as `minRole` or above. */
  isUnlockedAs(minRole: Role): boolean;
  /** Whether forms for `minRole` are shown: unlocked as it, or lapsed from it (the next action asks again). */
  mayEditAs(minRole: Role): boolean;
  /** Opens the PIN dialog; true once the window is unlocked as `minRole` or above, false if cancelled. */
  requestUnlock(minRole?: Role): Promise<boolean>;
  /** Runs `action` as `minRole` or above, asking for a PIN when needed; undefined when the PIN was not given. */
  withUnlock<T>(minRole: Role, action: () => Promise<T>): Promise<T | undefined>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** The window's session actor, started while mounted (a fresh one after StrictMode's trial unmount stopped it). */
function useSessionActor(): SessionActor {
  const api = useApi();
  const [actor, setActor] = useState(() => createSessionActor(backendOf(api)));
  useEffect(() => {
    if (actor.getSnapshot().status === 'stopped') {
      setActor(createSessionActor(backendOf(api)));
      return;
    }
    actor.start();
    return () => {
      actor.stop();
    };
  }, [actor, api]);
  return actor;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const actor = useSessionActor();
  const client = useMemo(() => sessionClient(actor), [actor]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  const snapshot = useSyncExternalStore(subscribe, () => actor.getSnapshot());

  usePush(
    'people.changed',
    useCallback(() => actor.send({ type: 'people.changed' }), [actor]),
  );

  // Asked again when the window comes back into view or the screen changes (a push missed while the connection
  // was down, an idle lock that lapsed while the window was hidden); any pointer, key or touch is use.
  useEffect(() => {
    const again = () => actor.send({ type: 'session.refresh' });
    // After the new screen's first frame: the guard's run screen must not wait behind this round trip.
    let cancelLater = () => {};
    const afterPaint = () => {
      cancelLater();
      cancelLater = afterNextPaint(again);
    };
    const onVisible = () => document.visibilityState === 'visible' && again();
    const onActivity = () => actor.send({ type: 'activity' });
    window.addEventListener('focus', again);
    window.addEventListener('hashchange', afterPaint);
    document.addEventListener('visibilitychange', onVisible);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('focus', again);
      window.removeEventListener('hashchange', afterPaint);
      cancelLater();
      document.removeEventListener('visibilitychange', onVisible);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [actor]);

  const { view, lapsed, users, waiting } = snapshot.context;
  const value = useMemo<SessionApi>(
    () => ({
      view,
      role: view?.unlocked?.role ?? null,
      lapsed,
      users,
      reloadUsers: client.reloadUsers,
      refresh: client.refresh,
      apply: client.apply,
      lock: client.lock,
      setOnDuty: client.setOnDuty,
      isUnlockedAs: client.isUnlockedAs,
      mayEditAs: client.mayEditAs,
      requestUnlock: client.requestUnlock,
      withUnlock: client.withUnlock,
    }),
    [client, view, lapsed, users],
  );

  const prompt = snapshot.matches({ prompt: 'closed' }) ? undefined : waiting[0];
  return (
    <SessionContext.Provider value={value}>
      {children}
      <PinDialog
        promptId={prompt?.request}
        open={prompt !== undefined}
        minRole={prompt?.minRole ?? 'guard'}
        session={{ view, lapsedUserId: lapsed?.userId, reloadUsers: client.reloadUsers, unlock: client.submitPin }}
        onCancel={client.cancelPin}
      />
    </SessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
