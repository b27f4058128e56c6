// This window's session: who is on duty at the PC, who unlocked this window with a PIN and until when.
// `withUnlock` runs an action that needs a role, asking for a PIN first when the window is not unlocked as
// that role (and again, once, when the backend says the window has locked itself meanwhile). The screen that
// asked stays mounted behind the PIN dialog, so nothing typed into its forms is lost.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { roleAtLeast, type PublicUser, type Role } from '../../../shared/people/roles';
import type { SessionView } from '../../../shared/people/session';
import { useApi, usePush } from '../api/ApiContext';
import { PinDialog } from './PinDialog';

/** A window in use pushes its idle lock back at most this often (the backend only sees API calls). */
export const TOUCH_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export interface Identity {
  userId: string;
  name: string;
  role: Role;
}

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

interface Prompt {
  minRole: Role;
  resolve: (unlocked: boolean) => void;
}

type Why = 'manual' | 'other';

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [view, setView] = useState<SessionView>();
  const [lapsed, setLapsed] = useState<Identity | null>(null);
  const [users, setUsers] = useState<PublicUser[]>();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const viewRef = useRef<SessionView | undefined>(undefined);
  const promptRef = useRef<Promise<boolean> | null>(null);
  // Answers can arrive out of order (a refresh sent before an unlock answers after it): the newest request wins.
  const sent = useRef(0);
  const applied = useRef(0);

  const applyView = useCallback((next: SessionView, why: Why = 'other') => {
    const before = viewRef.current?.unlocked;
    viewRef.current = next;
    setView(next);
    if (next.unlocked) setLapsed(null);
    else if (why === 'manual') setLapsed(null);
    else if (before) setLapsed({ userId: before.userId, name: before.name, role: before.role });
  }, []);

  /** Sends a session call; applies its answer unless a later request has already answered. */
  const ask = useCallback(
    async (call: () => Promise<SessionView>, why: Why = 'other'): Promise<SessionView> => {
      const number = ++sent.current;
      const next = await call();
      if (number < applied.current) return viewRef.current ?? next;
      applied.current = number;
      applyView(next, why);
      return next;
    },
    [applyView],
  );

  const refresh = useCallback(async () => {
    await ask(() => api.call('session.get'));
  }, [api, ask]);

  const reloadUsers = useCallback(async () => {
    const list = await api.call('users.list');
    setUsers(list);
    return list;
  }, [api]);

  // Users or who is on duty changed (in this window or another): ask again, as each window's view differs.
  const usersLoaded = users !== undefined;
  usePush(
    'people.changed',
    useCallback(() => {
      void refresh().catch(() => {});
      if (usersLoaded) void reloadUsers().catch(() => {});
    }, [refresh, reloadUsers, usersLoaded]),
  );

  // First load, and again when the window comes back into view or the screen changes (a push missed while
  // the connection was down, an idle lock that lapsed while the window was hidden).
  useEffect(() => {
    const again = () => void refresh().catch(() => {});
    again();
    const onVisible = () => document.visibilityState === 'visible' && again();
    window.addEventListener('focus', again);
    window.addEventListener('hashchange', again);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', again);
      window.removeEventListener('hashchange', again);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const unlockedUser = view?.unlocked?.userId;
  // While unlocked: any pointer, key or touch is use; tell the backend at most every 30 s (and once more after
  // the last burst, so the lock counts from the last use rather than from the first of a busy half-minute).
  useEffect(() => {
    if (!unlockedUser) return;
    let lastTouch = Date.now();
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      lastTouch = Date.now();
      trailing = undefined;
      ask(() => api.call('session.touch')).catch(() => {});
    };
    const onActivity = () => {
      const since = Date.now() - lastTouch;
      if (since >= TOUCH_EVERY_MS) {
        clearTimeout(trailing);
        touch();
      } else if (!trailing) trailing = setTimeout(touch, TOUCH_EVERY_MS - since);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      clearTimeout(trailing);
    };
  }, [unlockedUser, api, ask]);

  // A local timer to the lock time: when it passes, check with the backend (a protected call may have pushed it
  // back) and lock the window if it is due, so an unattended screen shows itself locked.
  useEffect(() => {
    const expiresAt = view?.unlocked?.expiresAt;
    if (!expiresAt) return;
    let live = true;
    const timer = setTimeout(
      () => {
        void (async () => {
          try {
            const current = await api.call('session.get');
            if (!live) return;
            if (current.unlocked && Date.parse(current.unlocked.expiresAt) > Date.now() + 1000) {
              await ask(async () => current);
              return;
            }
            await ask(() => (current.unlocked ? api.call('session.lock') : Promise.resolve(current)));
          } catch {
            // The backend is unreachable: show the window locked all the same.
            if (live && viewRef.current) applyView({ ...viewRef.current, unlocked: null });
          }
        })();
      },
      Math.max(0, Date.parse(expiresAt) - Date.now()) + 200,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [view, api, ask, applyView]);

  const isUnlockedAs = useCallback((minRole: Role) => {
    const role = viewRef.current?.unlocked?.role;
    return role !== undefined && roleAtLeast(role, minRole);
  }, []);

  const requestUnlock = useCallback(
    async (minRole: Role = 'guard'): Promise<boolean> => {
      // One PIN dialog at a time: a second request waits for the first, then asks again only if still needed.
      while (promptRef.current) {
        const unlocked = await promptRef.current;
        if (!unlocked) return false;
        if (isUnlockedAs(minRole)) return true;
      }
      const pending = new Promise<boolean>((resolve) => setPrompt({ minRole, resolve }));
      promptRef.current = pending;
      try {
        return await pending;
      } finally {
        promptRef.current = null;
      }
    },
    [isUnlockedAs],
  );

  const withUnlock = useCallback(
    async <T,>(minRole: Role, action: () => Promise<T>): Promise<T | undefined> => {
      if (!isUnlockedAs(minRole) && !(await requestUnlock(minRole))) return undefined;
      try {
        return await action();
      } catch (error) {
        // The window locked itself between our last look and the call: ask again, then try once more.
        if (!(error instanceof ApiError) || error.body.code !== 'locked') throw error;
        if (viewRef.current) applyView({ ...viewRef.current, unlocked: null });
        void refresh().catch(() => {});
        if (!(await requestUnlock(minRole))) return undefined;
        return await action();
      }
    },
    [isUnlockedAs, requestUnlock, applyView, refresh],
  );

  const value = useMemo<SessionApi>(() => {
    const role = view?.unlocked?.role ?? null;
    const formRole = role ?? lapsed?.role ?? null;
    return {
      view,
      role,
      lapsed,
      users,
      reloadUsers,
      refresh,
      apply: (next) => applyView(next),
      lock: async () => {
        await ask(() => api.call('session.lock'), 'manual');
      },
      setOnDuty: async (userId) => {
        await ask(() => api.call('session.setOnDuty', { userId }));
      },
      isUnlockedAs,
      mayEditAs: (minRole) => formRole !== null && roleAtLeast(formRole, minRole),
      requestUnlock,
      withUnlock,
    };
  }, [view, lapsed, users, reloadUsers, refresh, applyView, ask, api, isUnlockedAs, requestUnlock, withUnlock]);

  const close = (unlocked: boolean) => {
    prompt?.resolve(unlocked);
    setPrompt(null);
  };
  return (
    <SessionContext.Provider value={value}>
      {children}
      <PinDialog
        open={prompt !== null}
        minRole={prompt?.minRole ?? 'guard'}
        session={{ view, lapsedUserId: lapsed?.userId, reloadUsers }}
        onUnlocked={(next) => {
          applied.current = ++sent.current;
          applyView(next);
          close(next.unlocked !== null && roleAtLeast(next.unlocked.role, prompt?.minRole ?? 'guard'));
        }}
        onCancel={() => close(false)}
      />
    </SessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
