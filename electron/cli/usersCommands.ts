// `users list`, `users reset-pin` and `users unlock`: the way back when the only administrator has forgotten their
// PIN or is locked out by wrong PINs. Whoever can run this can already write the data folder, so it asks for
// nothing more — but it refuses while the app has the folder open, and the change goes on the audit trail like
// any other. `users list` only reads: it works while the app is open and never writes to the folder.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { notFound } from '../../shared/api/errors';
import { API_MESSAGES } from '../../shared/messages/api';
import { CLI_MESSAGES } from '../../shared/messages/cli';
import { inBothLanguages } from '../../shared/text';
import { ROLE_LABELS } from '../../shared/people/roles';
import { AuditLog } from '../audit/auditLog';
import type { DataDirChoice } from '../dataDir';
import { JournalLockedError } from '../journal/journalLock';
import { keyIdOf, readPublicKey } from '../journal/signingKey';
import { PeopleService } from '../people/peopleService';
import { UserStore } from '../people/userStore';
import { dataFolderExists, dataFolderLine, dataFolderOf, defineCommand, parseCommandArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

export const USERS_LIST = defineCommand({
  name: 'users list',
  forms: [{ synopsis: 'users list [--data-dir DIR] [--json]', about: ['the users, their roles and lockouts'] }],
  options: { json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
  dataFolder: true,
});

export const USERS_RESET_PIN = defineCommand({
  name: 'users reset-pin',
  forms: [
    {
      synopsis: 'users reset-pin <user-id> [--data-dir DIR]',
      about: [
        "a forgotten PIN (the only administrator's): the new PIN is",
        'read from standard input; recorded in the audit trail',
      ],
    },
  ],
  options: { 'data-dir': { type: 'string' } },
  dataFolder: true,
});

export const USERS_UNLOCK = defineCommand({
  name: 'users unlock',
  forms: [
    {
      synopsis: 'users unlock <user-id> [--data-dir DIR]',
      about: ['lift a lockout after wrong PINs; the PIN stays the same;', 'recorded in the audit trail'],
    },
  ],
  options: { 'data-dir': { type: 'string' } },
  dataFolder: true,
});

/** The installation's name in a trail this command would start: its key id, as the app writes it. */
function installationOf(dataDir: string): string {
  const publicKey = readPublicKey(dataDir); // never the private key: the desktop app's may be the OS's to open
  return publicKey ? keyIdOf(publicKey) : 'no-key';
}

/**
 * The people of a data folder as they are on disk, read without a lock and without writing anything: the users
 * file is not repaired from its backup, and the audit trail (for lockouts) is read, not opened.
 */
function peopleAsTheyAre(dataDir: string): PeopleService {
  const audit = AuditLog.openInMemory(join(dataDir, 'audit'), installationOf(dataDir));
  return new PeopleService({ store: new UserStore(join(dataDir, 'people'), undefined, true), audit });
}

/**
 * Opens the people of a data folder for changing them, for as long as `work` runs. Refused while the app has the
 * folder open (the trail's lock), and for a user who is not there, before anything is written.
 */
async function withPeople<T>(folder: DataDirChoice, userId: string, work: (people: PeopleService) => Promise<T>) {
  const dataDir = folder.dir;
  const seen = peopleAsTheyAre(dataDir);
  const problem = seen.storeProblem();
  if (problem) throw new CliRefusal(`${problem['zh-CN']}\n${problem.en}`);
  if (!seen.user(userId)) throw notFound(API_MESSAGES.userNotFound(userId));
  let audit: AuditLog;
  try {
    audit = AuditLog.open(join(dataDir, 'audit'), installationOf(dataDir)).audit;
  } catch (error) {
    if (error instanceof JournalLockedError) {
      throw new CliRefusal(inBothLanguages(CLI_MESSAGES.dataFolderOpen(error.holder)));
    }
    throw error;
  }
  try {
    return await work(new PeopleService({ store: new UserStore(join(dataDir, 'people')), audit }));
  } finally {
    audit.close();
  }
}

class CliRefusal extends Error {}

/** Lists the users; reads the folder and changes nothing in it (no key, no lock, no repaired file). */
export async function usersList(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(USERS_LIST, argv, io);
  if (!args) return EXIT_OK;
  if (args.positionals.length > 0) throw new UsageError('users list takes no user id');
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const people = peopleAsTheyAre(folder.dir);
  const problem = people.storeProblem();
  if (problem) {
    io.err(`${problem['zh-CN']}\n${problem.en}`);
    return EXIT_FINDINGS;
  }
  const users = people.list();
  if (args.values.json) io.out(JSON.stringify(users, null, 2));
  else {
    for (const u of users) {
      const role = `${ROLE_LABELS[u.role]['zh-CN']}/${ROLE_LABELS[u.role].en}`;
      const state = [u.disabled ? 'disabled' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : '']
        .filter(Boolean)
        .join(', ');
      io.out(`${u.id}  ${u.name}  ${role}${state ? `  (${state})` : ''}`);
    }
    if (users.length === 0) io.out(inBothLanguages(CLI_MESSAGES.noUsers()));
  }
  return EXIT_OK;
}

/** `users reset-pin <user-id>`: the new PIN is read from standard input (never an argument: it would show in `ps`). */
export async function usersResetPin(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(USERS_RESET_PIN, argv, io);
  if (!args) return EXIT_OK;
  const [userId] = args.positionals;
  if (!userId || args.positionals.length > 1) throw new UsageError('users reset-pin takes one user id');
  if (!io.readLine) throw new UsageError('users reset-pin reads the new PIN from standard input');
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  const pin = (await io.readLine()).trim();
  try {
    return await withPeople(folder, userId, async (people) => {
      const by = { id: `cli:${userInfo().username}` };
      const user = await people.resetPin(by, userId, pin);
      io.out(inBothLanguages(CLI_MESSAGES.pinReset(user.name)));
      io.out(dataFolderLine(folder));
      return EXIT_OK;
    });
  } catch (error) {
    if (error instanceof CliRefusal) return refuse(io, error);
    throw error; // ApiErrors (unknown user, weak PIN) are printed bilingually by runCli
  }
}

/**
 * `users unlock <user-id>`: lifts a lockout (and any wait) after wrong PINs, keeping the PIN — the way back for an
 * administrator locked out by someone typing wrong PINs for them. Recorded as `user.lockoutCleared`.
 */
export async function usersUnlock(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(USERS_UNLOCK, argv, io);
  if (!args) return EXIT_OK;
  const [userId] = args.positionals;
  if (!userId || args.positionals.length > 1) throw new UsageError('users unlock takes one user id');
  const folder = dataFolderOf(args.values['data-dir']);
  if (!dataFolderExists(folder, io)) return EXIT_FINDINGS;
  try {
    return await withPeople(folder, userId, async (people) => {
      const before = people.user(userId);
      const lockedUntil = before ? people.publicUser(before).lockedUntil : undefined;
      const user = await people.clearLockout({ id: `cli:${userInfo().username}` }, userId);
      io.out(
        inBothLanguages(
          lockedUntil ? CLI_MESSAGES.lockoutLifted(user.name, lockedUntil) : CLI_MESSAGES.wrongPinsCleared(user.name),
        ),
      );
      io.out(dataFolderLine(folder));
      return EXIT_OK;
    });
  } catch (error) {
    if (error instanceof CliRefusal) return refuse(io, error);
    throw error; // ApiErrors (unknown user) are printed bilingually by runCli
  }
}

function refuse(io: CliIo, error: Error): number {
  io.err(error.message);
  return EXIT_FINDINGS;
}
