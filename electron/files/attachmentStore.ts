// Photos and files kept as evidence beside a record (an inspection's journal, the actions log): each stored once under
// its SHA-256 (`<dir>/files/<sha256>.<ext>`), written whole or not at all, and checked against the hash the record
// names whenever it is read or verified.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentFile, sniffAttachmentType, type AttachmentRef } from '../../shared/evidence/attachment';
import { INSPECTION_LIMITS } from '../../shared/limits';
import { writeFileAtomic } from './atomicFile';

export type AttachmentRefusal = 'empty' | 'too-large' | 'not-a-photo-or-pdf';

export class AttachmentRefusedError extends Error {
  constructor(readonly reason: AttachmentRefusal) {
    super(`attachment refused: ${reason}`);
    this.name = 'AttachmentRefusedError';
  }
}

/**
 * Stores the bytes in `dir` (durable before this returns) and says how a record names them. The type is what the
 * bytes are, not what their name says. The same bytes stored twice are one file.
 */
export function storeAttachment(dir: string, name: string, bytes: Uint8Array): AttachmentRef {
  if (bytes.length === 0) throw new AttachmentRefusedError('empty');
  if (bytes.length > INSPECTION_LIMITS.attachmentBytes) throw new AttachmentRefusedError('too-large');
  const mime = sniffAttachmentType(bytes);
  if (!mime) throw new AttachmentRefusedError('not-a-photo-or-pdf');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = attachmentFile(sha256, mime);
  const path = join(dir, file);
  const problem = attachmentProblem(dir, { file, sha256, bytes: bytes.length });
  if (problem !== undefined) {
    mkdirSync(join(dir, 'files'), { recursive: true, mode: 0o700 });
    // A file under this name with other bytes is damage: kept aside as evidence, not overwritten.
    if (problem === 'differs') renameSync(path, `${path}.damaged-${Date.now()}`);
    writeFileAtomic(path, bytes);
  }
  return { name: name.slice(0, INSPECTION_LIMITS.fileName) || file, mime, bytes: bytes.length, sha256, file };
}

/** The stored bytes, refused when they no longer match the record. */
export function readAttachment(dir: string, ref: Pick<AttachmentRef, 'file' | 'sha256' | 'bytes'>): Buffer {
  const problem = attachmentProblem(dir, ref);
  if (problem) throw new Error(`${ref.file}: ${problem}`);
  return readFileSync(join(dir, ref.file));
}

/** Why the stored file does not prove what the record says (missing, or other bytes), or undefined when it does. */
export function attachmentProblem(
  dir: string,
  ref: Pick<AttachmentRef, 'file' | 'sha256' | 'bytes'>,
): 'missing' | 'differs' | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, ref.file));
  } catch {
    return 'missing';
  }
  if (bytes.length !== ref.bytes) return 'differs';
  return createHash('sha256').update(bytes).digest('hex') === ref.sha256 ? undefined : 'differs';
}
