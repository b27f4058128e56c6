// Batch export: every run that started in a date range as one zip (journals verbatim, Excel CSVs, an index,
// the installation's public key and a README on verifying), for auditors and head office.
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { RunIdSchema } from '../../shared/api/channels';
import type { JournalEvent } from '../../shared/journal/format';
import { verifyJournalText } from '../../shared/journal/verify';
import type { Text } from '../../shared/text';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { OUTCOME_LABELS } from '../../shared/plan/labels';
import type { Plan } from '../../shared/plan/schema';
import { CSV_BOM, csvCell, journalToCsv } from '../../shared/records/csvExport';
import { INTEGRITY_LABELS, MODE_LABELS, NO_OUTCOME_LABEL } from '../../shared/records/recordLabels';
import { rangeInstant } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';
import {
  formatLocalDate,
  formatLocalDateTime,
  formatOffset,
  offsetMinutes,
  systemTimeZone,
} from '../../shared/time/localTime';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import { isJournalName, NO_WITNESSES, recordFromVerification, type Witnesses } from './runIndex';

export interface BatchExportOptions {
  runsDir: string;
  /** Inclusive ISO dates or times with an offset; a bare date is a whole local day in `timeZone` (as in `records list`). */
  from: string;
  to: string;
  /** The installation's public key (base64 SPKI DER) and its id; absent when none was ever made (nothing sealed). */
  publicKey?: string;
  keyId?: string;
  /** The key's fingerprint, to compare with the one the branch wrote down (Settings, printed reports). */
  fingerprint?: string;
  /** The seal register's size and head hash at the time of export. */
  register?: { seals: number; head: string };
  /** What integrity is judged against (the installation's key and its seal register). */
  witnesses?: Witnesses;
  /**
   * Only these runs (of those started in the range): what the history shows under its filters. Absent: every run
   * started in the range.
   */
  only?: ReadonlySet<string>;
  /** The branch's IANA zone: what a bare date means, and local times in the CSV files; absent: this machine's. */
  timeZone?: string;
  now?: Date;
}

/** A bad range: not a date, or one that ends before it starts, or too many runs for one archive. */
export class BatchRangeError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'BatchRangeError';
  }
}

/** A zip without ZIP64 holds at most 65,535 entries; each run takes two. */
export const MAX_RUNS_PER_ARCHIVE = 30_000;

export const KEY_FILE = 'public-key.b64';
export const INDEX_CSV = 'index.csv';
export const README_FILE = 'README.txt';

/** index.csv's columns: local times first (the zone named in the header), each code with its Chinese name beside it. */
function indexHeader(timeZone: string): string[] {
  return [
    '记录编号 run id',
    `开始（本地时间）started (local, ${timeZone})`,
    `结束（本地时间）ended (local, ${timeZone})`,
    '开始 started (UTC)',
    '结束 ended (UTC)',
    '类型 mode',
    '类型 mode (中文)',
    '预案 plan id',
    '版本 plan version',
    '内容哈希 plan hash',
    '预案名称 plan title',
    '结果 outcome',
    '结果 outcome (中文)',
    '完整性 integrity',
    '完整性 integrity (中文)',
    '损坏位置 damage',
  ];
}

/**
 * The range as inclusive instants (ms), a bare date being a whole local day in the zone; a BatchRangeError says
 * what is wrong in both languages.
 */
export function resolveRange(from: string, to: string, timeZone?: string): { start: number; end: number } {
  const start = rangeInstant(from, 'start', timeZone);
  const end = rangeInstant(to, 'end', timeZone);
  for (const [name, value, instant] of [
    ['from', from, start],
    ['to', to, end],
  ] as const) {
    if (instant === undefined) {
      throw new BatchRangeError(RECORD_MESSAGES.badRangeBound(name, value));
    }
  }
  if (start! > end!) {
    throw new BatchRangeError(RECORD_MESSAGES.rangeBackwards(from, to));
  }
  return { start: start!, end: end! };
}

/**
 * `guardbook-records-20260301-20260331.zip`: the dates as given; a time names its local day in the zone when one is
 * given (the screen sends the instants of the branch's days), else its own. No colons.
 */
export function batchFileName(from: string, to: string, timeZone?: string): string {
  const day = (value: string, edge: 'start' | 'end') => {
    const instant = timeZone && value.length > 10 ? rangeInstant(value, edge, timeZone) : undefined;
    return (instant === undefined ? value.slice(0, 10) : formatLocalDate(instant, timeZone!)).replace(/-/g, '');
  };
  return `guardbook-records-${day(from, 'start')}-${day(to, 'end')}.zip`;
}

