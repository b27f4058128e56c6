// `users list`, `users reset-pin` and `users unlock`: the way back when the only administrator has forgotten their
// PIN or is locked out by wrong PINs. Whoever can run this can already write the data folder, so it asks for
// nothing more — but it refuses while the app has the folder open, and the change goes on the audit trail like
// any other.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ROLE_LABELS } from '../../shared/people/roles';
import { AuditLog } from '../audit/auditLog';
import { dataDirOverride, defaultDataDir } from '../dataDir';
import { JournalLockedError } from '../journal/journalLock';
import { loadOrCreateSigningKey } from '../journal/signingKey';
import { PeopleService } from '../people/peopleService';
import { UserStore } from '../people/userStore';
import { parseArgs } from './args';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

/** Opens the people of a data folder for as long as `work` runs. */
async function withPeople<T>(dataDirOption: string | undefined, work: (people: PeopleService) => Promise<T>) {
  const dataDir =
    dataDirOption === undefined ? defaultDataDir() : (dataDirOverride(['--data-dir', dataDirOption]) ?? '');
  let audit: AuditLog;
  try {
    audit = AuditLog.open(join(dataDir, 'audit'), loadOrCreateSigningKey(dataDir).keyId).audit;
  } catch (error) {
    if (error instanceof JournalLockedError) {
      throw new CliRefusal(
        `Guardbook 正在使用此数据目录，请先关闭它 / Guardbook has this data folder open; close it first (${error.holder})`,
      );
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

export async function usersList(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['data-dir'] });
  try {
    return await withPeople(args.options.get('data-dir'), async (people) => {
      const problem = people.storeProblem();
      if (problem) {
        io.err(`${problem['zh-CN']}\n${problem.en}`);
        return EXIT_FINDINGS;
      }
      const users = people.list();
      if (args.flags.has('json')) io.out(JSON.stringify(users, null, 2));
      else {
        for (const u of users) {
          const role = `${ROLE_LABELS[u.role]['zh-CN']}/${ROLE_LABELS[u.role].en}`;
          const state = [u.disabled ? 'disabled' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : '']
            .filter(Boolean)
            .join(', ');
          io.out(`${u.id}  ${u.name}  ${role}${state ? `  (${state})` : ''}`);
        }
        if (users.length === 0) io.out('没有用户 / no users');
      }
      return EXIT_OK;
    });
  } catch (error) {
    if (error instanceof CliRefusal) return refuse(io, error);
    throw error;
  }
}

/** `users reset-pin <user-id>`: the new PIN is read from standard input (never an argument: it would show in `ps`). */
export async function usersResetPin(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['data-dir'] });
  const [userId] = args.positionals;
  if (!userId || args.positionals.length > 1) throw new UsageError('users reset-pin takes one user id');
  if (!io.readLine) throw new UsageError('users reset-pin reads the new PIN from standard input');
  const pin = (await io.readLine()).trim();
  try {
    return await withPeople(args.options.get('data-dir'), async (people) => {
      const by = { id: `cli:${userInfo().username}` };
      const user = await people.resetPin(by, userId, pin);
      io.out(
        `已为 ${user.name} 设置新 PIN（已记入审计记录） / New PIN set for ${user.name} (recorded in the audit trail)`,
      );
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
  const args = parseArgs(argv, { flags: [], options: ['data-dir'] });
  const [userId] = args.positionals;
  if (!userId || args.positionals.length > 1) throw new UsageError('users unlock takes one user id');
  try {
    return await withPeople(args.options.get('data-dir'), async (people) => {
      const problem = people.storeProblem();
      if (problem) {
        io.err(`${problem['zh-CN']}\n${problem.en}`);
        return EXIT_FINDINGS;
      }
      const before = people.user(userId);
      const lockedUntil = before ? people.publicUser(before).lockedUntil : undefined;
      const user = await people.clearLockout({ id: `cli:${userInfo().username}` }, userId);
      io.out(
        lockedUntil
          ? `已解除 ${user.name} 的锁定（原至 ${lockedUntil}；PIN 未变；已记入审计记录） / Lockout lifted for ${user.name} (was until ${lockedUntil}; PIN unchanged; recorded in the audit trail)`
          : `${user.name} 未被锁定；错误 PIN 计数已清零（已记入审计记录） / ${user.name} was not locked out; wrong-PIN count cleared (recorded in the audit trail)`,
      );
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
