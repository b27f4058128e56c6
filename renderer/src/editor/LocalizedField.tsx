// A text in both languages side by side, zh-CN first (what guards read), English second.
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../shared/plan/schema';
import { LANGUAGES, type Language } from '../../../shared/plan/vocabulary';
import { TextInput } from './inputs';

export function LocalizedField({
  label,
  value,
  idFor,
  onValue,
  multiline = false,
}: {
  label: string;
  value: Localized | undefined;
  idFor: (lang: Language) => string;
  onValue: (lang: Language, value: string) => void;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="ed-localized">
      <legend>{label}</legend>
      <div className="ed-localized-pair">
        {LANGUAGES.map((lang) => (
          <div className="ed-field" key={lang}>
            <label htmlFor={idFor(lang)}>
              <span className="visually-hidden">{label} </span>
              {t(`editor.lang.${lang}`)}
            </label>
            <TextInput
              id={idFor(lang)}
              lang={lang}
              value={value?.[lang] ?? ''}
              multiline={multiline}
              onValue={(text) => onValue(lang, text)}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
