// The end of every action form: submit, cancel (both held while it is sent), and what went wrong if it did.
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../people/ErrorNote';

export function FormFooter({
  submit,
  danger = false,
  busy,
  onCancel,
  error,
}: {
  submit: string;
  /** The submit is a destructive choice (dropping an action): drawn as such. */
  danger?: boolean;
  busy: boolean;
  onCancel: () => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
          {submit}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('review.cancel')}
        </button>
      </div>
      {error !== undefined && <ErrorNote error={error} />}
    </>
  );
}
