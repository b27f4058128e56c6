// `audit verify`: checks the audit trail's hash chain, from the data folder or a copy handed to an auditor.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_FORMAT } from '../../shared/audit/events';
import { verifyJournalText } from '../../shared/journal/verify';
import { AUDIT_FILE_NAME } from '../audit/auditLog';
import { dataDirOverride, defaultDataDir } from '../dataDir';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { parseArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

export async function auditVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['lang', 'data-dir'] });
  const lang = languageOf(args.options.get('lang'));
  if (args.positionals.length > 1)
    throw new UsageError('audit verify takes one trail file (or none: the data folder’s)');
  const dataDir = args.options.has('data-dir')
    ? dataDirOverride(['--data-dir', args.options.get('data-dir') ?? ''])
    : defaultDataDir();
  const file = args.positionals[0] ?? join(dataDir ?? defaultDataDir(), 'audit', AUDIT_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.err(`FAIL ${file}: ${lang === 'zh-CN' ? '无法读取' : 'cannot read'} (${code})`);
    return EXIT_FINDINGS;
  }
  const result = verifyJournalText(text, nodeJournalCrypto, { format: AUDIT_FORMAT });
  const head = result.events.at(-1)?.hash ?? '';
  if (args.flags.has('json')) {
    const { ok, failure } = result;
    io.out(JSON.stringify({ file, ok, entries: result.events.length, headHash: head, failure }, null, 2));
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  const zh = lang === 'zh-CN';
  const count = zh ? `${result.events.length} 条记录` : `${result.events.length} entries`;
  io.out(`${result.ok ? 'PASS' : 'FAIL'} ${file}: ${count}, ${zh ? '末条哈希' : 'head'} ${head || '—'}`);
  if (result.failure) {
    const f = result.failure;
    io.out(
      `  ${zh ? `第 ${f.line} 行（字节 ${f.offset}）` : `line ${f.line} (byte ${f.offset})`}: ${f.reason} — ${f.message[lang]}`,
    );
  }
  return result.ok ? EXIT_OK : EXIT_FINDINGS;
}
