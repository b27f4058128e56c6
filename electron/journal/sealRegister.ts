// The seal register on disk, `<data>/seals/register.jsonl`: every seal this installation made, hash-chained and
// fsynced before the seal is acknowledged, kept apart from the journals. A registered run is never resumed or
// sealed again, and a journal shorter than, or different from, its registered seal is reported as damaged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEvent } from '../../shared/journal/format';
import { SEAL_REGISTER_FORMAT, sealsOf, type RegisteredSeal } from '../../shared/journal/sealRegister';
import type { JournalVerification } from '../../shared/journal/verify';
import type { Text } from '../../shared/text';
import { RECORD_MESSAGES } from '../../shared/messages/records';
import { ChainLog, verifyChainFile } from './chainLog';

export const SEAL_REGISTER_DIR = 'seals';
export const SEAL_REGISTER_FILE = 'register.jsonl';

export class SealRegister {
  private constructor(
    private readonly chain: ChainLog,
    private readonly seals: Map<string, RegisteredSeal>,
    /** Set when the register was found damaged at start: kept aside, its readable seals carried over. */
    readonly problem: Text | undefined,
  ) {}

  /** The register as far as it can be read, kept in memory: for a data folder that cannot be written. */
  static openInMemory(dataDir: string, installation: string, now: () => Date = () => new Date()): SealRegister {
    const log = ChainLog.openInMemory(join(dataDir, SEAL_REGISTER_DIR), registerSpec(installation), now);
    return new SealRegister(log, sealsOf(log.entries), undefined);
  }

  static open(dataDir: string, installation: string, now: () => Date = () => new Date()): SealRegister {
    const { log, report } = ChainLog.open(join(dataDir, SEAL_REGISTER_DIR), registerSpec(installation), now);
    const seals = sealsOf(log.entries);
    let problem: Text | undefined;
    if (report.damaged) {
      // What still verifies in the damaged register is carried over: those runs stay protected. Seals after the
      // damage are lost to this register, which is why the damage is shown wherever integrity is.
      const { file, line, reason } = report.damaged;
      for (const seal of sealsOf(report.intactBeforeDamage ?? []).values()) {
        const carried = { ...seal, carried: file };
        log.append('seal.registered', 'system', carried);
        seals.set(seal.runId, carried);
      }
      problem = RECORD_MESSAGES.sealRegisterDamaged(line, reason, file, seals.size);
    }
    return new SealRegister(log, seals, problem);
  }

  get(runId: string): RegisteredSeal | undefined {
    return this.seals.get(runId);
  }

  has(runId: string): boolean {
    return this.seals.has(runId);
  }

  /** Every registered seal, in the order they were registered. */
  all(): IterableIterator<RegisteredSeal> {
    return this.seals.values();
  }

  get size(): number {
    return this.seals.size;
  }

  get head(): string {
    return this.chain.head;
  }

  get entries(): readonly JournalEvent[] {
    return this.chain.entries;
  }

  /** Registers a seal, durably, before it is acknowledged to anyone. A run is registered once. */
  register(seal: RegisteredSeal): void {
    if (this.seals.has(seal.runId)) throw new Error(`run ${seal.runId} is already in the seal register`);
    this.chain.append('seal.registered', 'system', seal);
    this.seals.set(seal.runId, seal);
  }

  close(): void {
    this.chain.close();
  }
}

function registerSpec(installation: string) {
  return {
    format: SEAL_REGISTER_FORMAT,
    fileName: SEAL_REGISTER_FILE,
    recoveredType: 'register.recovered',
    startData: (afterDamaged: unknown) => ({ installation, ...(afterDamaged ? { afterDamaged } : {}) }),
  };
}

/** The register as it is on disk, read without a lock and without creating anything (the CLI, auditors). */
export function readSealRegister(
  dataDir: string,
): { seals: Map<string, RegisteredSeal>; verification: JournalVerification; file: string } | undefined {
  const file = join(dataDir, SEAL_REGISTER_DIR, SEAL_REGISTER_FILE);
  if (!existsSync(file)) return undefined;
  const verification = verifyChainFile(file, SEAL_REGISTER_FORMAT);
  return { seals: sealsOf(verification.events), verification, file };
}
