// Reads plan files from disk and checks them: the Node side of `plans check` and of the bundled library.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPlanText, type PlanTextCheck } from '../../shared/plan/checkPlanText';
import { finding } from '../../shared/plan/findings';
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
    const reason = READ_ERRORS[code] ?? { zh: String(error), en: String(error) };
    return { file, findings: [finding('unreadable', '', { zh: reason.zh, en: reason.en })] };
  }
  return { file, ...checkPlanText(text) };
}

const READ_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a directory' },
};
