// Electron only: a report as a PDF file (printToPDF in the host), beside the ordinary Print button. A failure is
// said beside the button; nothing else changes.
import { useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { useLanguage } from './useLanguage';

export function SavePdfButton({ label, save }: { label: string; save: () => Promise<void> }) {
  const lang = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          save()
            .catch((e: unknown) => setError(e instanceof ApiError ? e.body.message[lang] : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
