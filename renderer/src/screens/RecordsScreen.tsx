// Records of incidents and drills (filled by the records issue).
import { useTranslation } from 'react-i18next';

export function RecordsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">{t('records.title')}</h1>
      <p className="muted">{t('records.empty')}</p>
    </section>
  );
}
