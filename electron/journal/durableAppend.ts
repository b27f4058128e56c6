// Appends bytes to an open file and waits until they are on disk: the one write path of the run journals and
// the audit trail. Synchronous on purpose: a few hundred bytes at the pace of human taps, where two thread-pool
// round trips per event cost more than the disk does (`npm run bench -- journal`).
import { fsyncSync, writeSync } from 'node:fs';

/** Writes all of `bytes` at the file's end and fsyncs; throws the system's error (ENOSPC, EIO…) otherwise. */
export function appendDurably(fd: number, bytes: Buffer): void {
  // A short write (a nearly full disk) is continued, so the real cause (ENOSPC) is what gets reported.
  for (let written = 0; written < bytes.length;) {
    const n = writeSync(fd, bytes, written);
    if (n === 0) throw Object.assign(new Error('no progress writing'), { code: 'EIO' });
    written += n;
  }
  fsyncSync(fd);
}
