// The branch's password for its head-office login, kept apart from settings (which are a plain JSON file anyone
// reading the data folder sees). In the desktop app the OS encrypts it (Electron safeStorage: DPAPI, Keychain,
// libsecret) through the same KeyProtector the installation key uses; the browser edition and the CLI, which have
// no such service, keep it in a file only its owner can read (`<data>/keys/hq-password`) — the documented fallback,
// as for the installation key (SECURITY.md).
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomicFile';
import type { KeyProtector } from '../journal/signingKey';

/** The branch's own login's file; another login kept the same way (the head-office console's) names its own. */
export const BRANCH_PASSWORD_FILE = 'hq-password';

function paths(dataDir: string, name = BRANCH_PASSWORD_FILE) {
  const dir = join(dataDir, 'keys');
  return { dir, plain: join(dir, name), protectedFile: join(dir, `${name}.os`) };
}

export async function saveHeadOfficePassword(
  dataDir: string,
  password: string,
  protector?: KeyProtector,
  name = BRANCH_PASSWORD_FILE,
): Promise<'os' | 'file'> {
  const { dir, plain, protectedFile } = paths(dataDir, name);
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
export async function loadHeadOfficePassword(
  dataDir: string,
  protector?: KeyProtector,
  name = BRANCH_PASSWORD_FILE,
): Promise<string | undefined> {
  const { plain, protectedFile } = paths(dataDir, name);
  if (existsSync(protectedFile)) return protector ? protector.decrypt(readFileSync(protectedFile)) : undefined;
  return existsSync(plain) ? readFileSync(plain, 'utf8') : undefined;
}

/** The password in memory for the running app, loaded once and replaced when an administrator sets a new one. */
export class HeadOfficeCredentials {
  private constructor(
    private readonly dataDir: string,
    private readonly protector: KeyProtector | undefined,
    private current: string | undefined,
    private readonly name: string,
  ) {}

  /** `name`: the file the password is kept in under `<data>/keys/` (the branch's login's by default). */
  static async load(
    dataDir: string,
    protector?: KeyProtector,
    name = BRANCH_PASSWORD_FILE,
  ): Promise<HeadOfficeCredentials> {
    const password = await loadHeadOfficePassword(dataDir, protector, name).catch(() => undefined);
    return new HeadOfficeCredentials(dataDir, protector, password, name);
  }

  password(): string | undefined {
    return this.current;
  }

  /** How the stored password is kept: by the OS, in an owner-only file, or not at all. */
  kind(): 'none' | 'os' | 'file' {
    const { plain, protectedFile } = paths(this.dataDir, this.name);
    return existsSync(protectedFile) ? 'os' : existsSync(plain) ? 'file' : 'none';
  }

  async set(password: string): Promise<void> {
    await saveHeadOfficePassword(this.dataDir, password, this.protector, this.name);
    this.current = password;
  }
}
