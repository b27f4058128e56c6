// `audit verify`: checks the audit trail's hash chain, from the data folder or a copy handed to an auditor.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_FORMAT } from '../../shared/audit/events';
import { verifyJournalText } from '../../shared/journal/verify';
import { CLI_MESSAGES as m } from '../../shared/messages/cli';
import { AUDIT_FILE_NAME } from '../audit/auditLog';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { dataFolderExists, dataFolderOf, defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

export const AUDIT_VERIFY = defineCommand({
  name: 'audit verify',
  forms: [
    {
      synopsis: 'audit verify [FILE] [--data-dir DIR] [--json] [--lang zh-CN|en]',
      about: ["check the audit trail's hash chain; exit 0 intact, 1 damaged"],
    },
  ],
  options: { json: { type: 'boolean' }, lang: { type: 'string' }, 'data-dir': { type: 'string' } },
  dataFolder: true,
});

/** Reads the trail and nothing else: no lock, no folder, no file is made. */
export async function auditVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(AUDIT_VERIFY, argv, io);
  if (!args) return EXIT_OK;
  const lang = languageOf(args.values.lang);
  if (args.positionals.length > 1)
    throw new UsageError('audit verify takes one trail file (or none: the data folder’s)');
  let file = args.positionals[0];
  if (file === undefined) {
    const folder = dataFolderOf(args.values['data-dir']);
    if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
    file = join(folder.dir, 'audit', AUDIT_FILE_NAME);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.err(`FAIL ${file}: ${m.cannotRead()[lang]} (${code})`);
    return EXIT_FINDINGS;
  }
  const result = verifyJournalText(text, nodeJournalCrypto, { format: AUDIT_FORMAT });
  const head = result.events.at(-1)?.hash ?? '';
  if (args.values.json) {
    const { ok, failure } = result;
    io.out(JSON.stringify({ file, ok, entries: result.events.length, headHash: head, failure }, null, 2));
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  const count = m.auditEntryCount(result.events.length)[lang];
  io.out(`${result.ok ? 'PASS' : 'FAIL'} ${file}: ${count}, ${m.headHash()[lang]} ${head || '—'}`);
  if (result.failure) {
    const f = result.failure;
    io.out(`  ${m.lineAt(f.line, f.offset)[lang]}: ${f.reason} — ${f.message[lang]}`);
  }
  return result.ok ? EXIT_OK : EXIT_FINDINGS;
}
