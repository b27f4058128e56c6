// The installation's Ed25519 key pair, made on first use: it seals finished runs so that recomputing a journal's
// hash chain after an edit is detectable too. In the desktop app the private key is encrypted by the OS
// (Electron safeStorage: DPAPI, Keychain, libsecret) where that is available; elsewhere it is a file only its
// owner can read. Either way, whoever runs as that user can still use it: see SECURITY.md.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_MESSAGES } from '../../shared/messages/files';
import { inBothLanguages } from '../../shared/text';

export interface SigningKey {
  /** Base64 SPKI DER: what a seal carries and what auditors pin. */
  publicKey: string;
  keyId: string;
  /** SHA-256 of the public key in groups of four hex digits (Settings and every report show it). */
  fingerprint: string;
  /** How the private key is kept at rest. */
  protection: 'os' | 'file';
  sign(message: string): string;
}

/** The OS's encryption for secrets at rest (Electron safeStorage in the desktop app). */
export interface KeyProtector {
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

/** The private key is kept by the OS of the desktop app, and this program (the CLI, the browser edition) has no way in. */
export class KeyProtectedError extends Error {
  constructor(readonly path: string) {
    super(inBothLanguages(FILE_MESSAGES.keyProtected(path)));
    this.name = 'KeyProtectedError';
  }
}

const PRIVATE_FILE = 'installation-ed25519.key.pem';
const PROTECTED_FILE = 'installation-ed25519.key.os';
const PUBLIC_FILE = 'installation-ed25519.pub.der.b64';

/** SHA-256 of the public key (SPKI DER) in groups of four hex digits: short enough to read out and write down. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

/** The installation's key kept in a file (no OS protection here: the CLI, the browser edition, tests). */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const { dir, plainPath, protectedPath } = keyPaths(dataDir);
  if (existsSync(protectedPath)) throw new KeyProtectedError(protectedPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (!existsSync(plainPath)) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    // 'wx': never overwrite a key another process made a moment ago.
    writeFileSync(plainPath, pem, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(plainPath, 0o600); // the umask may have widened it
  return signingKeyOf(dataDir, createPrivateKey(readFileSync(plainPath)), 'file');
}

/**
 * The installation's key, made if there is none. With a protector (the desktop app, where the OS offers one)
 * the private key is kept encrypted by the OS, and a plain key file left from before is moved under its
 * protection and removed.
 */
export async function loadInstallationKey(dataDir: string, protector?: KeyProtector): Promise<SigningKey> {
  if (!protector) return loadOrCreateSigningKey(dataDir);
  const { dir, plainPath, protectedPath } = keyPaths(dataDir);
  if (existsSync(protectedPath)) {
    return signingKeyOf(dataDir, createPrivateKey(await protector.decrypt(readFileSync(protectedPath))), 'os');
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const pem = existsSync(plainPath)
    ? readFileSync(plainPath, 'utf8')
    : (generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  writeFileSync(protectedPath, await protector.encrypt(pem), { mode: 0o600, flag: 'wx' });
  if (existsSync(plainPath)) unlinkSync(plainPath);
  return signingKeyOf(dataDir, createPrivateKey(pem), 'os');
}

function keyPaths(dataDir: string) {
  const dir = join(dataDir, 'keys');
  return { dir, plainPath: join(dir, PRIVATE_FILE), protectedPath: join(dir, PROTECTED_FILE) };
}

function signingKeyOf(dataDir: string, privateKey: KeyObject, protection: SigningKey['protection']): SigningKey {
  const publicKey = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
  const publicPath = join(dataDir, 'keys', PUBLIC_FILE);
  if (!existsSync(publicPath)) writeFileSync(publicPath, publicKey + '\n');
  return {
    publicKey,
    keyId: keyIdOf(publicKey),
    fingerprint: fingerprintOf(publicKey),
    protection,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

/** The installation's public key, if one was made (for `records verify --data-dir`). Creates nothing. */
export function readPublicKey(dataDir: string): string | undefined {
  const path = join(dataDir, 'keys', PUBLIC_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}
