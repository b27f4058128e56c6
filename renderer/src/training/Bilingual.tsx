// A text of the plan in the UI's language first and the other one below, smaller (once, when both say the same):
// a guard reads Chinese, and the English helps a colleague who reads it better.
import type { Language } from '../../../shared/plan/schema';
import type { Text } from '../../../shared/text';
import { useLanguage } from '../components/useLanguage';

export function Bilingual({ text, className }: { text: Text; className?: string }) {
  const lang = useLanguage();
  const other: Language = lang === 'en' ? 'zh-CN' : 'en';
  const second = text[other].trim() && text[other] !== text[lang] ? text[other] : undefined;
  return (
    <span className={['bilingual', className].filter(Boolean).join(' ')}>
      <span className="bilingual-first" lang={lang}>
        {text[lang] || text[other]}
      </span>
      {second && text[lang] && (
        <span className="bilingual-second" lang={other}>
          {second}
        </span>
      )}
    </span>
  );
}
