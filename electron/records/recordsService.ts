// Records for the UI: the history from the index (kept current as runs change), exports of one run, and
// batch exports of a date range as one zip. What the index says of integrity is shown as "checking" until it
// has been checked again in this process, against the bytes on disk, the key and the seal register.
import type { DrillDone } from '../../shared/drills/coverage';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { verifyJournalText } from '../../shared/journal/verify';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { RUN_MESSAGES } from '../../shared/messages/run';
import { journalToCsv } from '../../shared/records/csvExport';
import { runExport } from '../../shared/records/jsonExport';
import { type RecordPage, type RecordQuery, withLocalDays } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';
import { replayRun } from '../../shared/run/runState';
import { effectiveTimeZone } from '../../shared/time/localTime';
import { nodeJournalCrypto } from '../journal/nodeCrypto';
import type { SigningKey } from '../journal/signingKey';
import { batchFileName, BatchRangeError, exportRange, MAX_RUNS_PER_ARCHIVE } from './batchExport';
import { isJournalName, RunIndex, type JournalBytes, type Witnesses } from './runIndex';
import type { SealRegister } from '../journal/sealRegister';
import type { RegisteredSeal } from '../../shared/journal/sealRegister';

const REFRESH_DELAY_MS = 300;
/** How often a list looks at the folder for journals written or removed by another process. */
const RELIST_AFTER_MS = 2_000;
/** Journals re-checked between two turns of the event loop: calls from the UI are served in between. */
const RECHECK_BATCH = 8;

export interface RecordsServiceOptions {
  /** The seal register: a journal that departs from its registered seal is damaged. */
  register?: SealRegister;
  /** The installation's public key; absent: the signing key's (made if missing). */
  installationKey?: () => string | undefined;
  /** Told when the background re-check changed what the history shows, or finished. */
  onChanged?: () => void;
  /** The clock for how often the folder is listed (tests move it). */
  clock?: () => number;
  /** The branch's time zone setting (empty: the system's): a bare date in a query is a local day there. */
  timeZone?: () => string;
}

export class RecordsService {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Runs whose integrity was checked against the disk in this process. */
  private readonly checked = new Set<string>();
  private recheckState = { done: 0, total: 0 };
  private recheck: Promise<void> | undefined;
  private lastListing = -Infinity;
  private closed = false;

  private constructor(
    private readonly runsDir: string,
    private readonly index: RunIndex,
    private readonly signingKey: () => SigningKey,
    private readonly witnesses: Witnesses,
    private readonly options: RecordsServiceOptions,
  ) {}

  static async open(
    runsDir: string,
    signingKey: () => SigningKey,
    options: RecordsServiceOptions = {},
  ): Promise<RecordsService> {
    let ownKey: { publicKey: string | undefined } | undefined;
    const witnesses: Witnesses = {
      installationKey: () => {
        if (options.installationKey) return options.installationKey();
        if (!ownKey) {
          try {
            ownKey = { publicKey: signingKey().publicKey };
          } catch {
            ownKey = { publicKey: undefined }; // no key can be had (a read-only folder that never had one)
          }
        }
        return ownKey.publicKey;
      },
      registered: (runId) => options.register?.get(runId),
    };
    const { index } = await RunIndex.load(runsDir, witnesses);
    return new RecordsService(runsDir, index, signingKey, witnesses, options);
  }

