// The UI language as the plan model names it, for picking localized plan text.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/plan/schema';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
