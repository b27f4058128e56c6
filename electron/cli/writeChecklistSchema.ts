// Writes plans/checklists/checklist.schema.json from the zod schema (`npm run checklists:schema`); a test fails when
// it is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKLIST_JSON_SCHEMA_FILE, checklistJsonSchemaText } from '../../shared/checklist/jsonSchema';

const target = fileURLToPath(new URL(`../../plans/checklists/${CHECKLIST_JSON_SCHEMA_FILE}`, import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, checklistJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