  /**
   * Re-checks every run the index holds, newest first, a few at a time so that the UI is served in between:
   * the index is a cache, and an edited index or a journal edited behind its back must not keep a badge.
   */
  startRecheck(): Promise<void> {
    this.recheck ??= (async () => {
      const runIds = this.index.runIds();
      this.recheckState = { done: 0, total: runIds.length };
      // The next journal is read (on the thread pool) while this one is verified.
      const read = (i: number) => {
        if (i >= runIds.length) return undefined;
        const pending = this.index.read(runIds[i]!);
        pending.catch(() => {}); // awaited in its turn; a vanished file is handled there
        return pending;
      };
      let next = read(0);
      this.index.beginBatch();
      for (let i = 0; i < runIds.length && !this.closed; i++) {
        const runId = runIds[i]!;
        const current = next!;
        next = read(i + 1);
        if (!this.checked.has(runId)) await this.refresh(runId, current);
        this.recheckState.done = i + 1;
        if (i % RECHECK_BATCH === RECHECK_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
      }
      // A sealed run whose journal is gone is not "no record": the register remembers it, and so does the history.
      for (const seal of this.options.register?.all() ?? []) {
        if (!this.index.get(seal.runId)) await this.refresh(seal.runId);
      }
      await this.index.endBatch();
      if (!this.closed) this.options.onChanged?.();
    })();
    return this.recheck;
  }

  /** How far the background re-check has come. */
  checkProgress(): { done: number; total: number } {
    return { ...this.recheckState };
  }

  /** The history; changes still waiting to be indexed are indexed first, so a list is never behind. */
  async list(query: RecordQuery): Promise<RecordPage> {
    await this.flushPending();
    await this.pickUpOthers();
    const page = this.index.query(withLocalDays(query, this.timeZone()));
    return { ...page, items: page.items.map((r) => this.shown(r)) };
  }

  /** Every drill that ran (declared ones too), from the index: when each ended (or began, if it never ended). */
  async drillsDone(): Promise<DrillDone[]> {
    await this.flushPending();
    await this.pickUpOthers();
    return this.index
      .all()
      .filter((r) => r.mode === 'drill')
      .map((r) => ({
        planId: r.planId,
        runId: r.runId,
        at: r.endedAt ?? r.startedAt,
        ...(r.exercise?.declared ? { declared: true } : {}),
      }));
  }

  /** One run's history line, its integrity checked now against the bytes on disk. */
  async get(runId: string): Promise<RunRecord> {
    await this.flushPending();
    const record = await this.refresh(runId);
    if (!record) {
      throw new ApiError({
        code: 'not-found',
        message: RUN_MESSAGES.runNotFound(runId),
      });
    }
    return record;
  }

  /**
   * Journals another process wrote or removed (the CLI's `runs simulate`, a restore from backup) join or leave the
   * history without a restart. A folder listing, at most every few seconds: 10,000 names take a few milliseconds.
   */
  private async pickUpOthers(): Promise<void> {
    const now = (this.options.clock ?? Date.now)();
    if (now - this.lastListing < RELIST_AFTER_MS) return;
    this.lastListing = now;
    const names = await readdir(this.runsDir).catch(() => undefined);
    if (!names) return;
    const onDisk = new Set(names.filter(isJournalName).map((n) => n.slice(0, -'.jsonl'.length)));
    for (const runId of onDisk) if (!this.index.get(runId)) await this.refresh(runId);
    for (const runId of this.index.runIds()) if (!onDisk.has(runId)) await this.refresh(runId); // gone, or missing
  }

  /** Reads a journal again and marks it checked; a vanished journal leaves the history. */
  private async refresh(runId: string, read?: Promise<JournalBytes>): Promise<RunRecord | undefined> {
    try {
      const record = await this.index.refresh(runId, read);
      this.checked.add(runId);
      return record;
    } catch {
      const registered = this.options.register?.get(runId);
      if (!registered) {
        this.index.forget(runId);
        return undefined;
      }
      const missing = missingJournalRecord(registered);
      this.index.remember(missing);
      this.checked.add(runId);
      return missing;
    }
  }

  /** A record as the UI may show it: what the index says of integrity is not shown before it is checked. */
  private shown(record: RunRecord): RunRecord {
    if (this.checked.has(record.runId)) return record;
    const { damage: _damage, ...rest } = record;
    return { ...rest, integrity: 'checking' };
  }

  private async flushPending(): Promise<void> {
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    for (const [runId, timer] of waiting) {
      clearTimeout(timer);
      await this.refresh(runId);
    }
  }

  /** A run changed: re-read its journal soon (taps in quick succession cost one read). */
  runChanged(runId: string): void {
    clearTimeout(this.pending.get(runId));
    const timer = setTimeout(() => {
      this.pending.delete(runId);
      void this.refresh(runId); // the index is rebuilt from journals at the next start
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
        message: RUN_MESSAGES.runNotFound(runId),
      });
    }
    if (format === 'json') {
      const key = this.signingKey();
      const content = JSON.stringify(runExport(runId, journal, new Date(), key), null, 2) + '\n';
      return { fileName: `guardbook-${runId}.json`, mime: 'application/json', content };
    }
    const { events } = verifyJournalText(journal, nodeJournalCrypto);
    if (events.length === 0) {
      throw new ApiError({ code: 'not-found', message: RECORD_MESSAGES.journalUnreadable() });
    }
    const content = journalToCsv(events, replayRun(events).state.plan, this.timeZone());
    return { fileName: `guardbook-${runId}.csv`, mime: 'text/csv;charset=utf-8', content };
  }

