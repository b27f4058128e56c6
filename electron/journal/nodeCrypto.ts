// SHA-256 and Ed25519 verification with node:crypto, in the shape the shared journal code takes.
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { JournalCrypto } from '../../shared/journal/verify';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const nodeJournalCrypto: JournalCrypto = {
  sha256: sha256Hex,
  sha256Parts: (parts) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part, 'utf8');
    return hash.digest('hex');
  },
  byteLength: (text) => Buffer.byteLength(text, 'utf8'),
  verifySignature(publicKey, message, signature) {
    try {
      const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
      return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
    } catch {
      return false; // a malformed key or signature is simply not a valid seal
    }
  },
};
