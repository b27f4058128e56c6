// Errors that cross the API: a code the UI can act on, a bilingual message, and where the input was wrong.
import type { Text } from '../text';

export const API_ERROR_CODES = [
  'invalid-input',
  'unknown-channel',
  'not-found',
  'storage',
  'forbidden',
  /** The channel needs a PIN and this window is not unlocked (or has locked itself): ask for one. */
  'locked',
  'internal',
] as const;

export interface ApiErrorBody {
  code: (typeof API_ERROR_CODES)[number];
  message: Text;
  /** For invalid input: each problem with its path in the input. */
  issues?: { path: string; message: string }[];
}

/** Thrown by handlers and clients; carried across the transport as its body. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'ApiError';
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A not-found error with its message from the catalogue (API_MESSAGES.planNotFound, RUN_MESSAGES.runNotFound…). */
export const notFound = (message: Text): ApiError => new ApiError({ code: 'not-found', message });
