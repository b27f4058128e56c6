// Data files on disk that a checker reads (plans, checklist templates): the `*.json` files in the paths given, and a
// file's text or why it cannot be read.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MESSAGES } from '../../shared/messages/files';
import type { Text } from '../../shared/text';

/** Expands directories to the `*.json` files in them (not `skip`, their JSON Schema), sorted by name. */
export async function listDocumentFiles(paths: readonly string[], skip: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json') && n !== skip).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path); // a missing file is said when it is read
  }
  return files;
}

/** The file's text, or why it cannot be read (a missing file, no permission…) in both languages. */
export async function readDocumentFile(file: string): Promise<{ text: string } | { unreadable: Text }> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { unreadable: FILE_MESSAGES.planReadReason(code, String(error)) };
  }
}
