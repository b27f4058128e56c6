// The run journal on disk: canonical hash-chained lines, one writer, damage found with line and byte,
// torn tails recovered at every possible cut, and a real full disk (a tiny tmpfs) refusing writes.
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/json/canonicalJson';
import { chainEvent, GENESIS_HASH, journalLine, type JournalEvent } from '../../shared/journal/format';
import { verifyJournalText, type FailureReason } from '../../shared/journal/verify';
import {
  JournalCorruptError,
  JournalFile,
  JournalNeverStartedError,
  JournalSealedError,
  JournalWriteError,
  readJournal,
} from '../../electron/journal/journalFile';
import { acquireJournalLock, JournalLockedError } from '../../electron/journal/journalLock';
import { nodeJournalCrypto, sha256Hex } from '../../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey, type SigningKey } from '../../electron/journal/signingKey';
import { ApiError } from '../../shared/api/errors';
import { createBackend } from '../../electron/backend/backend';
import { PLANS_DIR } from '../../electron/build/projectPaths';
import { EngineHarness, fixtureLibrary, lineStarts, startedData, tempDir } from '../support/runJournal';

const crypto = nodeJournalCrypto;

import { lines, sampleJournal, type Sample } from '../support/journalSample';
const joinLines = (list: readonly string[]): string => list.map((l) => l + '\n').join('');
const byteOffsetOfLine = (text: string, line: number): number =>
  Buffer.byteLength(
    lines(text)
      .slice(0, line - 1)
      .join('\n') + (line > 1 ? '\n' : ''),
    'utf8',
  );

function expectFailure(text: string, line: number, reason: FailureReason, trustedKeys?: string[]) {
  const v = verifyJournalText(text, crypto, trustedKeys ? { trustedKeys } : {});
  expect(v.ok).toBe(false);
  expect(v.failure).toMatchObject({ line, reason, offset: byteOffsetOfLine(text, line) });
  expect(v.intactBytes).toBe(byteOffsetOfLine(text, line));
  expect(v.events).toHaveLength(line - 1);
  expect(v.failure!.message.en.length).toBeGreaterThan(0);
  expect(v.failure!.message['zh-CN'].length).toBeGreaterThan(0);
  return v;
}

