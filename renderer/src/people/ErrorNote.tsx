// An error from the backend in both of its languages: the UI's first, the other under it (a colleague at the
// same PC may read the other one). Announced as an alert.
import { useLanguage } from '../components/useLanguage';
import { bilingualError } from './labels';

export function ErrorNote({ error, id, className }: { error: unknown; id?: string; className?: string }) {
  const lang = useLanguage();
  const text = bilingualError(error);
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <div role="alert" id={id} className={`notice notice-error error-note ${className ?? ''}`}>
      {'plain' in text ? (
        <p>{text.plain}</p>
      ) : (
        <>
          <p lang={lang}>{text[lang]}</p>
          {text[other] !== text[lang] && (
            <p lang={other} className="small">
              {text[other]}
            </p>
          )}
        </>
      )}
    </div>
  );
}
