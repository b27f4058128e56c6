// Picking the evidence of a fix: photos (on a tablet, straight from its back camera) or PDFs, a few at most, each
// under the size the backend keeps. A file the backend would refuse is refused here, at once and said, rather than
// after the upload; a picked photo is shown so the person sees what they send.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentType } from '../../../shared/evidence/attachment';
import { ACTION_LIMITS, INSPECTION_LIMITS } from '../../../shared/limits';
import { fileToBase64 } from '../components/fileBase64';

/** As many files as `actions.fix` takes in one report. */
export const MAX_EVIDENCE_FILES = ACTION_LIMITS.evidenceFiles;
const MAX_MB = INSPECTION_LIMITS.attachmentBytes / (1024 * 1024);

export interface PickedFile {
  name: string;
  mime: AttachmentType;
  base64: string;
}

function acceptedType(type: string): type is AttachmentType {
  return (INSPECTION_LIMITS.attachmentTypes as readonly string[]).includes(type);
}

export function EvidenceUpload({
  id,
  files,
  onChange,
  missing,
}: {
  id: string;
  files: readonly PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** Say that at least one file is needed (after a submit without one). */
  missing: boolean;
}) {
  const { t } = useTranslation();
  const [refusals, setRefusals] = useState<string[]>([]);
  const [reading, setReading] = useState(false);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    input.value = ''; // the same file may be picked again after it was removed
    const next = [...files];
    const refused: string[] = [];
    setReading(true);
    for (const file of chosen) {
      const name = file.name;
      if (next.length >= MAX_EVIDENCE_FILES)
        refused.push(t('review.upload.tooMany', { max: MAX_EVIDENCE_FILES, name }));
      else if (!acceptedType(file.type)) refused.push(t('review.upload.wrongType', { name }));
      else if (file.size > INSPECTION_LIMITS.attachmentBytes)
        refused.push(t('review.upload.tooBig', { name, mb: MAX_MB }));
      else {
        try {
          next.push({ name, mime: file.type, base64: await fileToBase64(file) });
        } catch {
          refused.push(t('review.upload.unreadable', { name }));
        }
      }
    }
    setReading(false);
    setRefusals(refused);
    onChange(next);
  };

  const described = [`${id}-hint`, refusals.length > 0 && `${id}-refused`, missing && `${id}-missing`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="review-field review-field-wide evidence-upload">
      <label htmlFor={id}>{t('review.upload.label', { max: MAX_EVIDENCE_FILES, mb: MAX_MB })}</label>
      <input
        id={id}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        multiple
        disabled={reading || files.length >= MAX_EVIDENCE_FILES}
        aria-describedby={described}
        {...(missing ? { 'aria-invalid': true as const } : {})}
        onChange={(e) => void pick(e)}
      />
      <span id={`${id}-hint`} className="review-hint">
        {t('review.upload.hint')}
      </span>
      {refusals.length > 0 && (
        <div id={`${id}-refused`} className="field-error" role="alert">
          <ul className="upload-refusals">
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {missing && (
        <span id={`${id}-missing`} className="field-error" role="alert">
          {t('review.upload.missing')}
        </span>
      )}
      {files.length > 0 && (
        <ul className="evidence-picked" aria-label={t('review.upload.picked')}>
          {files.map((f, i) => (
            <li key={`${i}-${f.name}`}>
              {f.mime.startsWith('image/') ? (
                <img className="evidence-thumb" src={`data:${f.mime};base64,${f.base64}`} alt={f.name} />
              ) : (
                <span className="evidence-file">{f.name}</span>
              )}
              <button
                type="button"
                aria-label={t('review.upload.remove', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