describe('JournalFile: create, append, close, reopen', () => {
  it('writes one canonical line per event, numbered 1..n and chained, and verifies', async () => {
    const { path, bytes, text, events } = await sampleJournal({ sealed: false });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.map((e) => e.type)).toEqual([
      'run.started',
      'step.completed',
      'checklist.ticked',
      'note.added',
      'step.overdue',
      'contact.called',
    ]);
    expect(events[0]!.prev).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev).toBe(events[i - 1]!.hash);
    for (const e of events) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.hash).toBe(chainEvent(e.prev, e, sha256Hex).hash);
    }
    // The file is exactly the canonical lines, byte for byte, and each line re-serialises to itself.
    expect(text).toBe(events.map(journalLine).join(''));
    for (const line of lines(text)) expect(canonicalJson(JSON.parse(line))).toBe(line);
    expect(events[3]!.data).toEqual({ text: '嫌疑人向北逃离 \u001f', step: 'observe' });
    expect(events[1]!.at).toBe('2026-03-01T08:00:02.000Z');

    const v = verifyJournalText(text, crypto);
    expect(v).toMatchObject({ ok: true, seal: 'none', intactBytes: bytes.length });
    expect(v.events).toEqual(events);
    expect(await readJournal(path)).toEqual(v);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('reopens with the same events and head, and continues the chain', async () => {
    const { path, events } = await sampleJournal({ sealed: false });
    const { journal, recovered } = await JournalFile.open(path, { now: () => new Date('2026-03-01T09:00:00Z') });
    expect(recovered).toBeUndefined();
    expect(journal.events).toEqual(events);
    expect(journal.head).toBe(events.at(-1)!.hash);
    expect(journal.sealed).toBe(false);
    const next = await journal.append('note.added', null, { text: 'after reopening' });
    expect(next).toMatchObject({ seq: 7, prev: events.at(-1)!.hash, at: '2026-03-01T09:00:00.000Z', by: null });
    await journal.close();
    await journal.close(); // twice is harmless
    await expect(journal.append('note.added', null, { text: 'closed' })).rejects.toThrow(/closed/);
    const v = await readJournal(path);
    expect(v.ok).toBe(true);
    expect(v.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(v.events.slice(0, 6)).toEqual(events);
  });

  it('runs concurrent appends one at a time, in call order', async () => {
    const dir = tempDir();
    const path = join(dir, 'run.jsonl');
    const journal = await JournalFile.create(path, null, startedData());
    const written = await Promise.all(
      Array.from({ length: 20 }, (_, i) => journal.append('note.added', null, { text: `note ${i}` })),
    );
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(written.map((e) => (e.data as { text: string }).text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `note ${i}`),
    );
    await journal.close();
    expect((await readJournal(path)).ok).toBe(true);
  });

  it('never creates over an existing file', async () => {
    const { path, bytes } = await sampleJournal({ sealed: false });
    await expect(JournalFile.create(path, null, startedData())).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path)).toEqual(bytes);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe('one writer per journal', () => {
  it('refuses a second writer in the same process while the first is open, and allows it after close', async () => {
    const { path } = await sampleJournal({ sealed: false });
    const first = await JournalFile.open(path);
    const lock = JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; host: string; since: string };
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(JournalFile.open(path)).rejects.toBeInstanceOf(JournalLockedError);
    await expect(JournalFile.open(path)).rejects.toThrow(new RegExp(`pid ${process.pid} on `));
    expect(() => acquireJournalLock(path)).toThrow(JournalLockedError);
    // The refused writer changed nothing: the first can still append.
    await first.journal.append('note.added', null, { text: 'still mine' });
    await first.journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);

    const second = await JournalFile.open(path);
    expect(second.journal.events.at(-1)!.data).toEqual({ text: 'still mine' });
    await second.journal.close();
  });

  it('takes over a lock left by a process that has died', async () => {
    const { path, events } = await sampleJournal({ sealed: false });
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    expect(() => process.kill(pid, 0)).toThrow(); // really gone
    writeFileSync(`${path}.lock`, JSON.stringify({ pid, host: hostname(), since: '2026-03-01T07:00:00.000Z' }));

    const { journal } = await JournalFile.open(path);
    expect(journal.events).toEqual(events);
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over an unreadable lock file, but never one held by a live process or another host', async () => {
    const { path } = await sampleJournal({ sealed: false });
    writeFileSync(`${path}.lock`, '{"pid": 12'); // torn lock write
    await (await JournalFile.open(path)).journal.close();

    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: child.pid, host: hostname(), since: 'x' }));
      await expect(JournalFile.open(path)).rejects.toThrow(new RegExp(`pid ${child.pid} on`));
    } finally {
      child.kill('SIGKILL');
    }
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 1, host: 'another-machine', since: 'x' }));
    await expect(JournalFile.open(path)).rejects.toBeInstanceOf(JournalLockedError);
    unlinkSync(`${path}.lock`);
  });
});

