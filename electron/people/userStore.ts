// The users file, `<data>/people/users.json`: written atomically (temp file, fsync, rename) with the previous
// version kept as `users.json.bak`. A damaged file is never treated as "no users" — that would let anyone
// create a new administrator — and never overwritten: the backup is taken when it is sound, else nobody
// can unlock until the file is repaired (incidents work regardless).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserSchema } from '../../shared/people/userSchema';
import { SlugSchema } from '../../shared/plan/schema';
import type { Text } from '../../shared/text';
import { PEOPLE_MESSAGES } from '../../shared/messages/people';
import { syncDir } from '../files/atomicFile';

export const USERS_FILE_NAME = 'users.json';

export const UsersFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  users: z.array(UserSchema).max(10_000),
  /** Who said they are on duty, since when (a claim, not a login). */
  onDuty: z.strictObject({ userId: SlugSchema, since: z.iso.datetime({ offset: true }) }).nullable(),
});
export type UsersFile = z.infer<typeof UsersFileSchema>;

export const EMPTY_USERS_FILE: UsersFile = { schemaVersion: 1, users: [], onDuty: null };

export type UserStoreLoad =
  | { status: 'ok'; data: UsersFile; existed: boolean }
  /** The main file was unreadable and the backup was sound: it is in use, the damaged file kept aside. */
  | { status: 'restored'; data: UsersFile; damagedCopy: string; reason: string }
  /** Neither file can be read: the files stay as they are. */
  | { status: 'unreadable'; problem: Text };

export class UserStoreWriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`could not write ${file}: ${code}`, { cause });
    this.name = 'UserStoreWriteError';
  }
}

export class UserStore {
  readonly file: string;
  readonly backupFile: string;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
    /** The data folder cannot be written: read what is there, never repair or create anything. */
    private readonly readOnly = false,
  ) {
    this.file = join(dir, USERS_FILE_NAME);
    this.backupFile = `${this.file}.bak`;
  }

  load(): UserStoreLoad {
    if (!this.readOnly) mkdirSync(this.dir, { recursive: true });
    const main = readUsersFile(this.file);
    if (main.ok) return { status: 'ok', data: main.data, existed: true };
    const backup = readUsersFile(this.backupFile);
    if (main.missing && !backup.ok && backup.missing) return { status: 'ok', data: EMPTY_USERS_FILE, existed: false };
    if (!backup.ok) {
      const reason = main.missing ? backup.reason : main.reason;
      return {
        status: 'unreadable',
        problem: PEOPLE_MESSAGES.usersFileUnreadable(this.file, reason),
      };
    }
    if (this.readOnly) return { status: 'ok', data: backup.data, existed: true }; // repaired once it can be written
    // Keep the damaged file as evidence, then put the backup back in place.
    let damagedCopy = '';
    if (!main.missing) {
      const stamp = this.now().toISOString().replace(/[:.]/g, '-');
      damagedCopy = join(this.dir, `users.damaged-${stamp}.json`);
      for (let n = 2; existsSync(damagedCopy); n++) damagedCopy = join(this.dir, `users.damaged-${stamp}-${n}.json`);
      renameSync(this.file, damagedCopy);
    }
    this.writeFile(this.file, backup.data);
    return { status: 'restored', data: backup.data, damagedCopy, reason: main.missing ? 'missing' : main.reason };
  }

  /** Writes `data` durably; the version it replaces becomes the backup. Throws UserStoreWriteError, changing nothing. */
  save(data: UsersFile): void {
    const temp = `${this.file}.tmp`;
    this.writeFile(temp, data, false);
    try {
      // A crash between the two renames leaves only the backup, which `load` puts back: the write in flight
      // is lost, as it was never acknowledged.
      if (existsSync(this.file)) renameSync(this.file, this.backupFile);
      renameSync(temp, this.file);
      syncDir(this.dir);
    } catch (error) {
      throw new UserStoreWriteError(this.file, (error as NodeJS.ErrnoException).code ?? String(error), error);
    }
  }

  private writeFile(path: string, data: UsersFile, rename = true): void {
    const target = rename ? `${path}.tmp` : path;
    let fd: number | undefined;
    try {
      fd = openSync(target, 'w', 0o600);
      writeSync(fd, JSON.stringify(data, null, 2) + '\n');
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      if (rename) renameSync(target, path);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      throw new UserStoreWriteError(path, (error as NodeJS.ErrnoException).code ?? String(error), error);
    }
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type ReadResult = { ok: true; data: UsersFile } | { ok: false; missing: boolean; reason: string };

function readUsersFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code ?? String(error) };
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return { ok: false, missing: false, reason: 'not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, missing: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = UsersFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, missing: false, reason: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const ids = new Set<string>();
  for (const user of parsed.data.users) {
    if (ids.has(user.id)) return { ok: false, missing: false, reason: `duplicate user id ${user.id}` };
    ids.add(user.id);
  }
  return { ok: true, data: parsed.data };
}
