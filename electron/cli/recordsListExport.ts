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
import { MODE_LABELS, NO_OUTCOME_LABEL } from '../../shared/records/recordLabels';
import { RecordQuerySchema, withLocalDays, type RecordPage, type RecordQuery } from '../../shared/records/recordQuery';
import { replayRun } from '../../shared/run/runState';
import { effectiveTimeZone, formatLocalIso, isTimeZone } from '../../shared/time/localTime';
import { savedTimeZone } from '../settings/settingsFile';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { fingerprintOf, keyIdOf, readPublicKey } from '../journal/signingKey';
import { readSealRegister } from '../journal/sealRegister';
import { batchFileName, BatchRangeError, exportRange } from '../records/batchExport';
import { RunIndex } from '../records/runIndex';
import { dataFolderExists, dataFolderOf, defineCommand, parseCommandArgs, type ParsedArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';
import { languageOf } from './plansCommands';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import { inBothLanguages } from '../../shared/text';

/** What --from/--to mean, said in both commands' usage. */
const BARE_DATE_HELP = [
  'a bare date (2026-12-04) is that whole local day in the branch’s',
  'time zone (Settings; else the system’s, or --time-zone TZ);',
  'a time with an offset (2026-12-04T08:00:00+08:00) is exact',
];

export const RECORDS_LIST = defineCommand({
  name: 'records list',
  forms: [
    {
      synopsis: [
        'records list [--data-dir DIR] [--mode drill|incident] [--plan ID] [--outcome O]',
        '[--from D] [--to D] [--text T] [--limit N] [--json] [--lang zh-CN|en] [--time-zone TZ]',
      ],
      about: ['the history, newest first, each journal checked now,', ...BARE_DATE_HELP],
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
    'time-zone': { type: 'string' },
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
        'every run started in [D, D] as one zip: journals, CSVs,',
        'index.csv (local times), public key, README;',
        ...BARE_DATE_HELP,
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
  const timeZoneOption = zoneOption(values['time-zone']);
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
  const timeZone = timeZoneOption ?? effectiveTimeZone(savedTimeZone(dataDir));
  const page = await recordsNow(dataDir, withLocalDays(query.data, timeZone));
  if (values.json) {
    io.out(JSON.stringify(page, null, 2));
    return EXIT_OK;
  }
  for (const r of page.items) {
    const outcome = (r.outcome ? OUTCOME_LABELS[r.outcome] : NO_OUTCOME_LABEL)[lang];
    const started = formatLocalIso(r.startedAt, timeZone); // local, with its offset: unambiguous anywhere
    io.out(
      `${r.runId}  ${started}  ${MODE_LABELS[r.mode][lang]}  ${r.planTitle[lang]} v${r.planVersion}  ${outcome}  ${r.integrity}`,
    );
  }
  if (page.items.length > 0) io.out(CLI_MESSAGES.timesLocalTo(timeZone)[lang]);
  io.out(CLI_MESSAGES.runCount(page.total)[lang]);
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
  const timeZone = zoneOption(args.values['time-zone']);
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
    io.err(inBothLanguages(CLI_MESSAGES.noSuchRun(runId)));
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
      io.err(inBothLanguages(CLI_MESSAGES.journalUnreadable(runId)));
      return EXIT_FINDINGS;
    }
    const { state } = replayRun(events);
    await writeFile(out, journalToCsv(events, state.plan, timeZone ?? effectiveTimeZone(savedTimeZone(dataDir))));
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
  const zone = timeZone ?? effectiveTimeZone(savedTimeZone(dataDir));
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
      timeZone: zone,
    });
  } catch (error) {
    if (error instanceof BatchRangeError) throw new UsageError(`${error.text['zh-CN']} / ${error.text.en}`);
    throw error;
  }
  const out = args.values.out ?? batchFileName(from, to, zone);
  await writeFile(out, zip);
  io.out(out);
  return EXIT_OK;
}

/** `--time-zone`, checked here: an unknown zone would otherwise surface as an internal error mid-export. */
function zoneOption(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return undefined;
  if (!isTimeZone(timeZone)) {
    throw new UsageError(inBothLanguages(CLI_MESSAGES.badTimeZone(timeZone)));
  }
  return timeZone;
}
