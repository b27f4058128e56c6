// The bundled plan library as tests see it: every plans/*.json file, checked.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPlanText } from '../../shared/plan/checkPlanText';
import { PLAN_JSON_SCHEMA_FILE } from '../../shared/plan/jsonSchema';
import type { Plan } from '../../shared/plan/schema';

export const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));

export function bundledPlanFiles(): string[] {
  return readdirSync(PLANS_DIR)
    .filter((name) => name.endsWith('.json') && name !== PLAN_JSON_SCHEMA_FILE)
    .sort();
}

export function loadBundledPlan(name: string): Plan {
  const result = checkPlanText(readFileSync(PLANS_DIR + name, 'utf8'));
  if (!result.plan) throw new Error(`${name} does not parse: ${JSON.stringify(result.findings)}`);
  return result.plan;
}
