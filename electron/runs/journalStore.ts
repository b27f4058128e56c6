// Where the engine keeps run journals: files on disk (always, when the data folder can be written), or memory
// when nothing can be recorded (a read-only or unusable data folder), so that a guard can still follow a plan
// on screen while every screen says that nothing is recorded and to use paper.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEventData, JournalEventType } from '../../shared/journal/events';
import { GENESIS_HASH, nextEvent, type JournalEvent } from '../../shared/journal/format';
import type { JournalVerification } from '../../shared/journal/verify';
import { JournalFile, readJournal, type JournalOptions, type Recovery } from '../journal/journalFile';
import { sha256Hex } from '../journal/nodeCrypto';

/** What the engine needs of one open journal. */
export interface RunJournal {
  readonly events: readonly JournalEvent[];
  readonly head: string;
  append<T extends JournalEventType>(type: T, by: string | null, data: JournalEventData<T>): Promise<JournalEvent>;
  close(): Promise<void>;
}

export interface JournalStore {
  /** Whether what is appended survives this process (false: memory only). */
  readonly durable: boolean;
  path(runId: string): string;
  /** The run ids with a journal, in name order. */
  runIds(): string[];
  create(
    runId: string,
    by: string | null,
    data: JournalEventData<'run.started'>,
    options: JournalOptions,
  ): Promise<RunJournal>;
  open(runId: string, options: JournalOptions): Promise<{ journal: RunJournal; recovered?: Recovery }>;
  read(runId: string): Promise<JournalVerification>;
  exists(runId: string): boolean;
}

export function fileJournals(runsDir: string): JournalStore {
  const path = (runId: string) => join(runsDir, `${runId}.jsonl`);
  return {
    durable: true,
    path,
    runIds: () =>
      readdirSync(runsDir)
        .filter((n) => /^[\w-]+\.jsonl$/.test(n))
        .sort()
        .map((n) => n.slice(0, -'.jsonl'.length)),
    create: (runId, by, data, options) => JournalFile.create(path(runId), by, data, options),
    open: (runId, options) => JournalFile.open(path(runId), options),
    read: (runId) => readJournal(path(runId)),
    exists: (runId) => {
      try {
        return readdirSync(runsDir).includes(`${runId}.jsonl`);
      } catch {
        return false;
      }
    },
  };
}

/** Journals that live only as long as this process: nothing is recorded, and the UI says so everywhere. */
export function memoryJournals(): JournalStore {
  const journals = new Map<string, MemoryJournal>();
  return {
    durable: false,
    path: (runId) => `memory:${runId}`,
    runIds: () => [],
    async create(runId, by, data, options) {
      const journal = new MemoryJournal(options.now ?? (() => new Date()));
      await journal.append('run.started', by, data);
      journals.set(runId, journal);
      return journal;
    },
    async open(runId) {
      const journal = journals.get(runId);
      if (!journal) throw Object.assign(new Error(`no run ${runId}`), { code: 'ENOENT' });
      return { journal };
    },
    async read(runId) {
      const events = [...(journals.get(runId)?.events ?? [])];
      return { ok: true, events, intactBytes: 0, seal: 'none' };
    },
    exists: (runId) => journals.has(runId),
  };
}

class MemoryJournal implements RunJournal {
  private readonly log: JournalEvent[] = [];

  constructor(private readonly now: () => Date) {}

  get events(): readonly JournalEvent[] {
    return this.log;
  }

  get head(): string {
    return this.log.at(-1)?.hash ?? GENESIS_HASH;
  }

  async append<T extends JournalEventType>(
    type: T,
    by: string | null,
    data: JournalEventData<T>,
  ): Promise<JournalEvent> {
    const event = nextEvent(this.log, this.now(), type, by, data, sha256Hex);
    this.log.push(event);
    return event;
  }

  async close(): Promise<void> {}
}
