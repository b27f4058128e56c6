// An item's photos and files: the ones on record as thumbnails (each loaded through the API, which checks it against
// its hash), and "拍照/附件", which opens the tablet's camera or a file picker and sends each file in turn. A file over
// the limit is refused here, with the limit said, before anything is sent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../shared/inspections/inspectionView';
import { INSPECTION_LIMITS } from '../../../shared/limits';
import { ApiError } from '../../../shared/api/errors';
import { useApi } from '../api/ApiContext';
import { EvidenceThumb } from '../components/EvidenceThumb';
import { fileToBase64 } from '../components/fileBase64';
import { ErrorNote } from '../people/ErrorNote';
import { megabytes, tooLarge } from './inspectionModel';
import { bilingual } from './strings';
import { useAsGuard, useAsInspector } from './useInspections';

type Attachment = InspectionView['items'][string]['attachments'][number];

export function AttachmentThumbs({ inspectionId, attachments }: { inspectionId: string; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const asGuard = useAsGuard();
  if (attachments.length === 0) return null;
  return (
    <ul className="evidence-thumbs" aria-label={t('inspections.item.photos')}>
      {attachments.map((a) => (
        <li key={a.sha256} data-sha256={a.sha256}>
          <EvidenceThumb
            name={a.name}
            damagedLabel={t('inspections.item.damaged')}
            load={() => asGuard(() => api.call('inspections.attachment', { inspectionId, sha256: a.sha256 }))}
          />
        </li>
      ))}
    </ul>
  );
}

export function PhotoPicker({
  inspectionId,
  itemId,
  itemText,
  attachments,
  onChanged,
}: {
  inspectionId: string;
  itemId: string;
  /** For the control's name: which item the photo is of. */
  itemText: string;
  attachments: Attachment[];
  onChanged: (view: InspectionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const asInspector = useAsInspector();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [errors, setErrors] = useState<unknown[]>([]);
  const send = async (files: File[]) => {
    const problems: unknown[] = [];
    setErrors([]);
    setProgress({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      if (tooLarge(file)) {
        problems.push(
          new ApiError({
            code: 'invalid-input',
            message: bilingual('inspections.item.tooLarge', {
              name: file.name,
              size: megabytes(file.size),
              limit: megabytes(INSPECTION_LIMITS.attachmentBytes),
            }),
          }),
        );
      } else {
        try {
          const base64 = await fileToBase64(file);
          const view = await asInspector(() =>
            api.call('inspections.attach', { inspectionId, itemId, file: { name: file.name, base64 } }),
          );
          onChanged(view);
        } catch (error) {
          problems.push(error);
        }
      }
      setProgress({ done: i + 1, total: files.length });
    }
    setProgress(undefined);
    setErrors(problems);
  };
  return (
    <div className="item-photos">
      <AttachmentThumbs inspectionId={inspectionId} attachments={attachments} />
      <label className={`photo-button${progress ? ' busy' : ''}`}>
        <input
          type="file"
          className="visually-hidden"
          accept="image/*,application/pdf"
          capture="environment"
          multiple
          disabled={progress !== undefined}
          aria-label={t('inspections.item.attachOf', { item: itemText })}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = ''; // the same photo may be chosen again after a failure
            if (files.length > 0) void send(files);
          }}
        />
        <span aria-hidden="true">{t('inspections.item.attach')}</span>
      </label>
      <span role="status" className="photo-progress">
        {progress && t('inspections.item.uploading', { done: progress.done, total: progress.total })}
      </span>
      {errors.map((error, i) => (
        <ErrorNote key={i} error={error} />
      ))}
    </div>
  );
}
