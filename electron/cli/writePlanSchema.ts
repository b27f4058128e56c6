// Writes plans/plan.schema.json from the zod schema (`npm run plans:schema`); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PLAN_JSON_SCHEMA_FILE, planJsonSchemaText } from '../../shared/plan/jsonSchema';

const target = fileURLToPath(new URL(`../../plans/${PLAN_JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, planJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
