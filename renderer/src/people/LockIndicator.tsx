// The header's lock state, always in view: "已解锁：李（安全主管）· 锁定" or "未解锁 · 解锁".
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../components/useLanguage';
import { personLabel } from './labels';
import { useSession } from './SessionContext';

export function LockIndicator() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const unlocked = session.view?.unlocked;
  return (
    <div className={`lock-indicator${unlocked ? ' is-unlocked' : ''}`} data-testid="lock-indicator">
      <span className="lock-state" aria-live="polite">
        <LockIcon open={!!unlocked} />
        {unlocked
          ? t('lock.unlockedAs', { who: personLabel(unlocked, lang) })
          : session.lapsed
            ? t('lock.lapsed')
            : t('lock.locked')}
      </span>
      <span aria-hidden="true" className="lock-dot">
        ·
      </span>
      {unlocked ? (
        <button type="button" className="lock-button" onClick={() => void session.lock()}>
          {t('lock.lock')}
        </button>
      ) : (
        <button type="button" className="lock-button" onClick={() => void session.requestUnlock()}>
          {t('lock.unlock')}
        </button>
      )}
    </div>
  );
}

/** A padlock, open or shut (drawn, not an emoji: kiosk PCs often lack an emoji font). */
function LockIcon({ open }: { open: boolean }) {
  return (
    <svg className="lock-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <rect x="4" y="10.5" width="16" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path
        d={open ? 'M8 10.5V7a4 4 0 0 1 7.6-1.7' : 'M8 10.5V7a4 4 0 0 1 8 0v3.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
      <circle cx="12" cy="16" r="1.6" fill="currentColor" />
    </svg>
  );
}
