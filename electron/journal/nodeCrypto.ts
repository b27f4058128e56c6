// SHA-256 and Ed25519 verification with node:crypto, in the shape the shared journal code takes.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
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
      return verify(null, Buffer.from(message, 'utf8'), keyObjectOf(publicKey), Buffer.from(signature, 'base64'));
    } catch {
      return false; // a malformed key or signature is simply not a valid seal
    }
  },
};

/**
 * Parsed public keys, by their base64 text: a history holds thousands of seals made with the same one or two keys,
 * and parsing the DER each time costs a third of verifying a run.
 */
const keyObjects = new Map<string, KeyObject>();
function keyObjectOf(publicKey: string): KeyObject {
  let key = keyObjects.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (keyObjects.size >= 64) keyObjects.clear(); // bounded: odd keys (forgeries, imports) cannot grow it
    keyObjects.set(publicKey, key);
  }
  return key;
}
