// Import of a document file from elsewhere (another branch, head office), for plans and checklist templates alike:
// the backend checks it on the way in. A refused file says why, where (line, JSON path, step or item) and that
// nothing changed; what an accepted one leads to is the caller's.
import { useState } from 'react';
import type { Text } from '../../../shared/text';
import { ErrorNote } from '../people/ErrorNote';
import { useUnlockedAction } from '../people/useUnlockedAction';
import { useLanguage } from './useLanguage';

export interface ImportFinding {
  code: string;
  message: Text;
  path?: string;
  line?: number;
  column?: number;
  stepId?: string;
  itemId?: string;
}

export type ImportResult<A> = ({ accepted: true } & A) | { accepted: false; findings: readonly ImportFinding[] };

export function ImportPanel<A>({
  label,
  refusedText,
  accept = '.json,application/json',
  importFile,
  onAccepted,
}: {
  label: string;
  /** Said before the file's name when it is refused: that nothing changed. */
  refusedText: string;
  accept?: string;
  importFile: (fileName: string, content: string) => Promise<ImportResult<A>>;
  /** Tidies up (navigates to the new draft) and says what to confirm. */
  onAccepted: (result: { accepted: true } & A) => string;
}) {
  const lang = useLanguage();
  const action = useUnlockedAction('manager');
  const [refused, setRefused] = useState<{ file: string; findings: readonly ImportFinding[] }>();
  const chosen = async (file: File) => {
    setRefused(undefined);
    const content = await file.text();
    await action.run(
      () => importFile(file.name, content),
      (result) => {
        if (result.accepted) return onAccepted(result);
        setRefused({ file: file.name, findings: result.findings });
        return '';
      },
    );
  };
  return (
    <div className="import-panel">
      <label className="field">
        <span>{label}</span>
        <input
          type="file"
          accept={accept}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // the same file may be chosen again after fixing it
            if (file) void chosen(file);
          }}
        />
      </label>
      {action.outcome?.kind === 'failed' && <ErrorNote error={action.outcome.error} />}
      {refused && (
        <div role="alert" className="notice notice-error">
          <p>
            {refusedText} <code>{refused.file}</code>
          </p>
          <ul className="findings">
            {refused.findings.map((f, i) => (
              <li key={i}>
                {f.line !== undefined && `${refused.file}:${f.line}:${f.column ?? 1} `}
                {(f.stepId ?? f.itemId) && <code>{f.stepId ?? f.itemId}</code>} {f.message[lang]}{' '}
                <span className="muted small">
                  {f.path && <code>{f.path}</code>} [{f.code}]
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
