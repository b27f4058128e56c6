// The lines every records report of the CLI ends with: the installation key's fingerprint and the seal register's
// size and head hash, so that what "verified" rested on can be written down and compared later.
import type { Language } from '../../shared/plan/schema';
import { readSealRegister } from '../journal/sealRegister';
import { fingerprintOf, readPublicKey } from '../journal/signingKey';

export function witnessLines(dataDir: string, lang: Language): string[] {
  const zh = lang === 'zh-CN';
  const key = readPublicKey(dataDir);
  const register = readSealRegister(dataDir);
  const lines = [
    key
      ? `${zh ? '本机密钥指纹' : 'installation key fingerprint'}: ${fingerprintOf(key)}`
      : zh
        ? '本机密钥：无（从未封存过记录）'
        : 'installation key: none (nothing was ever sealed here)',
  ];
  if (!register) lines.push(zh ? '封存登记簿：无' : 'seal register: none');
  else {
    const head = register.verification.events.at(-1)?.hash ?? '';
    const seals = register.seals.size;
    lines.push(
      zh
        ? `封存登记簿：${seals} 条封存，头哈希 ${head}${register.verification.ok ? '' : '（登记簿已损坏）'}`
        : `seal register: ${seals} seals, head ${head}${register.verification.ok ? '' : ' (the register is damaged)'}`,
    );
  }
  return lines;
}
