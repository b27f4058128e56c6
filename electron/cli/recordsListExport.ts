// `records list` and `records export`: the history, one run as JSON or Excel-safe CSV, and a date range of runs
// as one zip archive. Both only read the data folder: no key, no index, no folder is made or written there.
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
import { RecordQuerySchema, type RecordPage, type RecordQuery } from '../../shared/records/recordQuery';
import { replayRun } from '../../shared/run/runState';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { fingerprintOf, keyIdOf, readPublicKey } from '../journal/signingKey';
import { readSealRegister } from '../journal/sealRegister';
import { batchFileName, BatchRangeError, exportRange } from '../records/batchExport';
import { RunIndex } from '../records/runIndex';
import { dataFolderExists, dataFolderOf, defineCommand, parseCommandArgs, type ParsedArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';

export const RECORDS_LIST = defineCommand({
  name: 'records list',
  forms: [
    {
      synopsis: [
        'records list [--data-dir DIR] [--mode drill|incident] [--plan ID] [--outcome O]',
        '[--from D] [--to D] [--text T] [--limit N] [--json] [--lang zh-CN|en]',
      ],
      about: ['the history, newest first, each journal checked now'],
    },
  ],
  options: {
    json: { type: 'boolean' },
    'data-dir': { type: 'string' },
    lang: { type: 'string' },
    mode: { type: 'string' },
    plan: { type: 'string' },
    outcome: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    text: { type: 'string' },
    limit: { type: 'string' },
  },
  dataFolder: true,
});

export const RECORDS_EXPORT = defineCommand({
  name: 'records export',
  forms: [
    {
      synopsis: 'records export <run-id> --format json|csv [--data-dir DIR] [--out FILE]',
      about: ['one run: JSON (journal + public key) or CSV for Excel'],
    },
    {
      synopsis: 'records export --from D --to D [--out FILE.zip] [--data-dir DIR] [--time-zone TZ]',
      about: [
        'every run started in [D, D] (dates are whole UTC days) as',
        'one zip: journals, CSVs, index.csv, public key, README',
      ],
    },
  ],
  options: {
    'data-dir': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'time-zone': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  dataFolder: true,
});

type ExportArgs = ParsedArgs<typeof RECORDS_EXPORT.options>;

export async function recordsList(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(RECORDS_LIST, argv, io);
  if (!args) return EXIT_OK;
  const { values } = args;
  if (args.positionals.length > 0) throw new UsageError('records list takes no file names');
  const lang = languageOf(values.lang);
  const query = RecordQuerySchema.safeParse({
    ...(values.mode !== undefined ? { mode: values.mode } : {}),
    ...(values.plan !== undefined ? { planId: values.plan } : {}),
    ...(values.outcome !== undefined ? { outcome: values.outcome } : {}),
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
    ...(values.text !== undefined ? { text: values.text } : {}),
    limit: Number(values.limit ?? 500),
  });
  if (!query.success) throw new UsageError(`bad filter: ${query.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const folder = dataFolderOf(values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const dataDir = folder.dir;
  const page = await recordsNow(dataDir, query.data);
  if (values.json) {
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

/**
 * The history as the app shows it: the index (a cache, never written back here: this command writes nothing) for
 * the query, and every listed run judged now from its journal against the folder's key and seal register.
 */
async function recordsNow(dataDir: string, query: RecordQuery): Promise<RecordPage> {
  const { index } = await RunIndex.load(join(dataDir, 'runs'), dataFolderWitnesses(dataDir), { readOnly: true });
  const listed = index.query(query);
  const items: RunRecord[] = [];
  for (const r of listed.items) items.push(await index.refresh(r.runId).catch(() => r));
  return { ...listed, items };
}

export async function recordsExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(RECORDS_EXPORT, argv, io);
  if (!args) return EXIT_OK;
  const timeZone = timeZoneOf(args);
  if (args.values.from !== undefined || args.values.to !== undefined) return recordsExportRange(args, timeZone, io);
  if (args.positionals.length !== 1) throw new UsageError('records export takes one run id (or --from and --to)');
  const runId = args.positionals[0]!;
  if (!RunIdSchema.safeParse(runId).success) throw new UsageError(`not a run id: ${runId}`);
  const format = args.values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format takes json or csv');
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const dataDir = folder.dir;
  let journal: string;
  try {
    journal = await readFile(join(dataDir, 'runs', `${runId}.jsonl`), 'utf8');
  } catch {
    io.err(`找不到处置记录 / no run: ${runId}`);
    return EXIT_FINDINGS;
  }
  const out = args.values.out ?? `${runId}.${format}`;
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
async function recordsExportRange(args: ExportArgs, timeZone: string | undefined, io: CliIo): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError('records export takes a run id or --from and --to, not both');
  const { from, to } = args.values;
  if (from === undefined || to === undefined) throw new UsageError('records export needs both --from and --to');
  if ((args.values.format ?? 'zip') !== 'zip') throw new UsageError('a range is exported as a zip');
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const dataDir = folder.dir;
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
  const out = args.values.out ?? batchFileName(from, to);
  await writeFile(out, zip);
  io.out(out);
  return EXIT_OK;
}

/** `--time-zone`, checked here: an unknown zone would otherwise surface as an internal error mid-export. */
function timeZoneOf(args: ExportArgs): string | undefined {
  const timeZone = args.values['time-zone'];
  if (timeZone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`--time-zone takes an IANA zone such as Asia/Shanghai: ${timeZone}`);
  }
  return timeZone;
}
