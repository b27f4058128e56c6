// The installation's Ed25519 key pair, made on first use: it seals finished runs so that recomputing
// a journal's hash chain after an edit is detectable too. The private key is readable by its owner only.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKey {
  /** Base64 SPKI DER: what a seal carries and what auditors pin. */
  publicKey: string;
  keyId: string;
  sign(message: string): string;
}

const PRIVATE_FILE = 'installation-ed25519.key.pem';
const PUBLIC_FILE = 'installation-ed25519.pub.der.b64';

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, PRIVATE_FILE);
  let privateKey: KeyObject;
  if (existsSync(privatePath)) {
    privateKey = createPrivateKey(readFileSync(privatePath));
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    // 'wx': never overwrite a key another process made a moment ago.
    writeFileSync(privatePath, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    chmodSync(privatePath, 0o600); // the umask may have widened it
  }
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
  const publicPath = join(dir, PUBLIC_FILE);
  if (!existsSync(publicPath)) writeFileSync(publicPath, publicKey + '\n');
  return {
    publicKey,
    keyId: keyIdOf(publicKey),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

/** The installation's public key, if one was made (for `records verify --data-dir`). */
export function readPublicKey(dataDir: string): string | undefined {
  const path = join(dataDir, 'keys', PUBLIC_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}
