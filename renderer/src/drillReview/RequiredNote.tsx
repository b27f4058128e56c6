// The note an action form requires (why it is done, dropped, accepted or sent back): said missing beside the field,
// and marked invalid for screen readers, until something is typed.
import { useTranslation } from 'react-i18next';
import { ACTION_LIMITS } from '../../../shared/limits';

export function RequiredNote({
  id,
  label,
  value,
  missing,
  onChange,
}: {
  /** The form's id: the field is `<id>-note`, which the form focuses when the note is missing. */
  id: string;
  label: string;
  value: string;
  missing: boolean;
  onChange: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="review-field review-field-wide">
      <label htmlFor={`${id}-note`}>{label}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={ACTION_LIMITS.note}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(missing ? { 'aria-invalid': true, 'aria-describedby': `${id}-note-problem` } : {})}
      />
      {missing && (
        <span id={`${id}-note-problem`} className="field-error">
          {t('review.required')}
        </span>
      )}
    </div>
  );
}
