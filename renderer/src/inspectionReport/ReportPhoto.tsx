// A photo on the printed report: loaded through the API (which checks its bytes against the record's hash) and put in
// the page as an image at print size. It says when it is settled (decoded, or failed), so the report can wait for
// every photo before it calls itself ready to print: a PDF made earlier would have empty boxes. A file that does not
// match its record is said, never shown; a PDF attachment is named.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '../components/EvidenceThumb';

export function ReportPhoto({
  name,
  sha256,
  alt,
  load,
  onSettled,
}: {
  name: string;
  sha256: string;
  alt: string;
  load: () => Promise<EvidenceFile>;
  onSettled: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<EvidenceFile | 'failed'>();
  useEffect(() => {
    let live = true;
    load().then(
      (f) => live && setFile(f),
      () => live && setFile('failed'),
    );
    return () => {
      live = false;
    };
    // `load` is a new function every render; a hash names the same bytes for ever.
  }, [sha256]);
  const image = file !== undefined && file !== 'failed' && file.mime.startsWith('image/');
  useEffect(() => {
    if (file !== undefined && !image) onSettled();
  }, [file, image]);
  if (file === 'failed')
    return <span className="report-photo-damaged">{t('inspectionReport.report.photoDamaged')}</span>;
  if (!file) return <span className="report-photo report-photo-loading" aria-busy="true" />;
  if (!image) return <span className="report-attachment">{t('inspectionReport.report.attachmentFile', { name })}</span>;
  return (
    <img
      className="report-photo"
      src={`data:${file.mime};base64,${file.base64}`}
      alt={alt}
      onLoad={onSettled}
      onError={onSettled}
    />
  );
}
