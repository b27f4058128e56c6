// The branch's password for its head-office login, kept apart from settings (which are a plain JSON file anyone
// reading the data folder sees). In the desktop app the OS encrypts it (Electron safeStorage: DPAPI, Keychain,
// libsecret) through the same KeyProtector the installation key uses; the browser edition and the CLI, which have
// no such service, keep it in a file only its owner can read (`<data>/keys/hq-password`) — the documented fallback,
// as for the installation key (SECURITY.md).
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomicFile';
import type { KeyProtector } from '../journal/signingKey';

const PLAIN_FILE = 'hq-password';
const PROTECTED_FILE = 'hq-password.os';

function paths(dataDir: string) {
  const dir = join(dataDir, 'keys');
  return { dir, plain: join(dir, PLAIN_FILE), protectedFile: join(dir, PROTECTED_FILE) };
}

export async function saveHeadOfficePassword(
  dataDir: string,
  password: string,
  protector?: KeyProtector,
): Promise<'os' | 'file'> {
  const { dir, plain, protectedFile } = paths(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (protector) {
    writeFileAtomic(protectedFile, await protector.encrypt(password), { mode: 0o600 });
    rmSync(plain, { force: true }); // never both: a plain copy would defeat the OS's protection
    return 'os';
  }
  writeFileAtomic(plain, password, { mode: 0o600 });
  chmodSync(plain, 0o600);
  return 'file';
}

/** The stored password, or undefined when none was saved (or it is the OS's and this program has no protector). */
export async function loadHeadOfficePassword(dataDir: string, protector?: KeyProtector): Promise<string | undefined> {
  const { plain, protectedFile } = paths(dataDir);
  if (existsSync(protectedFile)) return protector ? protector.decrypt(readFileSync(protectedFile)) : undefined;
  return existsSync(plain) ? readFileSync(plain, 'utf8') : undefined;
}

/** The password in memory for the running app, loaded once and replaced when an administrator sets a new one. */
export class HeadOfficeCredentials {
  private constructor(
    private readonly dataDir: string,
    private readonly protector: KeyProtector | undefined,
    private current: string | undefined,
  ) {}

  static async load(dataDir: string, protector?: KeyProtector): Promise<HeadOfficeCredentials> {
    const password = await loadHeadOfficePassword(dataDir, protector).catch(() => undefined);
    return new HeadOfficeCredentials(dataDir, protector, password);
  }

  password(): string | undefined {
    return this.current;
  }

  /** How the stored password is kept: by the OS, in an owner-only file, or not at all. */
  kind(): 'none' | 'os' | 'file' {
    const { plain, protectedFile } = paths(this.dataDir);
    return existsSync(protectedFile) ? 'os' : existsSync(plain) ? 'file' : 'none';
  }

  async set(password: string): Promise<void> {
    await saveHeadOfficePassword(this.dataDir, password, this.protector);
    this.current = password;
  }
}
