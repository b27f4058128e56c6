// Records for the UI: the history from the index (kept current as runs change), exports of one run, and
// batch exports of a date range as one zip.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { verifyJournalText } from '../../shared/journal/verify';
import { journalToCsv } from '../../shared/records/csvExport';
import { runExport } from '../../shared/records/jsonExport';
import { type RecordPage, type RecordQuery } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';
import { replayRun } from '../../shared/run/runState';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';
import { batchFileName, BatchRangeError, exportRange } from './batchExport';
import { RunIndex } from './runIndex';

const REFRESH_DELAY_MS = 300;

export class RecordsService {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  private constructor(
    private readonly runsDir: string,
    private readonly index: RunIndex,
    private readonly signingKey: () => SigningKey,
  ) {}

  static async open(runsDir: string, signingKey: () => SigningKey): Promise<RecordsService> {
    const { index } = await RunIndex.load(runsDir);
    return new RecordsService(runsDir, index, signingKey);
  }

  /** The history; changes still waiting to be indexed are indexed first, so a list is never behind. */
  async list(query: RecordQuery): Promise<RecordPage> {
    await this.flushPending();
    return this.index.query(query);
  }

  /** One run's history line (integrity included). */
  async get(runId: string): Promise<RunRecord> {
    await this.flushPending();
    const record = this.index.get(runId) ?? (await this.index.refresh(runId).catch(() => undefined));
    if (!record) {
      throw new ApiError({
        code: 'not-found',
        message: { 'zh-CN': `找不到处置记录“${runId}”`, en: `No run "${runId}"` },
      });
    }
    return record;
  }

  /** Whether the index, which verified the journal when it last changed, knows this run as sealed and intact. */
  isSealed(runId: string): boolean {
    const record = this.index.get(runId);
    return record?.status === 'sealed' && record.integrity !== 'damaged';
  }

  private async flushPending(): Promise<void> {
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    for (const [runId, timer] of waiting) {
      clearTimeout(timer);
      await this.index.refresh(runId).catch(() => {});
    }
  }

  /** A run changed: re-read its journal soon (taps in quick succession cost one read). */
  runChanged(runId: string): void {
    clearTimeout(this.pending.get(runId));
    const timer = setTimeout(() => {
      this.pending.delete(runId);
      void this.index.refresh(runId).catch(() => {}); // the index is rebuilt from journals at the next start
    }, REFRESH_DELAY_MS);
    timer.unref?.();
    this.pending.set(runId, timer);
  }

  async export(runId: string, format: 'json' | 'csv'): Promise<{ fileName: string; mime: string; content: string }> {
    let journal: string;
    try {
      journal = await readFile(join(this.runsDir, `${runId}.jsonl`), 'utf8');
    } catch {
      throw new ApiError({
        code: 'not-found',
        message: { 'zh-CN': `找不到处置记录“${runId}”`, en: `No run "${runId}"` },
      });
    }
    if (format === 'json') {
      const key = this.signingKey();
      const content = JSON.stringify(runExport(runId, journal, new Date(), key), null, 2) + '\n';
      return { fileName: `guardbook-${runId}.json`, mime: 'application/json', content };
    }
    const { events } = verifyJournalText(journal, nodeJournalCrypto);
    if (events.length === 0) {
      throw new ApiError({ code: 'not-found', message: { 'zh-CN': '记录无法读取', en: 'The journal cannot be read' } });
    }
    const content = journalToCsv(events, replayRun(events).state.plan);
    return { fileName: `guardbook-${runId}.csv`, mime: 'text/csv;charset=utf-8', content };
  }

  /** Every run that started in [from, to] as one zip archive, base64 for the JSON API. */
  async exportBatch(from: string, to: string): Promise<{ fileName: string; mime: 'application/zip'; base64: string }> {
    const { publicKey, keyId } = this.signingKey();
    try {
      const zip = await exportRange({ runsDir: this.runsDir, from, to, publicKey, keyId });
      return { fileName: batchFileName(from, to), mime: 'application/zip', base64: zip.toString('base64') };
    } catch (error) {
      if (error instanceof BatchRangeError) throw new ApiError({ code: 'invalid-input', message: error.text });
      throw error;
    }
  }

  async close(): Promise<void> {
    for (const [runId, timer] of this.pending) {
      clearTimeout(timer);
      await this.index.refresh(runId).catch(() => {});
    }
    this.pending.clear();
    await this.index.flush();
  }
}
