// The audit trail on disk, `<data>/audit/audit.jsonl`: administrative actions in the run journals' line format
// and hash chain (a ChainLog), each appended with write + fsync. A torn last line is moved aside and recorded;
// damage elsewhere is kept aside whole and a new trail starts that names it, so the evidence survives and
// administration is not blocked by it.
import type { JournalEvent } from '../../shared/journal/format';
import type { JournalVerification } from '../../shared/journal/verify';
import { AUDIT_FORMAT, type AuditEventData, type AuditEventType } from '../../shared/audit/events';
import { ChainLog, verifyChainFile, type ChainOpenReport } from '../journal/chainLog';

export const AUDIT_FILE_NAME = 'audit.jsonl';

export class AuditLog {
  private constructor(private readonly chain: ChainLog) {}

  /** Opens (or starts) the trail in `dir`. `installation` names this installation in a new trail's first line. */
  static open(
    dir: string,
    installation: string,
    now: () => Date = () => new Date(),
  ): { audit: AuditLog; report: ChainOpenReport } {
    // Its lock makes a second app (or the CLI) on the same data folder fail here with who holds it.
    const { log, report } = ChainLog.open(dir, auditSpec(installation), now);
    return { audit: new AuditLog(log), report };
  }

  /** The trail as far as it can be read, kept in memory: for a data folder that cannot be written. */
  static openInMemory(dir: string, installation: string, now: () => Date = () => new Date()): AuditLog {
    return new AuditLog(ChainLog.openInMemory(dir, auditSpec(installation), now));
  }

  get file(): string {
    return this.chain.file;
  }

  get entries(): readonly JournalEvent[] {
    return this.chain.entries;
  }

  get head(): string {
    return this.chain.head;
  }

  /** Appends one entry, durably (fsynced) before returning. Throws ChainWriteError when the disk refuses. */
  append<T extends AuditEventType>(type: T, by: string | null, data: AuditEventData<T>): JournalEvent {
    return this.chain.append(type, by, data);
  }

  /** Verifies the trail as it is on disk now (not as remembered): an edit made behind our back shows here. */
  verify(): JournalVerification {
    return verifyAuditFile(this.file);
  }

  close(): void {
    this.chain.close();
  }
}

function auditSpec(installation: string) {
  return {
    format: AUDIT_FORMAT,
    fileName: AUDIT_FILE_NAME,
    recoveredType: 'audit.recovered',
    startData: (afterDamaged: unknown) => ({ installation, ...(afterDamaged ? { afterDamaged } : {}) }),
  };
}

export function verifyAuditFile(file: string): JournalVerification {
  return verifyChainFile(file, AUDIT_FORMAT);
}
