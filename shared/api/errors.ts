// Errors that cross the API: a code the UI can act on, a bilingual message, and where the input was wrong.
import { z } from 'zod';

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

export const ApiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** For invalid input: each problem with its path in the input. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** Thrown by handlers and clients; carried across the transport as its body. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'ApiError';
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const notFound = (what: { zh: string; en: string }, id: string): ApiError =>
  new ApiError({ code: 'not-found', message: { 'zh-CN': `找不到${what.zh}“${id}”`, en: `No ${what.en} "${id}"` } });
