// The history index: one summary per run, kept in <data>/runs/index.json so the Records screen opens fast.
// It is never the truth: on load, every journal whose size or time changed (or that the index lacks) is
// read again, entries of vanished files are dropped, and a missing or damaged index is rebuilt whole.
import { open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  newestFirst,
  queryable,
  queryPrepared,
  type QueryableRecord,
  type RecordPage,
  type RecordQuery,
} from '../../shared/records/recordQuery';
import { summariseRun, RunRecordSchema, type RunRecord } from '../../shared/records/runSummary';
import { verifyJournalText, type JournalVerification } from '../../shared/journal/verify';
import { judgeIntegrity, type IntegrityWitnesses } from '../../shared/records/integrity';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { nodeJournalCrypto } from '../journal/nodeCrypto';

/** What a record's integrity is judged against: the installation's key and the seal register. */
export interface Witnesses {
  installationKey(): string | undefined;
  registered(runId: string): IntegrityWitnesses['registered'];
}

/** No witnesses: a seal is judged by its own key, as a stranger would (tests, tools without a data folder). */
export const NO_WITNESSES: Witnesses = { installationKey: () => undefined, registered: () => undefined };

export const INDEX_FILE = 'index.json';

const EntrySchema = z.object({ size: z.number(), mtimeMs: z.number(), record: RunRecordSchema });
type Entry = z.infer<typeof EntrySchema>;
/** What the index holds per run: the file's size and time, its record, and the record's search text. */
type Stored = QueryableRecord & { size: number; mtimeMs: number };

/**
 * The layout of an entry's record: raised whenever RunRecord's shape changes, so an index written before is rebuilt
 * from the journals rather than read with fields missing (2: escalation links).
 */
export const INDEX_FORMAT = 2;

const IndexFileSchema = z.object({ format: z.literal(INDEX_FORMAT), entries: z.record(z.string(), EntrySchema) });

/**
 * The file is one JSON document, `{"format":2,"entries":{…}}`, written one entry per line: any JSON reader takes
 * it whole, and this one reads it line by line, so loading never holds the whole text (tens of MB at 10,000
 * runs) and a validated copy of it at once. A file laid out otherwise (older writers) is read whole.
 */
const HEADER_LINE = `{"format":${INDEX_FORMAT},"entries":{`;
const FOOTER_LINE = '}}';
const READ_CHUNK = 1024 * 1024;
const LONGEST_LINE = 16 * 1024 * 1024;
const WRITE_BATCH = 256;
/** Journals stat()ed at once when checking the index against the disk. */
const STAT_CONCURRENCY = 32;

export interface JournalBytes {
  text: string;
  info: { size: number; mtimeMs: number };
}

export interface IndexLoadReport {
  read: number;
  reused: number;
  removed: number;
  rebuiltWhole: boolean;
  ms: number;
}

export class RunIndex {
  private dirty = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Newest first, made again at the first query after a change (a sort of 10,000 runs takes a few ms). */
  private sorted: Stored[] | undefined;
  private readonly entries = new Map<string, Stored>();
  private readonly pool = new Interner();
  private flushing: Promise<void> = Promise.resolve();
  /** Never written back (the CLI's listing commands write nothing in the data folder). */
  private readOnly = false;
  /** While loading (or in a batch), refreshed entries wait for the one write at the end instead of timed ones. */
  private loading = false;

  private constructor(
    private readonly runsDir: string,
    private readonly witnesses: Witnesses,
  ) {}

