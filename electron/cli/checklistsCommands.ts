// `checklists check`: check checklist template files, with the output and exit codes of `plans check`.
import { relative } from 'node:path';
import type { PlacedChecklistFinding } from '../../shared/checklist/checkChecklistText';
import { countBySeverity, finding } from '../../shared/checklist/findings';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import type { Language } from '../../shared/plan/vocabulary';
import {
  checkChecklistFile,
  checklistHashOf,
  listChecklistFiles,
  type ChecklistFileCheck,
} from '../checklists/checklistFiles';
import { defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

const SEVERITY_WORD = { error: CLI_MESSAGES.error(), warning: CLI_MESSAGES.warning() } as const;

/** `file:line:col: error item-id (path): message [code]`, the shape of `plans check` (the item, else the section). */
export function formatChecklistFinding(file: string, f: PlacedChecklistFinding, lang: Language): string {
  const where = f.line === undefined ? file : `${file}:${f.line}:${f.column}`;
  const subject = [f.itemId ?? f.sectionId, f.path && `(${f.path})`].filter(Boolean).join(' ');
  return `${where}: ${SEVERITY_WORD[f.severity][lang]}${subject ? ` ${subject}` : ''}: ${f.message[lang]} [${f.code}]`;
}

export const CHECKLISTS_CHECK = defineCommand({
  name: 'checklists check',
  forms: [
    {
      synopsis: 'checklists check <file|dir>... [--json] [--lang zh-CN|en]',
      about: ['check checklist template files; exit 0 clean, 1 errors, 2 usage'],
    },
  ],
  options: { json: { type: 'boolean' }, lang: { type: 'string' } },
});

export async function checklistsCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(CHECKLISTS_CHECK, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length === 0) throw new UsageError('checklists check needs at least one file or directory');
  const files = await listChecklistFiles(args.positionals);
  const results = withVersionConflicts(await Promise.all(files.map(checkChecklistFile)));
  const { errors, warnings } = countBySeverity(results.flatMap((r) => r.findings));

  if (args.values.json) {
    const files = results.map((r) => ({
      file: display(r.file),
      valid: countBySeverity(r.findings).errors === 0,
      findings: r.findings,
    }));
    io.out(JSON.stringify({ files, errors, warnings }, null, 2));
  } else {
    for (const r of results) for (const f of r.findings) io.out(formatChecklistFinding(display(r.file), f, lang));
    io.out(CLI_MESSAGES.filesChecked(results.length, errors, warnings)[lang]);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * One version number names one content, as for plans: files that give one template id and version different
 * contents each get a `version-conflict` error, naming the other file.
 */
function withVersionConflicts(results: ChecklistFileCheck[]): ChecklistFileCheck[] {
  const byVersion = new Map<string, { file: string; hash: string }[]>();
  const keyOf = (r: ChecklistFileCheck) => r.checklist && `${r.checklist.id}@${r.checklist.version}`;
  for (const r of results) {
    const key = keyOf(r);
    if (key) byVersion.set(key, [...(byVersion.get(key) ?? []), { file: r.file, hash: checklistHashOf(r.checklist!) }]);
  }
  return results.map((r) => {
    const key = keyOf(r);
    const same = key ? byVersion.get(key)! : [];
    const own = same.find((s) => s.file === r.file);
    const other = same.find((s) => own && s.hash !== own.hash);
    if (!r.checklist || !own || !other) return r;
    const conflict = finding('version-conflict', 'version', {
      checklist: r.checklist.id,
      version: r.checklist.version,
      first: `${display(own.file)} ${own.hash.slice(0, 19)}`,
      second: `${display(other.file)} ${other.hash.slice(0, 19)}`,
    });
    return { ...r, findings: [...r.findings, conflict] };
  });
}

/** Paths below the working directory are shown relative to it, as the user typed them. */
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
