// The review screens are a trainer's (an evaluation names what went wrong; an action, who must fix it): nothing is
// asked of the backend before the window is unlocked as a trainer or above, as on the drill screens.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../components/useLanguage';
import { roleLabel } from '../people/labels';
import { useSession } from '../people/SessionContext';
import './strings';

export function TrainerGate({ title, titleId, children }: { title: string; titleId: string; children: ReactNode }) {
  const { t } = useTranslation();
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
          <p>{t('review.needsTrainer', { role: roleLabel('trainer', lang) })}</p>
          <button type="button" className="primary" onClick={() => void session.requestUnlock('trainer')}>
            {t('review.unlock')}
          </button>
        </div>
      </>
    );
  }
  return <>{children}</>;
}
