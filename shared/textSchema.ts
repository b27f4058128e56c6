// The schema of a message in both UI languages, wherever one crosses a boundary (API errors, run views…). Apart
// from ./text so that code which only writes messages never builds a schema.
import { z } from 'zod';
import type { Text } from './text';

export const TextSchema: z.ZodType<Text> = z.object({ 'zh-CN': z.string(), en: z.string() });
