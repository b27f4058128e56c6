// `records list` and `records export`: the history from the index, one run as JSON or Excel-safe CSV, and a
// date range of runs as one zip archive.
import { readFile, writeFile } from 'node:fs/promises';
import type { RunRecord } from '../../shared/records/runSummary';
import { dataFolderWitnesses } from '../records/dataFolderWitnesses';
import { witnessLines } from './witnessLines';
import { join } from 'node:path';
import { RunIdSchema } from '../../shared/api/channels';
import { verifyJournalText } from '../../shared/journal/verify';
import { OUTCOME_LABELS } from '../../shared/plan/labels';
import { journalToCsv } from '../../shared/records/csvExport';
import { runExport } from '../../shared/records/jsonExport';
import { RecordQuerySchema } from '../../shared/records/recordQuery';
import { replayRun } from '../../shared/run/runState';
import { dataDirOverride, defaultDataDir } from '../dataDir';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { fingerprintOf, keyIdOf, readPublicKey } from '../journal/signingKey';
import { readSealRegister } from '../journal/sealRegister';
import { batchFileName, BatchRangeError, exportRange } from '../records/batchExport';
import { RunIndex } from '../records/runIndex';
import { parseArgs, type ParsedArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

function dataDirOf(value: string | undefined): string {
  return dataDirOverride(['--data-dir', value ?? '']) ?? defaultDataDir();
}

export async function recordsList(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json'],
    options: ['data-dir', 'lang', 'mode', 'plan', 'outcome', 'from', 'to', 'text', 'limit'],
  });
  if (args.positionals.length > 0) throw new UsageError('records list takes no file names');
  const lang = languageOf(args.options.get('lang'));
  const query = RecordQuerySchema.safeParse({
    ...(args.options.has('mode') ? { mode: args.options.get('mode') } : {}),
    ...(args.options.has('plan') ? { planId: args.options.get('plan') } : {}),
    ...(args.options.has('outcome') ? { outcome: args.options.get('outcome') } : {}),
    ...(args.options.has('from') ? { from: args.options.get('from') } : {}),
    ...(args.options.has('to') ? { to: args.options.get('to') } : {}),
    ...(args.options.has('text') ? { text: args.options.get('text') } : {}),
    limit: Number(args.options.get('limit') ?? 500),
  });
  if (!query.success) throw new UsageError(`bad filter: ${query.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const dataDir = dataDirOf(args.options.get('data-dir'));
  const { index } = await RunIndex.load(join(dataDir, 'runs'), dataFolderWitnesses(dataDir));
  const listed = index.query(query.data);
  // The index is a cache: what is shown of integrity is checked now against the journals, key and register.
  const items: RunRecord[] = [];
  for (const r of listed.items) items.push(await index.refresh(r.runId).catch(() => r));
  const page = { ...listed, items };
  if (args.flags.has('json')) {
    io.out(JSON.stringify(page, null, 2));
    return EXIT_OK;
  }
  for (const r of page.items) {
    const outcome = r.outcome ? OUTCOME_LABELS[r.outcome][lang] : lang === 'zh-CN' ? '进行中' : 'in progress';
    const mode = r.mode === 'drill' ? (lang === 'zh-CN' ? '演练' : 'drill') : lang === 'zh-CN' ? '实战' : 'incident';
    io.out(`${r.runId}  ${r.startedAt}  ${mode}  ${r.planTitle[lang]} v${r.planVersion}  ${outcome}  ${r.integrity}`);
  }
  io.out(lang === 'zh-CN' ? `共 ${page.total} 条记录` : `${page.total} run${page.total === 1 ? '' : 's'}`);
  for (const line of witnessLines(dataDir, lang)) io.out(line);
  return EXIT_OK;
}

export async function recordsExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['data-dir', 'format', 'out', 'time-zone', 'from', 'to'] });
  const timeZone = timeZoneOf(args);
  if (args.options.has('from') || args.options.has('to')) return recordsExportRange(args, timeZone, io);
  if (args.positionals.length !== 1) throw new UsageError('records export takes one run id (or --from and --to)');
  const runId = args.positionals[0]!;
  if (!RunIdSchema.safeParse(runId).success) throw new UsageError(`not a run id: ${runId}`);
  const format = args.options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format takes json or csv');
  const dataDir = dataDirOf(args.options.get('data-dir'));
  let journal: string;
  try {
    journal = await readFile(join(dataDir, 'runs', `${runId}.jsonl`), 'utf8');
  } catch {
    io.err(`找不到处置记录 / no run: ${runId}`);
    return EXIT_FINDINGS;
  }
  const out = args.options.get('out') ?? `${runId}.${format}`;
  if (format === 'json') {
    const publicKey = readPublicKey(dataDir);
    const bundle = runExport(
      runId,
      journal,
      new Date(),
      publicKey ? { publicKey, keyId: keyIdOf(publicKey) } : undefined,
    );
    await writeFile(out, JSON.stringify(bundle, null, 2) + '\n');
  } else {
    const { events } = verifyJournalText(journal, nodeJournalCrypto);
    if (events.length === 0) {
      io.err(`记录无法读取 / the journal cannot be read: ${runId}`);
      return EXIT_FINDINGS;
    }
    const { state } = replayRun(events);
    await writeFile(out, journalToCsv(events, state.plan, timeZone));
  }
  io.out(out);
  return EXIT_OK;
}

/** `records export --from D --to D`: every run that started in the range, as one zip. */
async function recordsExportRange(args: ParsedArgs, timeZone: string | undefined, io: CliIo): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError('records export takes a run id or --from and --to, not both');
  const from = args.options.get('from');
  const to = args.options.get('to');
  if (from === undefined || to === undefined) throw new UsageError('records export needs both --from and --to');
  if ((args.options.get('format') ?? 'zip') !== 'zip') throw new UsageError('a range is exported as a zip');
  const dataDir = dataDirOf(args.options.get('data-dir'));
  const publicKey = readPublicKey(dataDir); // absent until a run was sealed here: the archive then says so
  const register = readSealRegister(dataDir);
  let zip: Buffer;
  try {
    zip = await exportRange({
      runsDir: join(dataDir, 'runs'),
      from,
      to,
      ...(publicKey ? { publicKey, keyId: keyIdOf(publicKey), fingerprint: fingerprintOf(publicKey) } : {}),
      witnesses: dataFolderWitnesses(dataDir),
      ...(register
        ? { register: { seals: register.seals.size, head: register.verification.events.at(-1)?.hash ?? '' } }
        : {}),
      ...(timeZone ? { timeZone } : {}),
    });
  } catch (error) {
    if (error instanceof BatchRangeError) throw new UsageError(`${error.text['zh-CN']} / ${error.text.en}`);
    throw error;
  }
  const out = args.options.get('out') ?? batchFileName(from, to);
  await writeFile(out, zip);
  io.out(out);
  return EXIT_OK;
}

/** `--time-zone`, checked here: an unknown zone would otherwise surface as an internal error mid-export. */
function timeZoneOf(args: ParsedArgs): string | undefined {
  const timeZone = args.options.get('time-zone');
  if (timeZone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`--time-zone takes an IANA zone such as Asia/Shanghai: ${timeZone}`);
  }
  return timeZone;
}
