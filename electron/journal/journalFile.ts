// A run's journal on disk: append = write + fsync, so an acknowledged event survives a crash or power cut.
// Reopening moves a torn last line aside (kept as evidence) and records that; damage anywhere else is
// reported as corruption and never "repaired".
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GENESIS_HASH, journalLine, nextEvent, type JournalEvent } from '../../shared/journal/format';
import type { JournalEventData, JournalEventType } from '../../shared/journal/events';
import { verifyJournalText, type JournalVerification } from '../../shared/journal/verify';
import { appendDurably } from './durableAppend';
import { acquireJournalLock } from './journalLock';
import { nodeJournalCrypto, sha256Hex } from './nodeCrypto';
import { DIR_SYNC_UNSUPPORTED, syncDir } from '../files/atomicFile';

export class JournalCorruptError extends Error {
  constructor(
    readonly path: string,
    readonly verification: JournalVerification,
  ) {
    const f = verification.failure!;
    super(`journal ${path} is damaged at line ${f.line} (byte ${f.offset}): ${f.message.en}`);
    this.name = 'JournalCorruptError';
  }
}

/** Writing or syncing failed (disk full, read-only, folder removed): the event is NOT recorded. */
export class JournalWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`could not write journal ${path}: ${code}`, { cause });
    this.name = 'JournalWriteError';
  }
}

export class JournalSealedError extends Error {
  constructor(readonly path: string) {
    super(`journal ${path} is sealed and can only be read`);
    this.name = 'JournalSealedError';
  }
}

/**
 * The journal holds no complete first line: the run was never acknowledged as started (a crash inside
 * `create`). The file is moved aside whole, as evidence, and no run exists under its name.
 */
export class JournalNeverStartedError extends Error {
  constructor(
    readonly path: string,
    readonly sidecar: string,
  ) {
    super(`journal ${path} never recorded its start; its ${basename(sidecar)} was kept aside`);
    this.name = 'JournalNeverStartedError';
  }
}

export interface Recovery {
  sidecar: string;
  bytes: number;
  reason: string;
}

export interface JournalOptions {
  now?: () => Date;
}