  /**
   * Loads the index and brings it up to date with the journals on disk by size and time. That is a cache's
   * check, not integrity: what an entry says of integrity is re-checked against the bytes (`refresh`).
   */
  static async load(
    runsDir: string,
    witnesses: Witnesses = NO_WITNESSES,
    options: { readOnly?: boolean } = {},
  ): Promise<{ index: RunIndex; report: IndexLoadReport }> {
    const started = performance.now();
    const index = new RunIndex(runsDir, witnesses);
    index.readOnly = options.readOnly ?? false;
    index.loading = true;
    const rebuiltWhole = !(await readIndexFile(join(runsDir, INDEX_FILE), (runId, entry) => index.set(runId, entry)));
    const files = (await readdir(runsDir).catch(() => [] as string[])).filter(isJournalName);
    // Only the two numbers are kept: 10,000 whole Stats objects would outlive the young generation for nothing.
    const infos = await mapLimit(files, STAT_CONCURRENCY, (name) =>
      stat(join(runsDir, name)).then(
        ({ size, mtimeMs }) => ({ size, mtimeMs }),
        () => undefined,
      ),
    );
    const present = new Set<string>();
    let read = 0;
    let reused = 0;
    for (let i = 0; i < files.length; i++) {
      const runId = files[i]!.slice(0, -'.jsonl'.length);
      present.add(runId);
      const info = infos[i];
      const known = index.entries.get(runId);
      if (known && info && known.size === info.size && known.mtimeMs === info.mtimeMs) {
        reused++;
        continue;
      }
      await index.refresh(runId);
      read++;
    }
    let removed = 0;
    for (const runId of [...index.entries.keys()]) {
      if (!present.has(runId)) {
        index.delete(runId);
        removed++;
        index.dirty = true;
      }
    }
    index.loading = false;
    // A cache that cannot be written (a read-only folder) is only slower next time: never a reason to fail.
    if (index.dirty) await index.flush().catch(() => {});
    return { index, report: { read, reused, removed, rebuiltWhole, ms: performance.now() - started } };
  }

  /** Reads one journal again and updates its entry (called as runs change, and for stale entries). */
  async refresh(runId: string, read: Promise<JournalBytes> = this.read(runId)): Promise<RunRecord> {
    const { text, info } = await read;
    const record = this.set(runId, {
      size: info.size,
      mtimeMs: info.mtimeMs,
      record: recordFromJournal(runId, text, this.witnesses),
    });
    this.scheduleFlush();
    return record;
  }

  /** A journal's text and its size and time, read together (started early, it overlaps other work). */
  read(runId: string): Promise<JournalBytes> {
    const path = join(this.runsDir, `${runId}.jsonl`);
    // Decoded whole, not through readFile's chunked decoder: several times faster on Chinese text.
    return Promise.all([readFile(path), stat(path)]).then(([bytes, info]) => ({ text: bytes.toString('utf8'), info }));
  }