describe('verifyJournalText: every kind of damage, with its line, byte offset and reason', () => {
  let sample: Sample;
  let key: SigningKey;
  beforeAll(async () => {
    key = loadOrCreateSigningKey(tempDir('guardbook-key-'));
    sample = await sampleJournal({ sealed: true, key });
  });

  it('passes the intact sealed sample, pinned to its key or not', () => {
    expect(verifyJournalText(sample.text, crypto)).toMatchObject({ ok: true, seal: 'valid', keyId: key.keyId });
    expect(verifyJournalText(sample.text, crypto, { trustedKeys: [key.publicKey] })).toMatchObject({
      ok: true,
      seal: 'valid',
    });
    expect(sample.events.map((e) => e.type).slice(-3)).toEqual(['run.ended', 'run.signedOff', 'run.sealed']);
  });

  it('finds a deleted line', () => {
    const list = lines(sample.text);
    expectFailure(joinLines([...list.slice(0, 3), ...list.slice(4)]), 4, 'seq-gap');
    expectFailure(joinLines(list.slice(1)), 1, 'seq-gap');
  });

  it('cannot tell a missing seal line from a run that was never sealed: it verifies, and says "none"', () => {
    // Cutting whole lines off the end is only visible against the seal; `records verify` prints "not sealed".
    const list = lines(sample.text);
    expect(verifyJournalText(joinLines(list.slice(0, -1)), crypto)).toMatchObject({ ok: true, seal: 'none' });
  });

  it('finds a duplicated line', () => {
    const list = lines(sample.text);
    expectFailure(joinLines([...list.slice(0, 4), list[3]!, ...list.slice(4)]), 5, 'seq-duplicate');
  });

  it('finds two lines swapped', () => {
    const list = lines(sample.text);
    expectFailure(joinLines([...list.slice(0, 2), list[3]!, list[2]!, ...list.slice(4)]), 3, 'seq-gap');
  });

  it('finds a line appended after the seal, even one chained correctly', () => {
    const last = sample.events.at(-1)!;
    const extra = chainEvent(
      last.hash,
      { seq: last.seq + 1, at: '2026-03-01T10:00:00.000Z', type: 'note.added', by: null, data: { text: 'later' } },
      sha256Hex,
    );
    const v = expectFailure(sample.text + journalLine(extra), sample.events.length + 1, 'after-seal');
    expect(v.seal).toBe('valid');
  });

  it('finds a chain recomputed after an edit by someone without the key: the seal no longer signs the head', () => {
    const edited: JournalEvent[] = [];
    let prev = GENESIS_HASH;
    for (const event of sample.events) {
      const data = event.type === 'note.added' ? { ...(event.data as object), text: '嫌疑人向南逃离' } : event.data;
      const next = chainEvent(prev, { ...event, data }, sha256Hex);
      edited.push(next);
      prev = next.hash;
    }
    const text = edited.map(journalLine).join('');
    // Every line's prev and hash are consistent again; only the seal gives it away.
    const v = expectFailure(text, edited.length, 'bad-signature');
    expect(v.seal).toBe('invalid');

    // Rewriting the seal's head to the new head does not help without the private key.
    const sealLine = edited.at(-1)!;
    const forged = chainEvent(
      edited.at(-2)!.hash,
      { ...sealLine, data: { ...(sealLine.data as object), head: edited.at(-2)!.hash } },
      sha256Hex,
    );
    expectFailure([...edited.slice(0, -1), forged].map(journalLine).join(''), edited.length, 'bad-signature');
  });

  it('finds a seal made with another key when the installation key is pinned', async () => {
    const other = loadOrCreateSigningKey(tempDir('guardbook-key-'));
    const resealed = await sampleJournal({ sealed: true, key: other });
    // Unpinned, another key's seal is internally valid; pinned, it is refused.
    expect(verifyJournalText(resealed.text, crypto)).toMatchObject({ ok: true, seal: 'valid', keyId: other.keyId });
    const v = expectFailure(resealed.text, resealed.events.length, 'untrusted-key', [key.publicKey]);
    expect(v).toMatchObject({ seal: 'untrusted', keyId: other.keyId });
    expect(v.failure!.message.en).toContain(other.keyId);
  });

  it('finds a torn last line and a line that is not JSON', () => {
    const list = lines(sample.text);
    expectFailure(sample.text.slice(0, -1), list.length, 'torn');
    expectFailure(joinLines([...list.slice(0, 2), '{"seq":3', ...list.slice(3)]), 3, 'bad-json');
  });
});

