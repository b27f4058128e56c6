// The current settings for every screen, kept in step with the backend through its push events.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SettingsState } from '../../../shared/api/channels';
import type { PreferencesPatch, SettingsPatch } from '../../../shared/settings/schema';
import { useApi, usePush } from '../api/ApiContext';
import { setDisplayTimeZone } from '../components/displayTimeZone';
import { setLanguage } from '../i18n/i18n';

interface SettingsApi {
  state: SettingsState;
  /** Branch, phone numbers, idle lock: needs a manager's PIN (call it through the session's withUnlock). */
  update(patch: SettingsPatch): Promise<void>;
  /** Language, theme, sound: anyone at the PC. */
  setPreferences(patch: PreferencesPatch): Promise<void>;
  dismissNotice(): Promise<void>;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function SettingsProvider({ initial, children }: { initial: SettingsState; children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState(initial);
  // Before the screens below render (not in an effect), so they never show a time in the wrong zone.
  setDisplayTimeZone(state.settings.timeZone);
  usePush(
    'settings.changed',
    useCallback((next: SettingsState) => setState(next), []),
  );
  useEffect(() => {
    setLanguage(state.settings.language);
    document.documentElement.dataset.theme = state.settings.theme;
  }, [state.settings.language, state.settings.theme]);
  const value: SettingsApi = {
    state,
    update: async (patch) => setState(await api.call('settings.update', patch)),
    setPreferences: async (patch) => setState(await api.call('settings.setPreferences', patch)),
    dismissNotice: async () => setState(await api.call('settings.dismissNotice')),
  };
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
