// PINs are stored only as salted scrypt hashes, as `scrypt$N$r$p$saltB64$hashB64` so the parameters can change later.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export { isValidPin, PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../shared/people/pinRules';

/** scrypt's cost: memory and time grow with N·r, parallel work with p. */
export interface PinHashCost {
  N: number;
  r: number;
  p: number;
}

/** The cost of new hashes. Old hashes keep the cost they were made with. */
export const PIN_HASH_COST: Readonly<PinHashCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Bounds on what a stored string may ask for, so a damaged or hostile file cannot make us allocate gigabytes. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** `cost` is for tests only, which hash hundreds of PINs: production code never passes it. */
export async function hashPin(pin: string, cost: PinHashCost = PIN_HASH_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(pin, salt, KEY_LENGTH, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `pin` matches `stored`. A malformed or tampered `stored` is false, never an exception. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || typeof pin !== 'string') return false;
  try {
    const actual = await derive(pin, parsed.salt, parsed.hash.length, parsed.params);
    return timingSafeEqual(actual, parsed.hash);
  } catch {
    return false;
  }
}

function derive(pin: string, salt: Buffer, keyLength: number, params: PinHashCost): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default limit (32 MiB) is just below that for N = 2^15, r = 8.
  const options: ScryptOptions = { ...params, maxmem: 128 * params.r * (params.N + params.p + 2) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const POSITIVE_INT = /^[1-9][0-9]{0,9}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function parseStored(stored: string): { params: PinHashCost; salt: Buffer; hash: Buffer } | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  if (![nText, rText, pText].every((text) => POSITIVE_INT.test(text))) return undefined;
  if (!BASE64.test(saltText) || !BASE64.test(hashText)) return undefined;
  const params = { N: Number(nText), r: Number(rText), p: Number(pText) };
  const powerOfTwo = params.N >= 2 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > 2 ** 20 || params.r > 32 || params.p > 16) return undefined;
  if (128 * params.r * (params.N + params.p + 2) > MAX_SCRYPT_MEMORY) return undefined;
  const salt = Buffer.from(saltText, 'base64');
  const hash = Buffer.from(hashText, 'base64');
  // No shorter than new hashes: a truncated hash is a prefix of the full one and would otherwise still match.
  if (salt.length < SALT_LENGTH || salt.length > 64 || hash.length < KEY_LENGTH || hash.length > 64) return undefined;
  return { params, salt, hash };
}
