// Screens that are a trainer's (exercises, evaluations, coverage) or staff's (inspections, rectifications): nothing is
// asked of the backend before the window is unlocked as that role or above — an unannounced drill must never reach a
// guard's screen. Each screen says in its own words why it needs the unlock (`needs`, given the role's name) and what
// unlocking shows.
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/people/roles';
import { useLanguage } from '../components/useLanguage';
import { roleLabel } from './labels';
import { useSession } from './SessionContext';

export function TrainerGate({
  title,
  titleId,
  needs,
  unlock,
  role = 'trainer',
  children,
}: {
  /** The least role the screen needs (a trainer by default). */
  role?: Role;
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
  if (!session.mayEditAs(role)) {
    return (
      <>
        <h1 id={titleId}>{title}</h1>
        <div className="notice notice-info unlock-note">
          <p>{needs(roleLabel(role, lang))}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock(role)}>
            {unlock}
          </button>
        </div>
      </>
    );
  }
  return <>{children}</>;
}
