// A photo or PDF kept as evidence (an inspection item's, a rectification's): loaded through the API, which checks its
// bytes against the record's hash, and shown as a thumbnail (a photo) or a link that saves it (a PDF). A file that no
// longer matches its record is said, never shown.
import { useEffect, useState } from 'react';
import { saveBase64File } from './saveBlob';

export interface EvidenceFile {
  name: string;
  mime: string;
  base64: string;
}

export function EvidenceThumb({
  name,
  load,
  damagedLabel,
  className,
}: {
  name: string;
  /** Asks the API for the file (inspections.attachment, actions.evidence). */
  load: () => Promise<EvidenceFile>;
  /** What to say when the file cannot be read or no longer matches its hash. */
  damagedLabel: string;
  className?: string;
}) {
  const [file, setFile] = useState<EvidenceFile | 'failed' | undefined>(undefined);
  useEffect(() => {
    let live = true;
    load().then(
      (f) => live && setFile(f),
      () => live && setFile('failed'),
    );
    return () => {
      live = false;
    };
    // `load` is a new function every render; the file is named by `name` (a hash-named file never changes).
  }, [name]);
  if (file === 'failed') return <span className="evidence-damaged badge badge-error">{damagedLabel}</span>;
  if (!file) return <span className="evidence-loading" aria-busy="true" />;
  if (file.mime.startsWith('image/')) {
    return <img className={className ?? 'evidence-thumb'} src={`data:${file.mime};base64,${file.base64}`} alt={name} />;
  }
  return (
    <button type="button" className="link-button" onClick={() => saveBase64File({ ...file, fileName: file.name })}>
      {name}
    </button>
  );
}