describe('reopening after a crash: a torn last line is moved aside, anything else is corruption', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleJournal({ sealed: false });
  });

  // A cut inside the first line means the run was never acknowledged as started (create resolves only after
  // run.started is fsynced): there is nothing to resume, and the bytes are kept aside whole.
  it('moves a journal cut inside its first line aside whole, and refuses to open it', async () => {
    const firstLineEnd = lineStarts(sample.bytes)[1]!;
    for (const cut of [0, 1, 2, Math.floor(firstLineEnd / 2), firstLineEnd - 1]) {
      const dir = tempDir('guardbook-cut-');
      const path = join(dir, 'run-1.jsonl');
      writeFileSync(path, sample.bytes.subarray(0, cut));
      await expect(JournalFile.open(path)).rejects.toBeInstanceOf(JournalNeverStartedError);
      const names = readdirSync(dir);
      expect(names).toEqual([expect.stringMatching(/^run-1\.torn-1-\d+\.jsonl$/)]);
      expect(readFileSync(join(dir, names[0]!))).toEqual(sample.bytes.subarray(0, cut));
      rmSync(dir, { recursive: true });
    }
  });

  it('moves a complete but garbled last line aside, as a torn write', async () => {
    const dir = tempDir('guardbook-cut-');
    const path = join(dir, 'run-1.jsonl');
    writeFileSync(path, Buffer.concat([sample.bytes, Buffer.from('\0\0\0\0\n')]));
    const { journal, recovered } = await JournalFile.open(path);
    expect(recovered).toMatchObject({ bytes: 5, reason: 'bad-json' });
    expect(journal.events.at(-1)!.type).toBe('journal.recovered');
    await journal.close();
    expect((await readJournal(path)).ok).toBe(true);
  });

  it('refuses damage before the last line, and leaves the file byte-for-byte unchanged', async () => {
    const list = lines(sample.text);
    const garbled = list[2]!.replace('"observe"', '"obs');
    const cases: [string, Buffer, number, FailureReason][] = [
      // a garbled earlier line, then a torn last line
      [
        'garbled line 3, torn tail',
        Buffer.from(joinLines([list[0]!, list[1]!, garbled, list[3]!]) + list[4]!.slice(0, 20)),
        3,
        'bad-json',
      ],
      // a garbled earlier line, the rest complete
      ['garbled line 3', Buffer.from(joinLines([list[0]!, list[1]!, garbled, ...list.slice(3)])), 3, 'bad-json'],
      // an edited last line that is valid JSON: not a torn write, an alteration
      [
        'edited last line',
        Buffer.from(joinLines([...list.slice(0, -1), list.at(-1)!.replace('"phone":"110"', '"phone":"119"')])),
        6,
        'bad-hash',
      ],
      ['a missing line', Buffer.from(joinLines([...list.slice(0, 2), ...list.slice(3)])), 3, 'seq-gap'],
    ];
    for (const [name, bytes, line, reason] of cases) {
      const dir = tempDir('guardbook-corrupt-');
      const path = join(dir, 'run-1.jsonl');
      writeFileSync(path, bytes);
      const error = await JournalFile.open(path).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(JournalCorruptError);
      expect((error as JournalCorruptError).verification.failure).toMatchObject({ line, reason });
      expect((error as Error).message).toContain(`line ${line} (byte ${byteOffsetOfLine(bytes.toString(), line)})`);
      expect(readFileSync(path), name).toEqual(bytes);
      expect(readdirSync(dir), name).toEqual(['run-1.jsonl']); // no sidecar, and the lock was released
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses to open a sealed journal for writing, and leaves it unchanged', async () => {
    const sealed = await sampleJournal({ sealed: true });
    await expect(JournalFile.open(sealed.path)).rejects.toBeInstanceOf(JournalSealedError);
    // Even with a torn tail after the seal: sealed evidence is never "recovered".
    writeFileSync(sealed.path, Buffer.concat([sealed.bytes, Buffer.from('{"seq":1')]));
    await expect(JournalFile.open(sealed.path)).rejects.toBeInstanceOf(JournalSealedError);
    expect(readFileSync(sealed.path)).toEqual(Buffer.concat([sealed.bytes, Buffer.from('{"seq":1')]));
    expect(readdirSync(sealed.dir).filter((n) => n.startsWith('run-1'))).toEqual(['run-1.jsonl']);
  });
});