/** Every run whose start lies in [from, to], as a zip archive's bytes. */
export async function exportRange(options: BatchExportOptions): Promise<Buffer> {
  const timeZone = options.timeZone ?? systemTimeZone();
  const { start, end } = resolveRange(options.from, options.to, timeZone);
  const now = options.now ?? new Date();
  const inRange = await runsStartedIn(options.runsDir, start, end);
  const selected = options.only ? inRange.filter((c) => options.only!.has(c.runId)) : inRange;
  if (selected.length > MAX_RUNS_PER_ARCHIVE) {
    throw new BatchRangeError(RECORD_MESSAGES.tooManyRuns(selected.length, MAX_RUNS_PER_ARCHIVE));
  }

  const chunks: Uint8Array[] = [];
  let finish: (error?: Error) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) return finish(error);
    chunks.push(chunk);
    if (final) finish();
  });
  finished.catch(() => {}); // awaited below; a failure before then must not count as unhandled
  const add = (name: string, content: Uint8Array) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = now;
    zip.add(file);
    file.push(content, true); // compressed now, a run at a time: only the compressed archive grows in memory
  };
  add(README_FILE, utf8(readme(options, timeZone, selected.length, now)));
  if (options.publicKey) add(KEY_FILE, utf8(options.publicKey + '\n'));

  const rows: string[][] = [];
  for (const { runId, claimedStart } of selected) {
    const bytes = await readFile(join(options.runsDir, `${runId}.jsonl`)).catch(() => undefined);
    if (!bytes) continue; // removed since the folder was listed
    // Judged as the Records screen judges it: against the installation's key and the seal register.
    const verification = verifyJournalText(bytes.toString('utf8'), nodeJournalCrypto);
    add(`${runId}.jsonl`, bytes); // verbatim: the evidence is the bytes that were written
    const events = verification.events;
    if (events.length > 0) add(`${runId}.csv`, utf8(journalToCsv(events, planOf(events), timeZone)));
    rows.push(
      indexRow(
        recordFromVerification(
          runId,
          verification,
          options.witnesses ?? { ...NO_WITNESSES, installationKey: () => options.publicKey },
        ),
        events[0]?.at ?? claimedStart,
        timeZone,
      ),
    );
  }
  add(
    INDEX_CSV,
    utf8(CSV_BOM + [indexHeader(timeZone), ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'),
  );
  zip.end();
  await finished;
  return Buffer.concat(chunks);
}

interface Candidate {
  runId: string;
  /** The start the journal's first line states (not yet verified: a damaged journal is exported too, marked). */
  claimedStart: string;
  startMs: number;
}

/** Runs whose journal says they started in [start, end], oldest first. */
async function runsStartedIn(runsDir: string, start: number, end: number): Promise<Candidate[]> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const found: Candidate[] = [];
  for (const name of names) {
    if (!isJournalName(name)) continue;
    const runId = name.slice(0, -'.jsonl'.length);
    // Only names a run id can have: they become entry names in the archive, where a path must not sneak in.
    if (!RunIdSchema.safeParse(runId).success) continue;
    const claimedStart = await startOf(join(runsDir, name));
    const startMs = claimedStart === undefined ? NaN : Date.parse(claimedStart);
    if (startMs >= start && startMs <= end) found.push({ runId, claimedStart: claimedStart!, startMs });
  }
  return found.sort((a, b) => a.startMs - b.startMs || (a.runId < b.runId ? -1 : 1));
}

const CANONICAL_START = /^\{"at":"([^"\\]{1,40})"/;
const PREFIX_BYTES = 256;
const FIRST_LINE_LIMIT = 16 * 1024 * 1024;

/**
 * When a journal says its run started. Lines are canonical JSON with sorted keys, so `at` comes first and a few
 * bytes tell it without reading the plan that follows; a journal written otherwise has its first line parsed.
 */
async function startOf(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, PREFIX_BYTES, 0);
    const canonical = CANONICAL_START.exec(prefix.subarray(0, bytesRead).toString('latin1'));
    if (canonical) return canonical[1];
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = (await handle.read(chunk, 0, chunk.length, total)).bytesRead;
      const newline = chunk.subarray(0, read).indexOf(0x0a);
      chunks.push(chunk.subarray(0, newline === -1 ? read : newline));
      total += read;
      if (newline !== -1 || read === 0 || total > FIRST_LINE_LIMIT) break;
    }
    const at = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { at?: unknown }).at;
    return typeof at === 'string' ? at : undefined;
  } catch {
    return undefined; // no readable start: the run cannot be placed in any range
  } finally {
    await handle.close();
  }
}

function planOf(events: readonly JournalEvent[]): Plan {
  return (events[0]!.data as { plan: { body: Plan } }).plan.body;
}

