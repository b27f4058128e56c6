// Reads plan files from disk and checks them: the Node side of `plans check` and of the bundled library.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPlanText, type PlanTextCheck } from '../../shared/plan/checkPlanText';
import { finding } from '../../shared/plan/findings';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { PLAN_JSON_SCHEMA_FILE } from '../../shared/plan/jsonSchema';

export interface PlanFileCheck extends PlanTextCheck {
  file: string;
}

/** Expands directories to the plan files in them (`*.json`, not the JSON Schema), sorted by name. */
export async function listPlanFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json') && n !== PLAN_JSON_SCHEMA_FILE).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path); // a missing file is reported by checkPlanFile
  }
  return files;
}

export async function checkPlanFile(file: string): Promise<PlanFileCheck> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_MESSAGES.planReadReason(code, String(error));
    return { file, findings: [finding('unreadable', '', { zh: reason['zh-CN'], en: reason.en })] };
  }
  return { file, ...checkPlanText(text) };
}
