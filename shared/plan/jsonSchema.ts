// The JSON Schema editors use to validate plan files, derived from the zod schema so the two never drift.
import { z } from 'zod';
import { PlanSchema } from './schema';

export const PLAN_JSON_SCHEMA_FILE = 'plan.schema.json';

export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The file's exact text (stable key order, two-space indent, trailing newline). */
export function planJsonSchemaText(): string {
  return JSON.stringify(planJsonSchema(), null, 2) + '\n';
}