  /** Every run that started in [from, to] as one zip archive, base64 for the JSON API. */
  async exportBatch(
    query: RecordQuery & { from: string; to: string },
  ): Promise<{ fileName: string; mime: 'application/zip'; base64: string; runs: number }> {
    const { from, to } = query;
    const timeZone = this.timeZone();
    // Exactly what the history shows under the same filters: never last week's drills with today's incidents.
    await this.flushPending();
    const only = new Set<string>();
    for (let offset = 0, total = 1; offset < total && offset <= MAX_RUNS_PER_ARCHIVE; offset += 500) {
      const page = this.index.query(withLocalDays({ ...query, offset, limit: 500 }, timeZone));
      total = page.total;
      for (const r of page.items) only.add(r.runId);
    }
    const { publicKey, keyId, fingerprint } = this.signingKey();
    try {
      const zip = await exportRange({
        runsDir: this.runsDir,
        from,
        to,
        publicKey,
        keyId,
        fingerprint,
        witnesses: this.witnesses,
        only,
        timeZone,
        ...(this.options.register
          ? { register: { seals: this.options.register.size, head: this.options.register.head } }
          : {}),
      });
      return {
        fileName: batchFileName(from, to, timeZone),
        mime: 'application/zip',
        base64: zip.toString('base64'),
        runs: only.size,
      };
    } catch (error) {
      if (error instanceof BatchRangeError) throw new ApiError({ code: 'invalid-input', message: error.text });
      throw error;
    }
  }

  /** The zone bare dates and local times are read in: the branch's setting, else the system's. */
  private timeZone(): string {
    return effectiveTimeZone(this.options.timeZone?.());
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.recheck;
    for (const [runId, timer] of this.pending) {
      clearTimeout(timer);
      await this.index.refresh(runId).catch(() => {});
    }
    this.pending.clear();
    await this.index.flush().catch(() => {}); // a cache: rebuilt from the journals if it could not be written
  }
}

/** The history's line for a registered seal whose journal is gone: damaged, saying when it was sealed. */
function missingJournalRecord(seal: RegisteredSeal): RunRecord {
  return {
    runId: seal.runId,
    planId: 'unknown',
    planVersion: 0,
    planHash: '',
    planTitle: RECORD_MESSAGES.journalMissingTitle(),
    category: 'other',
    mode: 'incident',
    startedAt: seal.sealedAt,
    status: 'sealed',
    operator: null,
    participants: [],
    overdueCount: 0,
    notes: '',
    events: 0,
    integrity: 'damaged',
    damage: `journal missing: sealed ${seal.sealedAt} with ${seal.events} events`,
    keyId: seal.keyId,
  };
}
