// One rule for what a record's integrity is, used by the index, the Records screen, exports and the CLI:
// verified only when the bytes verify now, the seal is the installation's own key and the journal matches its
// registered seal. The index is a cache and never a witness.
import { registerMismatch, type RegisteredSeal } from '../journal/sealRegister';
import type { JournalVerification } from '../journal/verify';
import { joinText, type Text } from '../text';
import { RECORD_MESSAGES } from '../messages/records';
import type { Integrity } from './runSummary';

export interface IntegrityJudgement {
  integrity: Exclude<Integrity, 'checking'>;
  /** Where and why, when damaged: `line 7 (byte 1234): bad-hash` or a register mismatch. */
  damage?: string;
  /** The same in words, in both languages (for reports and the CLI). */
  damageText?: Text;
  keyId?: string;
}

export interface IntegrityWitnesses {
  /** The installation's public key (base64 SPKI); absent when it has none (nothing sealed here yet). */
  installationKey: string | undefined;
  /** The register's entry for this run, if it was ever sealed here. */
  registered: Pick<RegisteredSeal, 'events' | 'head' | 'sealedAt'> | undefined;
  /** The type of the record's sealing line (a run's by default; an inspection's is `inspection.sealed`). */
  sealType?: string;
  /** Evidence files the record names that are missing or hold other bytes (an inspection's photos). */
  fileProblems?: readonly { code: string; text: Text }[];
}

export function judgeIntegrity(
  verification: Pick<JournalVerification, 'ok' | 'seal' | 'failure' | 'events' | 'keyId' | 'publicKey'>,
  witnesses: IntegrityWitnesses,
): IntegrityJudgement {
  const keyId = verification.keyId ? { keyId: verification.keyId } : {};
  const mismatch = witnesses.registered && registerMismatch(verification, witnesses.registered, witnesses.sealType);
  const f = verification.ok ? undefined : verification.failure;
  const files = witnesses.fileProblems ?? [];
  if (f || mismatch || !verification.ok || files.length > 0) {
    // The journal's own first fault comes first; a departure from the register is said beside it.
    const parts = [
      ...(f
        ? [
            {
              code: `line ${f.line} (byte ${f.offset}): ${f.reason}`,
              text: RECORD_MESSAGES.faultAt(f.line, f.offset, f.message),
            },
          ]
        : []),
      ...(mismatch ? [{ code: `line ${mismatch.line}: ${mismatch.reason}`, text: mismatch.message }] : []),
      ...files,
    ];
    return {
      integrity: 'damaged',
      ...(parts.length > 0
        ? {
            damage: parts.map((p) => p.code).join('; '),
            damageText: joinText(parts.map((p) => p.text)),
          }
        : {}),
      ...keyId,
    };
  }
  if (verification.seal !== 'valid') return { integrity: 'not-sealed' };
  if (!witnesses.installationKey || verification.publicKey !== witnesses.installationKey) {
    return { integrity: 'foreign', ...keyId };
  }
  return { integrity: 'verified', ...keyId };
}
