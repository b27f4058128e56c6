// The history index: one summary per run, kept in <data>/runs/index.json so the Records screen opens fast.
// It is never the truth: on load, every journal whose size or time changed (or that the index lacks) is
// read again, entries of vanished files are dropped, and a missing or damaged index is rebuilt whole.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { summariseRun, RunRecordSchema, type RunRecord } from '../../shared/records/runSummary';
import { replayRun } from '../../shared/run/runState';
import { verifyJournalText } from '../../shared/journal/verify';
import { nodeJournalCrypto } from '../journal/nodeCrypto';

export const INDEX_FILE = 'index.json';

const IndexFileSchema = z.object({
  format: z.literal(1),
  entries: z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number(), record: RunRecordSchema })),
});
type IndexEntries = z.infer<typeof IndexFileSchema>['entries'];

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

  private constructor(
    private readonly runsDir: string,
    private readonly entries: IndexEntries,
  ) {}

  /** Loads the index and brings it up to date with the journals on disk. */
  static async load(runsDir: string): Promise<{ index: RunIndex; report: IndexLoadReport }> {
    const started = performance.now();
    const { entries, rebuiltWhole } = await readIndexFile(join(runsDir, INDEX_FILE));
    const index = new RunIndex(runsDir, entries);
    const files = (await readdir(runsDir).catch(() => [] as string[])).filter(isJournalName);
    const present = new Set<string>();
    let read = 0;
    let reused = 0;
    for (const name of files) {
      const runId = name.slice(0, -'.jsonl'.length);
      present.add(runId);
      const info = await stat(join(runsDir, name));
      const known = entries[runId];
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
        reused++;
        continue;
      }
      await index.refresh(runId);
      read++;
    }
    let removed = 0;
    for (const runId of Object.keys(entries)) {
      if (!present.has(runId)) {
        delete entries[runId];
        removed++;
        index.dirty = true;
      }
    }
    if (index.dirty) await index.flush();
    return { index, report: { read, reused, removed, rebuiltWhole, ms: performance.now() - started } };
  }

  /** Reads one journal again and updates its entry (called as runs change, and for stale entries). */
  async refresh(runId: string): Promise<RunRecord> {
    const path = join(this.runsDir, `${runId}.jsonl`);
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const record = recordFromJournal(runId, text);
    this.entries[runId] = { size: info.size, mtimeMs: info.mtimeMs, record };
    this.scheduleFlush();
    return record;
  }

  all(): RunRecord[] {
    return Object.values(this.entries).map((e) => e.record);
  }

  get(runId: string): RunRecord | undefined {
    return this.entries[runId]?.record;
  }

  /** Writes the index now (atomically: a temp file renamed over the old one). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    const path = join(this.runsDir, INDEX_FILE);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ format: 1, entries: this.entries }));
    await rename(temp, path);
  }

  /** Many changes in a row (a run in progress) cost one write; losing it in a crash only costs a re-read. */
  private scheduleFlush(): void {
    this.dirty = true;
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush().catch(() => {}), 1000);
    this.flushTimer.unref?.();
  }
}

export function isJournalName(name: string): boolean {
  return name.endsWith('.jsonl') && !name.includes('.torn-');
}

/** A run's summary from its journal text; a journal too damaged to replay still gets a (damaged) line. */
export function recordFromJournal(runId: string, text: string): RunRecord {
  const verification = verifyJournalText(text, nodeJournalCrypto);
  try {
    const { state } = replayRun(verification.events);
    return summariseRun(state, verification);
  } catch {
    return {
      runId,
      planId: 'unknown',
      planVersion: 0,
      planHash: '',
      planTitle: { 'zh-CN': '（无法读取）', en: '(unreadable)' },
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
      damage: verification.failure
        ? `line ${verification.failure.line} (byte ${verification.failure.offset}): ${verification.failure.reason}`
        : 'no run.started',
    };
  }
}

async function readIndexFile(path: string): Promise<{ entries: IndexEntries; rebuiltWhole: boolean }> {
  try {
    const parsed = IndexFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return { entries: parsed.data.entries, rebuiltWhole: false };
  } catch {
    // missing or not JSON: rebuilt below, from the journals
  }
  return { entries: {}, rebuiltWhole: true };
}
