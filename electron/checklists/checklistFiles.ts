// Reads checklist template files from disk and checks them: the Node side of `checklists check`, as
// electron/plans/planFiles.ts is for plans.
import { checkChecklistText, type ChecklistTextCheck } from '../../shared/checklist/checkChecklistText';
import { checklistContentHash } from '../../shared/checklist/contentHash';
import { finding } from '../../shared/checklist/findings';
import { CHECKLIST_JSON_SCHEMA_FILE } from '../../shared/checklist/jsonSchema';
import type { Checklist } from '../../shared/checklist/schema';
import { listDocumentFiles, readDocumentFile } from '../files/documentFiles';
import { sha256Hex } from '../plans/contentHash';

export interface ChecklistFileCheck extends ChecklistTextCheck {
  file: string;
}

/** Expands directories to the template files in them (`*.json`, not the JSON Schema), sorted by name. */
export function listChecklistFiles(paths: readonly string[]): Promise<string[]> {
  return listDocumentFiles(paths, CHECKLIST_JSON_SCHEMA_FILE);
}

export async function checkChecklistFile(file: string): Promise<ChecklistFileCheck> {
  const read = await readDocumentFile(file);
  if ('unreadable' in read) {
    const reason = read.unreadable;
    return { file, findings: [finding('unreadable', '', { zh: reason['zh-CN'], en: reason.en })] };
  }
  return { file, ...checkChecklistText(read.text) };
}

/** The content hash of a template version with Node's SHA-256. */
export function checklistHashOf(checklist: Checklist): string {
  return checklistContentHash(checklist, sha256Hex);
}