function indexRow(record: RunRecord, startedAt: string, timeZone: string): string[] {
  // 2026-12-05 14:03:07 reads as a date and time in Excel; the zone is in the header.
  const local = (iso: string | undefined) =>
    iso && !Number.isNaN(Date.parse(iso)) ? formatLocalDateTime(iso, timeZone) : '';
  return [
    record.runId,
    local(startedAt),
    local(record.endedAt),
    startedAt,
    record.endedAt ?? '',
    record.mode,
    MODE_LABELS[record.mode]['zh-CN'],
    record.planId,
    String(record.planVersion),
    record.planHash,
    record.planTitle['zh-CN'],
    record.outcome ?? '',
    (record.outcome ? OUTCOME_LABELS[record.outcome] : NO_OUTCOME_LABEL)['zh-CN'],
    record.integrity,
    INTEGRITY_LABELS[record.integrity]['zh-CN'],
    record.damage ?? '',
  ];
}

function readme(options: BatchExportOptions, timeZone: string, runs: number, now: Date): string {
  const key = options.publicKey
    ? `  5. ${KEY_FILE.padEnd(16)} 本机的公钥（Ed25519，base64 SPKI DER），密钥编号 ${options.keyId ?? '?'}\n` +
      `     ${''.padEnd(16)} the installation's public key (Ed25519, base64 SPKI DER), key id ${options.keyId ?? '?'}` +
      (options.fingerprint ? `\n     ${''.padEnd(16)} 指纹 fingerprint: ${options.fingerprint}` : '')
    : '  5. （无公钥：本机从未封存过记录 / no public key: this installation never sealed a run）';
  const verify = options.publicKey
    ? `       npm run cli -- records verify <dir> --key <dir>/${KEY_FILE}` +
      (options.fingerprint ? ` --fingerprint "${options.fingerprint}"` : '')
    : '       npm run cli -- records verify <dir>';
  const lines = [
    'Guardbook 处置记录批量导出 / batch export of run records',
    '',
    `导出时间 exported at: ${now.toISOString()}`,
    `范围 range: ${options.from} — ${options.to}`,
    `时区 time zone: ${timeZone} (UTC${formatOffset(offsetMinutes(now, timeZone))})`,
    `  开始时间在此范围内的记录；只写日期时按 ${timeZone} 的当地整天计算。`,
    `  Runs that started in this range; a bare date is a whole local day in ${timeZone}.`,
    '  index.csv 与各 .csv 中的本地时间均为此时区。 / Local times in index.csv and the .csv files are in this zone.',
    `记录数 runs: ${runs}`,
    ...(options.register
      ? [
          `封存登记簿 seal register: ${options.register.seals} 条封存 seals, 头哈希 head ${options.register.head}`,
          '  请抄录或另行发送此头哈希：日后的登记簿若与之不符，即被改写过。',
          '  Write this head down or send it elsewhere: a later register that disagrees with it was rewritten.',
        ]
      : []),
    '',
    '内容 / contents',
    '  1. <记录编号>.jsonl  原始记录，逐字节复制：这是证据。',
    '     <run id>.jsonl    the journal, byte for byte: this is the evidence.',
    '  2. <记录编号>.csv    同一记录的表格（UTF-8 带 BOM，可用 Excel 打开）。',
    '     <run id>.csv      the same run as a table (UTF-8 with a BOM, for Excel).',
    `  3. ${INDEX_CSV.padEnd(16)} 每条记录一行的总表。`,
    `     ${''.padEnd(16)} one row per run.`,
    `  4. ${README_FILE.padEnd(16)} 本说明。 / this file.`,
    key,
    '',
    '如何核验 / how to verify',
    '  1. 将压缩包解压到一个文件夹 <dir>。',
    '     Extract the archive to a folder <dir>.',
    '  2. 通过其他渠道（电话、书面登记）核对密钥编号与网点登记的是否一致：压缩包里的公钥',
    '     只能证明记录与它相符，不能证明记录是谁封存的。',
    '     Check the key id against the one the branch registered, through another channel: the key in',
    '     the archive only proves that the records match it, not who sealed them.',
    '  3. 在 Guardbook 程序目录中运行 / in a Guardbook folder, run:',
    verify,
    '     每条记录显示 PASS 即完好：哈希链完整、序号连续、封存签名有效；FAIL 会指出第一处',
    '     损坏的行号和字节位置。',
    '     PASS for a run means it is intact: hash chain, numbering and seal signature; FAIL names the',
    '     first damaged line and its byte offset.',
    '',
    '.csv 文件和 index.csv 是为方便阅读而生成的，不受签名保护；如有出入，以 .jsonl 为准。',
    'The .csv files and index.csv are generated for reading and are not covered by the signature;',
    'where they differ, the .jsonl files are what counts.',
  ];
  // A BOM and CRLF: older Windows Notepad shows Chinese and line breaks correctly only then.
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
