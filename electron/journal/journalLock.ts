// One writer per journal: a lock file made with O_EXCL beside it. A lock left by a process that died
// (a crash, a power cut) is taken over; a lock held by a live process makes the second writer fail loudly.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export class JournalLockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: string,
  ) {
    super(`journal ${path} is already open for writing (${holder})`);
    this.name = 'JournalLockedError';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export function acquireJournalLock(journalPath: string): () => void {
  const lockPath = `${journalPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockPath);
      if (holder && isAlive(holder)) {
        throw new JournalLockedError(journalPath, `pid ${holder.pid} on ${holder.host} since ${holder.since}`);
      }
      unlinkSync(lockPath); // stale: its process is gone (or the file is unreadable garbage)
    }
  }
  throw new JournalLockedError(journalPath, 'another writer keeps taking the lock');
}

/** The lock's holder; anything but a well-formed record (a torn write, garbage) is undefined and taken over. */
function readLock(lockPath: string): LockInfo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, host, since } = value as Record<string, unknown>;
  if (!Number.isInteger(pid) || (pid as number) <= 0 || typeof host !== 'string' || host === '') return undefined;
  return { pid: pid as number, host, since: typeof since === 'string' ? since : '?' };
}

function isAlive(lock: LockInfo): boolean {
  if (lock.host !== hostname()) return true; // another machine on a shared folder: never steal
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but not ours to signal
  }
}
