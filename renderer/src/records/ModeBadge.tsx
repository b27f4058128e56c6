// Drill or live incident, marked the same way wherever a record is listed: a drill can never pass for the real thing.
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../shared/journal/events';

export function ModeBadge({ mode }: { mode: RunMode }) {
  const { t } = useTranslation();
  return (
    <span className={`badge mode-badge-${mode}`} data-mode={mode}>
      {t(`records.mode.${mode}`)}
    </span>
  );
}
