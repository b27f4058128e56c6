// The JSON Schema editors use to validate checklist template files, derived from the zod schema so the two never
// drift (written by electron/cli/writeChecklistSchema.ts; a test fails when the file is stale).
import { z } from 'zod';
import { ChecklistSchema } from './schema';

export const CHECKLIST_JSON_SCHEMA_FILE = 'checklist.schema.json';

export function checklistJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ChecklistSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The file's exact text (stable key order, two-space indent, trailing newline). */
export function checklistJsonSchemaText(): string {
  return JSON.stringify(checklistJsonSchema(), null, 2) + '\n';
}
