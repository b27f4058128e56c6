// Reads plan files from disk and checks them: the Node side of `plans check` and of the bundled library.
import { checkPlanText, type PlanTextCheck } from '../../shared/plan/checkPlanText';
import { finding } from '../../shared/plan/findings';
import { PLAN_JSON_SCHEMA_FILE } from '../../shared/plan/jsonSchema';
import { listDocumentFiles, readDocumentFile } from '../files/documentFiles';

export interface PlanFileCheck extends PlanTextCheck {
  file: string;
}

/** Expands directories to the plan files in them (`*.json`, not the JSON Schema), sorted by name. */
export function listPlanFiles(paths: readonly string[]): Promise<string[]> {
  return listDocumentFiles(paths, PLAN_JSON_SCHEMA_FILE);
}

export async function checkPlanFile(file: string): Promise<PlanFileCheck> {
  const read = await readDocumentFile(file);
  if ('unreadable' in read) {
    const reason = read.unreadable;
    return { file, findings: [finding('unreadable', '', { zh: reason['zh-CN'], en: reason.en })] };
  }
  return { file, ...checkPlanText(read.text) };
}