  /** The run ids the index holds, newest first. */
  runIds(): string[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => newestFirst(a.record, b.record));
    return this.sorted.map((e) => e.record.runId);
  }

  /**
   * Holds a record that has no journal (a registered seal whose journal was deleted): no file backs it, so the
   * next load drops it, and whoever knows of it (the seal register) puts it back.
   */
  remember(record: RunRecord): void {
    this.set(record.runId, { size: -1, mtimeMs: -1, record });
    this.scheduleFlush();
  }

  /** Drops a run whose journal is gone. */
  forget(runId: string): void {
    if (!this.entries.has(runId)) return;
    this.delete(runId);
    this.scheduleFlush();
  }

  all(): RunRecord[] {
    return [...this.entries.values()].map((e) => e.record);
  }

  get(runId: string): RunRecord | undefined {
    return this.entries.get(runId)?.record;
  }

  /** The history, filtered and paged, newest first. */
  query(query: RecordQuery): RecordPage {
    this.sorted ??= [...this.entries.values()].sort((a, b) => newestFirst(a.record, b.record));
    return queryPrepared(this.sorted, query, true);
  }

  /** Writes the index now (atomically: a temp file renamed over the old one), after any write under way. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // One at a time: two writers of the one temp file would interleave, and the second rename would fail.
    const write = this.flushing.then(() => this.write());
    this.flushing = write.catch(() => {});
    return write;
  }

  /** A few hundred entries at a time, so the whole index never exists as one string. */
  private async write(): Promise<void> {
    if (!this.dirty || this.readOnly) return;
    this.dirty = false;
    try {
      await this.writeFile();
    } catch (error) {
      this.dirty = true; // still to be written: the next change or close tries again
      throw error;
    }
  }

  private async writeFile(): Promise<void> {
    const path = join(this.runsDir, INDEX_FILE);
    const temp = `${path}.${process.pid}.tmp`;
    const handle = await open(temp, 'w', 0o600); // summaries of evidence: its owner's only, like the journals
    try {
      let batch = HEADER_LINE;
      let count = 0;
      for (const [runId, entry] of this.entries) {
        const { size, mtimeMs, record } = entry;
        batch += `${count === 0 ? '' : ','}\n${JSON.stringify(runId)}:${JSON.stringify({ size, mtimeMs, record })}`;
        if (++count % WRITE_BATCH === 0) {
          await handle.write(batch);
          batch = '';
        }
      }
      await handle.write(`${batch}\n${FOOTER_LINE}\n`);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  }

  /** Stores an entry whose record this index now owns (its repeated values are swapped for shared ones). */
  private set(runId: string, entry: Entry): RunRecord {
    const record = this.pool.record(entry.record);
    this.entries.set(runId, { size: entry.size, mtimeMs: entry.mtimeMs, ...queryable(record, this.pool.meta) });
    this.sorted = undefined;
    return record;
  }

  private delete(runId: string): void {
    this.entries.delete(runId);
    this.sorted = undefined;
  }

  /**
   * Holds timed writes back while many entries are refreshed in a row (the re-check after a start): writing a
   * 30 MB index every second of it would cost more than the re-check itself. `endBatch` writes once.
   */
  beginBatch(): void {
    this.loading = true;
  }

  async endBatch(): Promise<void> {
    this.loading = false;
    if (this.dirty) await this.flush().catch(() => {}); // a cache: rebuilt from the journals if not written
  }

  /** Many changes in a row (a run in progress) cost one write; losing it in a crash only costs a re-read. */
  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer || this.loading || this.readOnly) return;
    this.flushTimer = setTimeout(() => void this.flush().catch(() => {}), 1000);
    this.flushTimer.unref?.();
  }
}

export function isJournalName(name: string): boolean {
  return name.endsWith('.jsonl') && !name.includes('.torn-');
}

/** A run's summary from its journal text; a journal too damaged to replay still gets a (damaged) line. */
export function recordFromJournal(runId: string, text: string, witnesses: Witnesses = NO_WITNESSES): RunRecord {
  return recordFromVerification(runId, verifyJournalText(text, nodeJournalCrypto), witnesses);
}

/** A run's summary from a verification already made, its integrity judged against the witnesses. */
export function recordFromVerification(
  runId: string,
  verification: JournalVerification,
  witnesses: Witnesses = NO_WITNESSES,
): RunRecord {
  const judged = judgeIntegrity(verification, {
    installationKey: witnesses.installationKey(),
    registered: witnesses.registered(runId),
  });
  try {
    return summariseRun(verification.events, judged);
  } catch {
    return {
      runId,
      planId: 'unknown',
      planVersion: 0,
      planHash: '',
      planTitle: RECORD_MESSAGES.unreadableTitle(),
      category: 'other',
      mode: 'incident',
      startedAt: verification.events[0]?.at ?? new Date(0).toISOString(),
      status: 'active',
      operator: null,
      participants: [],
      overdueCount: 0,
      notes: '',
      events: verification.events.length,
      integrity: 'damaged',
      damage: judged.damage ?? 'no run.started',
    };
  }
}

/**
 * Feeds the index file's valid entries to `take`; false when there is no usable index (missing, another layout
 * that does not parse, not JSON), which is then rebuilt whole. A bad entry line, or a file cut short, costs only
 * the runs it leaves out a re-read: every entry taken is still checked against its journal's size and time.
 */
async function readIndexFile(path: string, take: (runId: string, entry: Entry) => void): Promise<boolean> {
  const head = await readHead(path, HEADER_LINE.length + 1);
  if (head === undefined) return false;
  if (head !== `${HEADER_LINE}\n`) return readWholeIndexFile(path, take);
  let first = true;
  try {
    for await (const line of lines(path)) {
      if (first) {
        first = false;
        continue; // the header, checked above
      }
      if (line === FOOTER_LINE) break;
      const entry = parseEntryLine(line);
      if (entry) take(entry[0], entry[1]);
    }
  } catch {
    // unreadable midway: the entries taken so far stand, the rest are read again from their journals
  }
  return true;
}

