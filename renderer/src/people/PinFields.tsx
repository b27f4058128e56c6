// A new PIN typed twice (the backend says what makes one too weak), and a single PIN field, for the people forms.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../../shared/people/pinRules';

export interface PinPair {
  pin: string;
  again: string;
}

export const EMPTY_PIN_PAIR: PinPair = { pin: '', again: '' };

/** The two differ once the second has been typed out. */
export function pinPairMismatch(pair: PinPair): boolean {
  return pair.again.length > 0 && pair.pin !== pair.again;
}

export function PinPairFields({
  value,
  onChange,
  label,
}: {
  value: PinPair;
  onChange: (value: PinPair) => void;
  /** The first field's label (e.g. 新 PIN); the second is "again". */
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const mismatch = pinPairMismatch(value);
  return (
    <>
      <PinField
        label={label ?? t('users.pin')}
        value={value.pin}
        onChange={(pin) => onChange({ ...value, pin })}
        describedBy={`${id}-hint`}
        autoComplete="new-password"
      />
      <p id={`${id}-hint`} className="muted small field-hint">
        {t('users.pinHint', { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH })}
      </p>
      <PinField
        label={t('users.pinAgain')}
        value={value.again}
        onChange={(again) => onChange({ ...value, again })}
        invalid={mismatch}
        describedBy={mismatch ? `${id}-mismatch` : undefined}
        autoComplete="new-password"
      />
      {mismatch && (
        <p id={`${id}-mismatch`} className="field-error">
          {t('users.pinMismatch')}
        </p>
      )}
    </>
  );
}

export function PinField({
  label,
  value,
  onChange,
  invalid,
  describedBy,
  autoComplete = 'off',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
  autoComplete?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={PIN_MAX_LENGTH}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
