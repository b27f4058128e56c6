// Records for the UI: the history from the index (kept current as runs change) and exports of one run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { verifyJournalText } from '../../shared/journal/verify';
import { journalToCsv } from '../../shared/records/csvExport';
import { runExport } from '../../shared/records/jsonExport';
import { queryRecords, type RecordPage, type RecordQuery } from '../../shared/records/recordQuery';
import { replayRun } from '../../shared/run/runState';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';
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

  list(query: RecordQuery): RecordPage {
    return queryRecords(this.index.all(), query);
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

  async close(): Promise<void> {
    for (const [runId, timer] of this.pending) {
      clearTimeout(timer);
      await this.index.refresh(runId).catch(() => {});
    }
    this.pending.clear();
    await this.index.flush();
  }
}
