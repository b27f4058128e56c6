// SHA-256 and Ed25519 verification with node:crypto, in the shape the shared journal code takes.
import { createPublicKey, hash, verify, type KeyObject } from 'node:crypto';
import type { JournalCrypto } from '../../shared/journal/verify';

// One-shot hashing (crypto.hash, Node ≥ 20.12): for lines of a few hundred bytes, making a Hash object per line
// cost more than the hashing itself.
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

export const nodeJournalCrypto: JournalCrypto = {
  sha256: sha256Hex,
  sha256Parts: (parts) => hash('sha256', parts.join(''), 'hex'),
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
