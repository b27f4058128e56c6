// Reads checklist template files from disk and checks them: the Node side of `checklists check`, as
// electron/plans/planFiles.ts is for plans.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkChecklistText, type ChecklistTextCheck } from '../../shared/checklist/checkChecklistText';
import { checklistContentHash } from '../../shared/checklist/contentHash';
import { finding } from '../../shared/checklist/findings';
import { CHECKLIST_JSON_SCHEMA_FILE } from '../../shared/checklist/jsonSchema';
import type { Checklist } from '../../shared/checklist/schema';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { sha256Hex } from '../plans/contentHash';

export interface ChecklistFileCheck extends ChecklistTextCheck {
  file: string;
}

/** Expands directories to the template files in them (`*.json`, not the JSON Schema), sorted by name. */
export async function listChecklistFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json') && n !== CHECKLIST_JSON_SCHEMA_FILE).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path); // a missing file is reported by checkChecklistFile
  }
  return files;
}

export async function checkChecklistFile(file: string): Promise<ChecklistFileCheck> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_MESSAGES.planReadReason(code, String(error));
    return { file, findings: [finding('unreadable', '', { zh: reason['zh-CN'], en: reason.en })] };
  }
  return { file, ...checkChecklistText(text) };
}

/** The content hash of a template version with Node's SHA-256. */
export function checklistHashOf(checklist: Checklist): string {
  return checklistContentHash(checklist, sha256Hex);
}
