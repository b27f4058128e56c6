// An append-only, hash-chained log file in the journals' line format, one writer at a time: the audit trail and
// the seal register are both one. Each entry is fsynced before `append` returns. A torn last line is moved
// aside and recorded; damage elsewhere is kept aside whole and a new log starts whose first entry names it,
// so the evidence survives and the work that needs the log goes on. Files are the owner's only (0600, 0700).
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { GENESIS_HASH, journalLine, nextEvent, type JournalEvent } from '../../shared/journal/format';
import { verifyJournalText, type ChainFormat, type JournalVerification } from '../../shared/journal/verify';
import { appendDurably } from './durableAppend';
import { isTornTail } from './journalFile';
import { acquireJournalLock } from './journalLock';
import { nodeJournalCrypto, sha256Hex } from './nodeCrypto';

export class ChainWriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`could not write ${file}: ${code}`, { cause });
    this.name = 'ChainWriteError';
  }
}

export interface ChainOpenReport {
  /** A torn last line moved aside. */
  recovered?: { sidecar: string; bytes: number };
  /** The damaged log kept aside before a new one was started. */
  damaged?: { file: string; line: number; reason: string };
  /** The entries that still verified in the damaged log, before its damage. */
  intactBeforeDamage?: readonly JournalEvent[];
}

export interface ChainLogSpec {
  format: ChainFormat;
  /** The file's name in its folder, `<stem>.jsonl`; sidecars are named after the stem. */
  fileName: string;
  /** The first entry's data for a new log; `afterDamaged` names a damaged one kept aside. */
  startData: (afterDamaged: { file: string; line: number; reason: string } | undefined) => unknown;
  /** The entry type that records a torn tail moved aside. */
  recoveredType: string;
}

export class ChainLog {
  private failed: ChainWriteError | undefined;

  private constructor(
    readonly file: string,
    private fd: number,
    private readonly log: JournalEvent[],
    private readonly now: () => Date,
    private readonly release: () => void,
  ) {}

  /** Opens (or starts) the log in `dir`, holding its lock until `close`. */
  static open(
    dir: string,
    spec: ChainLogSpec,
    now: () => Date = () => new Date(),
  ): { log: ChainLog; report: ChainOpenReport } {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700); // an older folder, or a umask, may have left it wider
    const file = join(dir, spec.fileName);
    // One writer: two processes appending to one chain would fork it.
    const release = acquireJournalLock(file);
    try {
      return ChainLog.openLocked(dir, file, spec, now, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * The log as far as it can be read, with appends kept in memory only: for a data folder that cannot be
   * written (read-only, or not a folder), where the app still starts and says that nothing is recorded.
   */
  static openInMemory(dir: string, spec: ChainLogSpec, now: () => Date = () => new Date()): ChainLog {
    let events: JournalEvent[] = [];
    try {
      const text = readFileSync(join(dir, spec.fileName), 'utf8');
      events = verifyJournalText(text, nodeJournalCrypto, { format: spec.format }).events;
    } catch {
      // nothing readable: an empty log
    }
    const log = new ChainLog(join(dir, spec.fileName), -1, events, now, () => {});
    if (events.length === 0) log.append(spec.format.firstType, 'system', spec.startData(undefined));
    return log;
  }

  private static openLocked(
    dir: string,
    file: string,
    spec: ChainLogSpec,
    now: () => Date,
    release: () => void,
  ): { log: ChainLog; report: ChainOpenReport } {
    const stem = spec.fileName.replace(/\.jsonl$/, '');
    const report: ChainOpenReport = {};
    let events: JournalEvent[] = [];
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      const verification = verifyJournalText(bytes.toString('utf8'), nodeJournalCrypto, { format: spec.format });
      if (verification.ok) events = verification.events;
      else if (isTornTail(bytes, verification) && verification.events.length > 0) {
        const tail = bytes.subarray(verification.intactBytes);
        const sidecar = join(dir, `${stem}.torn-${verification.events.length + 1}-${now().getTime()}.jsonl`);
        writeFileSync(sidecar, tail, { flag: 'wx', mode: 0o600 });
        const fd = openSync(file, 'r+');
        ftruncateSync(fd, verification.intactBytes);
        fsyncSync(fd);
        closeSync(fd);
        events = verification.events;
        report.recovered = { sidecar: basename(sidecar), bytes: tail.length };
      } else {
        const stamp = now().toISOString().replace(/[:.]/g, '-');
        let aside = join(dir, `${stem}.damaged-${stamp}.jsonl`);
        for (let n = 2; existsSync(aside); n++) aside = join(dir, `${stem}.damaged-${stamp}-${n}.jsonl`);
        renameSync(file, aside);
        const failure = verification.failure!;
        report.damaged = { file: basename(aside), line: failure.line, reason: failure.reason };
        report.intactBeforeDamage = verification.events;
      }
    }
    const log = new ChainLog(file, openSync(file, 'a', 0o600), events, now, release);
    chmodSync(file, 0o600);
    if (events.length === 0) log.append(spec.format.firstType, 'system', spec.startData(report.damaged));
    if (report.recovered) log.append(spec.recoveredType, 'system', { ...report.recovered, reason: 'torn last line' });
    return { log, report };
  }

  get entries(): readonly JournalEvent[] {
    return this.log;
  }

  get head(): string {
    return this.log.at(-1)?.hash ?? GENESIS_HASH;
  }

  /** Appends one entry, durably (fsynced) before returning. Throws ChainWriteError when the disk refuses. */
  append(type: string, by: string | null, data: unknown): JournalEvent {
    if (this.failed) throw this.failed; // the file's end is unknown after a failed write: restart to recover
    const event = nextEvent(this.log, this.now(), type, by, data, sha256Hex);
    const line = Buffer.from(journalLine(event), 'utf8');
    try {
      if (this.fd >= 0) appendDurably(this.fd, line); // a log in memory (nothing can be recorded) only remembers
    } catch (error) {
      this.failed = new ChainWriteError(this.file, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
      throw this.failed;
    }
    this.log.push(event);
    return event;
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    this.release();
  }
}

/** Verifies a log file as it is on disk now (not as remembered): an edit made behind our back shows here. */
export function verifyChainFile(file: string, format: ChainFormat): JournalVerification {
  return verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, { format });
}
