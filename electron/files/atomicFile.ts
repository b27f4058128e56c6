// Whole-file writes that a crash cannot leave half done: the bytes go to a temp file beside the target, are
// fsynced, then take the target's name in one rename (or link, when the target must not already exist), and the
// folder is fsynced so the new name itself survives a power cut.
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AtomicWriteOptions {
  /** Refuse (EEXIST) when the target exists, instead of replacing it: for files that are never rewritten. */
  exclusive?: boolean;
  mode?: number;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = `${path}.${process.pid}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temp, 'w', options.mode ?? 0o600);
    try {
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true }); // a full disk leaves no temp file behind
    throw error;
  }
  try {
    // link() fails if the name is taken, and is as atomic as rename: an immutable file is never replaced.
    if (options.exclusive) {
      linkSync(temp, path);
      rmSync(temp, { force: true });
    } else renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDir(dirname(path));
}

/**
 * Makes a folder's entries (a new or renamed file) durable. Platforms that cannot open a folder for fsync (Windows:
 * EISDIR, EPERM…) are skipped: there the rename is as durable as the file system makes it.
 */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The errors of opening or fsyncing a folder where the platform does not support it. */
export const DIR_SYNC_UNSUPPORTED: ReadonlySet<string> = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP']);
