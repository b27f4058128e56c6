// The audit trail on disk, `<data>/audit/audit.jsonl`: administrative actions in the run journals' line format
// and hash chain, each appended with write + fsync. A torn last line is moved aside and recorded; damage
// elsewhere is kept aside whole and a new trail starts that names it, so the evidence survives and
// administration is not blocked by it.
import {
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
import { AUDIT_FORMAT, type AuditEventData, type AuditEventType } from '../../shared/audit/events';
import { chainEvent, GENESIS_HASH, journalLine, type JournalEvent } from '../../shared/journal/format';
import { verifyJournalText, type JournalVerification } from '../../shared/journal/verify';
import { appendDurably } from '../journal/durableAppend';
import { isTornTail } from '../journal/journalFile';
import { acquireJournalLock } from '../journal/journalLock';
import { nodeJournalCrypto, sha256Hex } from '../journal/nodeCrypto';

export const AUDIT_FILE_NAME = 'audit.jsonl';

export class AuditWriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`could not write the audit trail ${file}: ${code}`, { cause });
    this.name = 'AuditWriteError';
  }
}

export interface AuditOpenReport {
  /** A torn last line moved aside. */
  recovered?: { sidecar: string; bytes: number };
  /** The damaged trail kept aside before a new one was started. */
  damaged?: { file: string; line: number; reason: string };
}

export class AuditLog {
  private failed: AuditWriteError | undefined;

  private constructor(
    readonly file: string,
    private fd: number,
    private readonly log: JournalEvent[],
    private readonly now: () => Date,
    private readonly release: () => void,
  ) {}

  /** Opens (or starts) the trail in `dir`. `installation` names this installation in a new trail's first line. */
  static open(
    dir: string,
    installation: string,
    now: () => Date = () => new Date(),
  ): { audit: AuditLog; report: AuditOpenReport } {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, AUDIT_FILE_NAME);
    // One writer: two processes appending to one chain would fork it. A second app (or the CLI) on the same
    // data folder fails here with who holds it.
    const release = acquireJournalLock(file);
    try {
      return AuditLog.openLocked(dir, file, installation, now, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  private static openLocked(
    dir: string,
    file: string,
    installation: string,
    now: () => Date,
    release: () => void,
  ): { audit: AuditLog; report: AuditOpenReport } {
    const report: AuditOpenReport = {};
    let events: JournalEvent[] = [];
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      const verification = verifyJournalText(bytes.toString('utf8'), nodeJournalCrypto, { format: AUDIT_FORMAT });
      if (verification.ok) events = verification.events;
      else if (isTornTail(bytes, verification) && verification.events.length > 0) {
        const tail = bytes.subarray(verification.intactBytes);
        const sidecar = join(dir, `audit.torn-${verification.events.length + 1}-${now().getTime()}.jsonl`);
        writeFileSync(sidecar, tail, { flag: 'wx' });
        const fd = openSync(file, 'r+');
        ftruncateSync(fd, verification.intactBytes);
        fsyncSync(fd);
        closeSync(fd);
        events = verification.events;
        report.recovered = { sidecar: basename(sidecar), bytes: tail.length };
      } else {
        const stamp = now().toISOString().replace(/[:.]/g, '-');
        let aside = join(dir, `audit.damaged-${stamp}.jsonl`);
        for (let n = 2; existsSync(aside); n++) aside = join(dir, `audit.damaged-${stamp}-${n}.jsonl`);
        renameSync(file, aside);
        const failure = verification.failure!;
        report.damaged = { file: basename(aside), line: failure.line, reason: failure.reason };
      }
    }
    const audit = new AuditLog(file, openSync(file, 'a', 0o644), events, now, release);
    if (events.length === 0) {
      audit.append('audit.started', 'system', {
        installation,
        ...(report.damaged ? { afterDamaged: report.damaged } : {}),
      });
    }
    if (report.recovered) {
      audit.append('audit.recovered', 'system', { ...report.recovered, reason: 'torn last line' });
    }
    return { audit, report };
  }

  get entries(): readonly JournalEvent[] {
    return this.log;
  }

  get head(): string {
    return this.log.at(-1)?.hash ?? GENESIS_HASH;
  }

  /** Appends one entry, durably (fsynced) before returning. Throws AuditWriteError when the disk refuses. */
  append<T extends AuditEventType>(type: T, by: string | null, data: AuditEventData<T>): JournalEvent {
    if (this.failed) throw this.failed; // the file's end is unknown after a failed write: restart to recover
    const event = chainEvent(
      this.head,
      { seq: this.log.length + 1, at: this.now().toISOString(), type, by, data },
      sha256Hex,
    );
    const line = Buffer.from(journalLine(event), 'utf8');
    try {
      appendDurably(this.fd, line);
    } catch (error) {
      this.failed = new AuditWriteError(this.file, (error as NodeJS.ErrnoException).code ?? 'EIO', error);
      throw this.failed;
    }
    this.log.push(event);
    return event;
  }

  /** Verifies the trail as it is on disk now (not as remembered): an edit made behind our back shows here. */
  verify(): JournalVerification {
    return verifyAuditFile(this.file);
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    this.release();
  }
}

export function verifyAuditFile(file: string): JournalVerification {
  return verifyJournalText(readFileSync(file, 'utf8'), nodeJournalCrypto, { format: AUDIT_FORMAT });
}
