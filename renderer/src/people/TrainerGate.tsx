// Screens that are a trainer's (exercises, evaluations, actions, coverage): nothing is asked of the backend before the
// window is unlocked as a trainer or above — an unannounced drill must never reach a guard's screen. Each screen says
// in its own words why it needs the unlock (`needs`, given the role's name) and what unlocking shows.
import type { ReactNode } from 'react';
import { useLanguage } from '../components/useLanguage';
import { roleLabel } from './labels';
import { useSession } from './SessionContext';

export function TrainerGate({
  title,
  titleId,
  needs,
  unlock,
  children,
}: {
  title: string;
  titleId: string;
  needs: (role: string) => string;
  unlock: string;
  children: ReactNode;
}) {
  const lang = useLanguage();
  const session = useSession();
  if (session.view === undefined) {
    return (
      <p className="muted" aria-busy="true">
        …
      </p>
    );
  }
  if (!session.mayEditAs('trainer')) {
    return (
      <>
        <h1 id={titleId}>{title}</h1>
        <div className="notice notice-info unlock-note">
          <p>{needs(roleLabel('trainer', lang))}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock('trainer')}>
            {unlock}
          </button>
        </div>
      </>
    );
  }
  return <>{children}</>;
}
