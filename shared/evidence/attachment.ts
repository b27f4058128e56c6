// A photo or file attached to an inspection item or to a rectification: stored beside the record under a name made
// from its hash, and named in the record with its SHA-256 and size, so the record proves the exact bytes.
import { z } from 'zod';
import { INSPECTION_LIMITS } from '../limits';

export const AttachmentRefSchema = z.object({
  /** The name it had where it came from (shown, never used as a path). */
  name: z.string().min(1).max(INSPECTION_LIMITS.fileName),
  mime: z.enum(INSPECTION_LIMITS.attachmentTypes),
  bytes: z.number().int().min(1).max(INSPECTION_LIMITS.attachmentBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the bytes are, relative to the folder holding the record (`files/<sha256>.<ext>`). */
  file: z.string().regex(/^files\/[0-9a-f]{64}\.(jpg|png|webp|pdf)$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export type AttachmentType = (typeof INSPECTION_LIMITS.attachmentTypes)[number];

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** The stored file's path for bytes of this hash and type. */
export function attachmentFile(sha256: string, mime: AttachmentType): string {
  return `files/${sha256}.${EXTENSIONS[mime]}`;
}

/**
 * What a file's first bytes say it is: a record must not hold a program named `photo.jpg`. Undefined when it is none
 * of the accepted kinds.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return undefined;
}
