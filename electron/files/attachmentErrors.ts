// An attachment that could not be stored, as the API says it: refused for what it is, or not written (disk).
import { ApiError } from '../../shared/api/errors';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { INSPECTION_MESSAGES as m } from '../../shared/messages/inspections';
import { INSPECTION_LIMITS } from '../../shared/limits';
import { AttachmentRefusedError } from './attachmentStore';

export function attachmentError(name: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AttachmentRefusedError) {
    const message =
      error.reason === 'empty'
        ? m.attachmentEmpty(name)
        : error.reason === 'too-large'
          ? m.attachmentTooLarge(name, INSPECTION_LIMITS.attachmentBytes / (1024 * 1024))
          : m.attachmentNotPhoto(name);
    return new ApiError({ code: 'invalid-input', message });
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new ApiError({ code: 'storage', message: m.notWritten(name, FILE_MESSAGES.diskReason(code)) });
}
