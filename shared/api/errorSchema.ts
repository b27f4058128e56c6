// The schema of an error body as it crosses a transport, for whoever must check one (tests, a future client that
// parses answers). Apart from ./errors, whose ApiError the renderer loads first and which builds no schema.
import { z } from 'zod';
import { TextSchema } from '../textSchema';
import { API_ERROR_CODES, type ApiErrorBody } from './errors';

export const ApiErrorSchema: z.ZodType<ApiErrorBody> = z.object({
  code: z.enum(API_ERROR_CODES),
  message: TextSchema,
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
