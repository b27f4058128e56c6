// The lines every records report of the CLI ends with: the installation key's fingerprint and the seal register's
// size and head hash, so that what "verified" rested on can be written down and compared later.
import { CLI_MESSAGES as m } from '../../shared/messages/cli';
import type { Language } from '../../shared/plan/schema';
import { readSealRegister } from '../journal/sealRegister';
import { fingerprintOf, readPublicKey } from '../journal/signingKey';

export function witnessLines(dataDir: string, lang: Language): string[] {
  const key = readPublicKey(dataDir);
  const register = readSealRegister(dataDir);
  const lines = [key ? `${m.installationKeyFingerprint()[lang]}: ${fingerprintOf(key)}` : m.noInstallationKey()[lang]];
  if (!register) lines.push(m.noSealRegister()[lang]);
  else {
    const head = register.verification.events.at(-1)?.hash ?? '';
    const seals = register.seals.size;
    lines.push(m.sealRegister(seals, head, !register.verification.ok)[lang]);
  }
  return lines;
}