// A real full disk: a 1 MiB tmpfs mounted for these tests (root on Linux only), filled to the last page.
describe('a write that fails on a full disk', () => {
  let mountPoint: string | undefined;
  let skipReason = '';
  beforeAll(() => {
    if (process.platform !== 'linux') {
      skipReason = `needs Linux to mount a small tmpfs (this is ${process.platform})`;
      return;
    }
    const dir = tempDir('guardbook-tinydisk-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
      mountPoint = dir;
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      skipReason = `could not mount a tmpfs (${stderr || (error as Error).message})`;
      process.stderr.write(`skipping the full-disk tests: ${skipReason}\n`);
    }
  });
  afterAll(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  /** Fills the tmpfs with a filler file until the disk refuses; returns a function that frees it. */
  function fillDisk(): () => void {
    const filler = join(mountPoint!, 'filler');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 0x2e));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    return () => rmSync(filler);
  }

  it('refuses the failed append and every later one with the same error; reopening recovers', async (ctx) => {
    ctx.skip(!mountPoint, skipReason);
    const dir = join(mountPoint!, 'journal');
    mkdirSync(dir);
    const path = join(dir, 'run-1.jsonl');
    const journal = await JournalFile.create(path, null, startedData());
    const free = fillDisk();
    const acknowledged: JournalEvent[] = [];
    let failure: unknown;
    for (let i = 0; i < 100 && !failure; i++) {
      await journal.append('note.added', null, { text: `note ${i} ${'记录'.repeat(100)}` }).then(
        (e) => acknowledged.push(e),
        (e: unknown) => (failure = e),
      );
    }
    expect(failure).toBeInstanceOf(JournalWriteError);
    expect(['ENOSPC', 'EIO']).toContain((failure as JournalWriteError).code);
    // Not recorded in memory, and nothing after it is accepted: the file's end is unknown.
    expect(journal.events).toHaveLength(1 + acknowledged.length);
    await expect(journal.append('note.added', null, { text: 'later' })).rejects.toBe(failure);
    await expect(journal.append('step.completed', null, { step: 'raise-alarm' })).rejects.toBe(failure);
    await journal.close();

    free();
    const { journal: reopened, recovered } = await JournalFile.open(path);
    expect(reopened.events.slice(0, -1)).toEqual(journal.events);
    expect(recovered).toBeDefined(); // the partly written line was moved aside
    expect(reopened.events.at(-1)!.type).toBe('journal.recovered');
    await reopened.append('note.added', null, { text: 'after the disk was freed' });
    await reopened.close();
    const v = await readJournal(path);
    expect(v.ok).toBe(true);
    expect(v.events.slice(0, 1 + acknowledged.length)).toEqual(journal.events);
    rmSync(dir, { recursive: true });
  });

  it('the engine keeps the failure in the view, refuses further commands, and a restart recovers', async (ctx) => {
    ctx.skip(!mountPoint, skipReason);
    const dataDir = join(mountPoint!, 'data');
    mkdirSync(dataDir);
    const plans = await fixtureLibrary();
    const h = new EngineHarness(plans, dataDir);
    const started = await h.engine.start('sketch-robbery', 'drill', '张三');
    const free = fillDisk();
    let error: unknown;
    let notes = 0;
    for (; notes < 100 && !error; notes++) {
      await h.engine
        .command(started.runId, { type: 'note', text: `note ${notes} ${'记录'.repeat(100)}` }, '张三')
        .catch((e: unknown) => (error = e));
    }
    const acknowledged = notes - 1;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body.code).toBe('storage');
    expect((error as ApiError).body.message.en).toMatch(/^Could not write the record .* record on paper\.$/);
    const view = await h.engine.read(started.runId);
    expect(view.writeError?.code).toMatch(/^(ENOSPC|EIO)$/);
    expect(view.notes).toHaveLength(acknowledged); // the failed note is not in the state
    expect(h.changes.at(-1)?.writeError).toEqual(view.writeError);
    const again = await h.engine
      .command(started.runId, { type: 'complete', step: 'raise-alarm' }, '张三')
      .catch((e: unknown) => e);
    expect((again as ApiError).body).toEqual((error as ApiError).body);
    expect((await h.engine.read(started.runId)).active.map((a) => a.step)).toEqual(['raise-alarm']);
    await h.engine.close();

    free();
    const restarted = new EngineHarness(plans, dataDir, h.clock);
    expect(await restarted.engine.resumeUnfinished()).toEqual({
      resumed: [started.runId],
      registeredLate: [],
      failed: [],
    });
    const resumed = await restarted.engine.read(started.runId);
    expect(resumed.writeError).toBeUndefined();
    expect(resumed.notes).toHaveLength(acknowledged);
    expect(resumed.recovered).toHaveLength(1);
    expect(resumed.timeline.at(-1)!.type).toBe('journal.recovered');
    await restarted.engine.command(started.runId, { type: 'complete', step: 'raise-alarm' }, '张三');
    await restarted.engine.close();
    expect((await readJournal(restarted.engine.journalPath(started.runId))).ok).toBe(true);
    rmSync(dataDir, { recursive: true });
  });

  it('once the disk has room again the run goes on without a restart, and the history no longer says damaged', async (ctx) => {
    ctx.skip(!mountPoint, skipReason);
    const dataDir = join(mountPoint!, 'room');
    mkdirSync(dataDir);
    const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: 'test', log: () => {} });
    try {
      const ok = async <T>(channel: string, input: unknown): Promise<T> => {
        const result = await backend.call(channel, input);
        if (!result.ok) throw new ApiError(result.error);
        return result.value as T;
      };
      const { runId } = await ok<{ runId: string }>('runs.start', { planId: 'fire', mode: 'incident' });
      const free = fillDisk();
      let refused: ApiError | undefined;
      for (let i = 0; i < 200 && !refused; i++) {
        await ok('runs.command', { runId, command: { type: 'note', text: `note ${i} ${'记录'.repeat(100)}` } }).catch(
          (e: unknown) => (refused = e as ApiError),
        );
      }
      expect(refused?.body.code).toBe('storage');
      // Half a line is on disk: meanwhile the history shows the run as damaged.
      expect((await ok<{ integrity: string }>('records.get', { runId })).integrity).toBe('damaged');
      free();
      // The next tap reopens the journal (its torn tail moved aside and recorded) and is acknowledged.
      const view = await ok<{ writeError?: unknown; recovered: unknown[] }>('runs.command', {
        runId,
        command: { type: 'note', text: '磁盘已清理' },
      });
      expect(view.writeError).toBeUndefined();
      expect((await ok<{ integrity: string }>('records.get', { runId })).integrity).toBe('not-sealed');
      const page = await ok<{ items: { runId: string; integrity: string }[] }>('records.list', {});
      expect(page.items.find((r) => r.runId === runId)?.integrity).toBe('not-sealed');
      expect((await readJournal(join(dataDir, 'runs', `${runId}.jsonl`))).ok).toBe(true);
    } finally {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // On a full disk the kernel takes the part of a line that fits and returns a short write; the journal keeps
  // writing, so the real cause (ENOSPC) is reported, not a vague I/O error.
  it('reports a full disk as ENOSPC', async (ctx) => {
    ctx.skip(!mountPoint, skipReason);
    const dir = join(mountPoint!, 'enospc');
    mkdirSync(dir);
    const path = join(dir, 'run-1.jsonl');
    const journal = await JournalFile.create(path, null, startedData());
    const free = fillDisk();
    try {
      let failure: JournalWriteError | undefined;
      for (let i = 0; i < 100 && !failure; i++) {
        await journal
          .append('note.added', null, { text: `note ${i} ${'记录'.repeat(100)}` })
          .catch((e: JournalWriteError) => (failure = e));
      }
      expect(failure?.code).toBe('ENOSPC');
    } finally {
      await journal.close();
      free();
      rmSync(dir, { recursive: true });
    }
  });
});