/** `"<run id>":{…},` → the id and its validated entry; the line is parsed in place, not wrapped into a copy. */
function parseEntryLine(line: string): [string, Entry] | undefined {
  if (line.charCodeAt(0) !== 0x22) return undefined;
  let end = 1; // the closing quote of the id: the first one not escaped
  while (end < line.length && line.charCodeAt(end) !== 0x22) end += line.charCodeAt(end) === 0x5c ? 2 : 1;
  if (line.charCodeAt(end + 1) !== 0x3a) return undefined;
  try {
    const runId = JSON.parse(line.slice(0, end + 1)) as unknown;
    const value = JSON.parse(line.slice(end + 2, line.endsWith(',') ? -1 : line.length)) as unknown;
    const entry = EntrySchema.safeParse(value);
    return typeof runId === 'string' && entry.success ? [runId, entry.data] : undefined;
  } catch {
    return undefined;
  }
}

/** An index written as one line (by earlier versions, or by hand): parsed whole, as it used to be. */
async function readWholeIndexFile(path: string, take: (runId: string, entry: Entry) => void): Promise<boolean> {
  try {
    const parsed = IndexFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) return false;
    for (const [runId, entry] of Object.entries(parsed.data.entries)) take(runId, entry);
    return true;
  } catch {
    return false;
  }
}

async function readHead(path: string, bytes: number): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's lines, each decoded on its own, read through one reused buffer (no chunk per read to free). */
async function* lines(path: string): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.alloc(READ_CHUNK); // zeroed once per file: negligible, and nothing stale is ever readable
    let filled = 0; // bytes of an unfinished line at the buffer's start
    let position = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= LONGEST_LINE) throw new Error('index line too long');
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position);
      if (bytesRead === 0) {
        if (filled > 0) yield buffer.toString('utf8', 0, filled);
        return;
      }
      position += bytesRead;
      const view = buffer.subarray(0, filled + bytesRead);
      let start = 0;
      for (let newline = view.indexOf(0x0a, filled); newline !== -1; newline = view.indexOf(0x0a, start)) {
        yield view.toString('utf8', start, newline);
        start = newline + 1;
      }
      filled = view.length - start;
      buffer.copy(buffer, 0, start, view.length);
    }
  } finally {
    await handle.close();
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * One copy of each value that thousands of records repeat (plan ids, hashes and titles, operators, statuses):
 * parsed JSON makes a new string for every occurrence, and at 10,000 runs the copies add up to megabytes.
 */
class Interner {
  private readonly strings = new Map<string, string>();
  private readonly titles = new Map<string, RunRecord['planTitle']>();
  private readonly lists = new Map<string, string[]>();
  /** Shared meta search texts (see `queryable`). */
  readonly meta = new Map<string, string>();

  /** Swaps the record's repeated values for shared ones, in place: the caller hands the record over. */
  record(r: RunRecord): RunRecord {
    const s = (value: string) => this.string(value);
    const titleKey = `${r.planTitle['zh-CN']}\0${r.planTitle.en}`;
    let planTitle = this.titles.get(titleKey);
    if (!planTitle)
      this.titles.set(titleKey, (planTitle = { 'zh-CN': s(r.planTitle['zh-CN']), en: s(r.planTitle.en) }));
    const listKey = r.participants.join('\0');
    let participants = this.lists.get(listKey);
    if (!participants) this.lists.set(listKey, (participants = r.participants.map(s)));
    r.planId = s(r.planId);
    r.planHash = s(r.planHash);
    r.planTitle = planTitle;
    r.category = s(r.category) as RunRecord['category'];
    r.mode = s(r.mode) as RunRecord['mode'];
    r.status = s(r.status) as RunRecord['status'];
    r.operator = r.operator === null ? null : s(r.operator);
    r.participants = participants;
    r.integrity = s(r.integrity) as RunRecord['integrity'];
    if (r.outcome) r.outcome = s(r.outcome) as RunRecord['outcome'];
    return r;
  }

  private string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}