export class JournalFile {
  private queue: Promise<unknown> = Promise.resolve();
  private failed: JournalWriteError | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private fd: number,
    private readonly log: JournalEvent[],
    private release: () => void,
    private readonly now: () => Date,
  ) {}

  /** Creates a new journal whose first event is `run.started`; fails if the file exists. */
  static async create(
    path: string,
    by: string | null,
    data: JournalEventData<'run.started'>,
    options: JournalOptions = {},
  ): Promise<JournalFile> {
    const fd = openSync(
      path,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_APPEND,
      0o600, // evidence: readable by its owner only
    );
    let release: () => void = () => {};
    try {
      release = acquireJournalLock(path);
      await syncDirectory(dirname(path)); // the new file's name must survive a power cut too
      const journal = new JournalFile(path, fd, [], release, options.now ?? (() => new Date()));
      await journal.append('run.started', by, data);
      return journal;
    } catch (error) {
      release();
      closeSync(fd);
      // Never acknowledged, so not a run: moved aside at once (a rename needs no room on a full disk), so that
      // the history does not show a phantom damaged row until the next start.
      await rename(path, `${path.replace(/\.jsonl$/, '')}.torn-1-${Date.now()}.jsonl`).catch(() => {});
      throw error;
    }
  }

  /** Opens an existing journal for appending, recovering a torn last line. */
  static async open(
    path: string,
    options: JournalOptions = {},
  ): Promise<{ journal: JournalFile; recovered?: Recovery }> {
    const release = acquireJournalLock(path);
    try {
      const bytes = await readFile(path);
      const verification = verifyJournalText(bytes.toString('utf8'), nodeJournalCrypto);
      // A sealed record is finished evidence: it is read, never written again (nor "recovered").
      if (verification.events.at(-1)?.type === 'run.sealed') throw new JournalSealedError(path);
      if (verification.events.length === 0 && (verification.ok || isTornTail(bytes, verification))) {
        const sidecar = `${path.replace(/\.jsonl$/, '')}.torn-1-${Date.now()}.jsonl`;
        await rename(path, sidecar);
        await syncDirectory(dirname(path));
        throw new JournalNeverStartedError(path, sidecar);
      }
      let recovered: Recovery | undefined;
      if (!verification.ok) {
        if (!isTornTail(bytes, verification)) throw new JournalCorruptError(path, verification);
        const tail = bytes.subarray(verification.intactBytes);
        recovered = await moveTornTailAside(path, tail, verification, verification.failure!.reason);
      }
      const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
      const journal = new JournalFile(path, fd, verification.events, release, options.now ?? (() => new Date()));
      if (recovered) await journal.append('journal.recovered', 'system', recovered);
      return { journal, ...(recovered ? { recovered } : {}) };
    } catch (error) {
      release();
      throw error;
    }
  }

  get events(): readonly JournalEvent[] {
    return this.log;
  }

  get head(): string {
    return this.log.at(-1)?.hash ?? GENESIS_HASH;
  }

  get sealed(): boolean {
    return this.log.at(-1)?.type === 'run.sealed';
  }

  /** Appends one event; resolves only after the bytes are fsynced. Appends run one at a time, in call order. */
  append<T extends JournalEventType>(type: T, by: string | null, data: JournalEventData<T>): Promise<JournalEvent> {
    const result = this.queue.then(() => this.write(type, by, data));
    this.queue = result.catch(() => {});
    return result;
  }

  private async write(type: string, by: string | null, data: unknown): Promise<JournalEvent> {
    if (this.closed) throw new Error(`journal ${this.path} is closed`);
    if (this.failed) throw this.failed; // after a failed write the file's end is unknown: reopen to recover
    if (this.sealed) throw new Error(`journal ${this.path} is sealed`);
    if (this.log.length > 0) {
      const lost = this.fileLost();
      if (lost) this.rewrite(lost);
    }
    return this.writeEvent(type, by, data);
  }

  private writeEvent(type: string, by: string | null, data: unknown): JournalEvent {
    const event = nextEvent(this.log, this.now(), type, by, data, sha256Hex);
    const line = Buffer.from(journalLine(event), 'utf8');
    try {
      appendDurably(this.fd, line);
    } catch (error) {
      this.failed = new JournalWriteError(this.path, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
      throw this.failed;
    }
    this.log.push(event);
    return event;
  }

  /**
   * Whether the open file is still the one at its path: a journal deleted (or replaced) while live would take
   * appends into an unlinked file, acknowledged and then gone at the next start.
   */
  private fileLost(): 'deleted' | 'replaced' | undefined {
    const open = fstatSync(this.fd);
    try {
      const atPath = statSync(this.path);
      if (atPath.ino !== open.ino || atPath.dev !== open.dev) return 'replaced';
    } catch {
      return 'deleted';
    }
    return open.nlink === 0 ? 'deleted' : undefined;
  }

  /**
   * Writes the journal again, whole, from the events already acknowledged (all of them are in memory) into a
   * new file at its path, keeps a file that replaced it aside as evidence, and records that it happened.
   */
  private rewrite(reason: 'deleted' | 'replaced'): void {
    try {
      const dir = dirname(this.path);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      let displaced: string | undefined;
      if (reason === 'replaced' && existsSync(this.path)) {
        displaced = `${basename(this.path, '.jsonl')}.displaced-${Date.now()}.jsonl`;
        renameSync(this.path, join(dir, displaced));
      }
      const temp = `${this.path}.rewrite-${process.pid}.tmp`;
      writeFileSync(temp, this.log.map(journalLine).join(''), { mode: 0o600, flag: 'w' });
      const tempFd = openSync(temp, 'r');
      fsyncSync(tempFd);
      closeSync(tempFd);
      renameSync(temp, this.path);
      syncDir(dir);
      const fd = openSync(this.path, constants.O_WRONLY | constants.O_APPEND);
      closeSync(this.fd);
      this.fd = fd;
      if (!existsSync(`${this.path}.lock`)) {
        this.release();
        this.release = acquireJournalLock(this.path);
      }
      this.writeEvent('journal.rewritten', 'system', {
        reason,
        events: this.log.length,
        ...(displaced ? { displaced } : {}),
      });
    } catch (error) {
      if (error instanceof JournalWriteError) throw error;
      this.failed = new JournalWriteError(this.path, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
      throw this.failed;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    closeSync(this.fd);
    this.release();
  }
}

/** Damage confined to the last line, of the kind a cut-off write leaves (incomplete or unparsable). */
export function isTornTail(bytes: Buffer, verification: JournalVerification): boolean {
  const tail = bytes.subarray(verification.intactBytes);
  const newline = tail.indexOf(0x0a);
  const oneLine = newline === -1 || newline === tail.length - 1;
  const reason = verification.failure?.reason;
  return oneLine && (reason === 'torn' || reason === 'bad-json');
}

/** Reads and verifies a journal without opening it for writing (history, reports, verify). */
export async function readJournal(path: string): Promise<JournalVerification> {
  return verifyJournalText((await readFile(path)).toString('utf8'), nodeJournalCrypto); // decoded whole: faster
}

async function moveTornTailAside(
  path: string,
  tail: Buffer,
  verification: JournalVerification,
  reason: string,
): Promise<Recovery> {
  const sidecar = `${path.replace(/\.jsonl$/, '')}.torn-${verification.events.length + 1}-${Date.now()}.jsonl`;
  await writeFile(sidecar, tail, { flag: 'wx', mode: 0o600 });
  const sidecarHandle = await open(sidecar, 'r+');
  await sidecarHandle.sync();
  await sidecarHandle.close();
  const handle = await open(path, 'r+');
  await handle.truncate(verification.intactBytes);
  await handle.sync();
  await handle.close();
  await syncDirectory(dirname(path));
  return { sidecar: basename(sidecar), bytes: tail.length, reason };
}

/** fsync a directory so a created or renamed entry is durable; platforms that refuse (Windows) are skipped. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}
