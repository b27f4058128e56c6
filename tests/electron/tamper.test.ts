// Attacks on the records, written as an attacker with ordinary access to the PC would make them: cut a sealed
// journal back and resume it, copy in a run sealed elsewhere, edit the index or a journal behind the app's back,
// delete a journal while its run is live, swap the key. Each must be detected, said where, and lose nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/main';
import { simulateRun } from '../../electron/cli/runsCommands';
import { readJournal } from '../../electron/journal/journalFile';
import { SealRegister, SEAL_REGISTER_DIR, SEAL_REGISTER_FILE } from '../../electron/journal/sealRegister';
import {
  fingerprintOf,
  KeyProtectedError,
  loadInstallationKey,
  loadOrCreateSigningKey,
  type KeyProtector,
} from '../../electron/journal/signingKey';
import { INDEX_FILE } from '../../electron/records/runIndex';
import type { AppInfo, RecordsIntegrity } from '../../shared/api/channels';
import type { RecordPage } from '../../shared/records/recordQuery';
import type { RunRecord } from '../../shared/records/runSummary';
import type { RunSummary, RunView } from '../../shared/run/runViewSchema';
import { backendFixtures } from '../support/backends';
import { call } from '../support/people';

const T0 = new Date('2026-03-01T08:00:00Z');
const { tempDir: tempIn, start, stop } = backendFixtures('guardbook-tamper-');
const tempDir = (prefix?: string) => tempIn(prefix);

/** A data folder holding one sealed run, made by the engine (as `runs simulate` makes it). */
async function sealedRun(dataDir = tempDir(), seed = 7) {
  const { runId, path } = await simulateRun({ planId: 'fire', dataDir, mode: 'drill', seed, start: T0 });
  return { dataDir, runId, path, lines: readFileSync(path, 'utf8').split('\n').filter(Boolean) };
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readLine: async () => '' });
  return { code, out, err };
}

const record = (backend: Backend, runId: string) => call<RunRecord>(backend, 'records.get', { runId });
async function listed(backend: Backend, runId: string): Promise<RunRecord | undefined> {
  const page = await call<RecordPage>(backend, 'records.list', {});
  return page.items.find((r) => r.runId === runId);
}

describe('a sealed run cut back to an earlier prefix', () => {
  it('is reported by records verify --data-dir at every cut, with where, and exit 1', async () => {
    const { dataDir, path, lines } = await sealedRun();
    for (let keep = 1; keep < lines.length; keep++) {
      writeFileSync(path, lines.slice(0, keep).join('\n') + '\n');
      const r = await cli('records', 'verify', path, '--data-dir', dataDir, '--lang', 'en');
      expect(r.code, `cut to ${keep} lines`).toBe(1);
      const [head, where] = r.out[0]!.split('\n');
      expect(head).toMatch(/^FAIL /);
      expect(where).toMatch(
        new RegExp(
          `^  line ${keep + 1} \\(byte \\d+\\): cut-after-seal — sealed at .* with ${lines.length} events; only ${keep} verify now`,
        ),
      );
      expect(r.out.at(-1)).toMatch(/^seal register: 1 seals, head [0-9a-f]{64}$/);
    }
  });

  it('is never resumed nor sealed again by the app, and shows as damaged wherever integrity is shown', async () => {
    const { dataDir, runId, path, lines } = await sealedRun();
    for (const keep of [1, Math.floor(lines.length / 2), lines.length - 2, lines.length - 1]) {
      writeFileSync(path, lines.slice(0, keep).join('\n') + '\n');
      const backend = await start(dataDir);
      expect(await call<RunSummary[]>(backend, 'runs.unfinished', {})).toEqual([]);
      const refused = await backend.call('runs.command', { runId, command: { type: 'signOff', name: '冒名' } });
      expect(refused).toMatchObject({
        ok: false,
        error: { message: { en: 'The record is sealed and cannot change' } },
      });
      expect(await record(backend, runId)).toMatchObject({
        integrity: 'damaged',
        damage: expect.stringContaining('cut-after-seal'),
      });
      await backend.records.startRecheck();
      expect((await listed(backend, runId))?.integrity).toBe('damaged');
      await stop(backend);
      expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(keep); // nothing appended
    }
    const list = await cli('records', 'list', '--data-dir', dataDir, '--lang', 'en');
    expect(list.out[0]).toMatch(/ damaged$/);
  });

  it('a seal that was written but not registered (a crash between) is registered late at the next start', async () => {
    const { dataDir, runId } = await sealedRun();
    // The register as it was before the seal: its first line only.
    const registerFile = join(dataDir, SEAL_REGISTER_DIR, SEAL_REGISTER_FILE);
    writeFileSync(registerFile, readFileSync(registerFile, 'utf8').split('\n')[0] + '\n');
    const backend = await start(dataDir);
    expect(backend.register.get(runId)).toMatchObject({ runId, late: true });
    expect(await record(backend, runId)).toMatchObject({ integrity: 'verified' });
  });

  it('a damaged register is kept aside; the seals still readable are carried over and the damage is shown', async () => {
    const first = await sealedRun(tempDir(), 1);
    await simulateRun({ planId: 'fire', dataDir: first.dataDir, mode: 'drill', seed: 2, start: T0 });
    const registerFile = join(first.dataDir, SEAL_REGISTER_DIR, SEAL_REGISTER_FILE);
    const [started, seal1, seal2] = readFileSync(registerFile, 'utf8').split('\n');
    writeFileSync(registerFile, [started, seal1, seal2!.replace('"seal.registered"', '"seal.forged"'), ''].join('\n'));
    const backend = await start(first.dataDir);
    expect(backend.register.get(first.runId)).toMatchObject({ carried: expect.stringMatching(/^register\.damaged-/) });
    const integrity = await call<RecordsIntegrity>(backend, 'records.integrity', {});
    expect(integrity.register.problem?.en).toMatch(/damaged at line 3/);
    expect(readdirSync(join(first.dataDir, SEAL_REGISTER_DIR)).some((n) => n.startsWith('register.damaged-'))).toBe(
      true,
    );
  });
});

describe('a run sealed by another installation', () => {
  it('is never shown as verified: not in the app, in records.get, records list or the ZIP', async () => {
    const elsewhere = await sealedRun(tempDir(), 3);
    const here = await sealedRun(tempDir(), 4);
    cpSync(elsewhere.path, join(here.dataDir, 'runs', `${elsewhere.runId}.jsonl`));
    const backend = await start(here.dataDir);
    const foreignKeyId = loadOrCreateSigningKey(elsewhere.dataDir).keyId;
    expect(await record(backend, elsewhere.runId)).toMatchObject({ integrity: 'foreign', keyId: foreignKeyId });
    expect(await record(backend, here.runId)).toMatchObject({ integrity: 'verified' });
    await backend.records.startRecheck();
    expect((await listed(backend, elsewhere.runId))?.integrity).toBe('foreign');
    await stop(backend);
    const list = await cli('records', 'list', '--data-dir', here.dataDir, '--lang', 'en');
    expect(list.out.find((l) => l.startsWith(elsewhere.runId))).toMatch(/ foreign$/);
    expect(list.out.find((l) => l.startsWith(here.runId))).toMatch(/ verified$/);
  });
});

describe('the index is a cache, never a witness', () => {
  it('an edited index.json claiming "verified" is re-checked: "checking" at first, then what the journal says', async () => {
    const { dataDir, runId, path, lines } = await sealedRun();
    const first = await start(dataDir);
    await first.records.startRecheck();
    await stop(first);
    // Damage the journal (a line edited), then make the index say it is fine, with the journal's size and time.
    const edited = lines.map((l, i) => (i === 2 ? l.replace(/"at":"[^"]+"/, '"at":"2026-03-01T07:00:00.000Z"') : l));
    writeFileSync(path, edited.join('\n') + '\n');
    const { size, mtimeMs } = statSync(path);
    const indexPath = join(dataDir, 'runs', INDEX_FILE);
    const index = readFileSync(indexPath, 'utf8').replace(
      /"size":\d+,"mtimeMs":[\d.]+/,
      `"size":${size},"mtimeMs":${mtimeMs}`,
    );
    writeFileSync(indexPath, index);
    expect(index).toContain('"integrity":"verified"');

    const backend = await start(dataDir);
    await backend.records.startRecheck();
    expect(await listed(backend, runId)).toMatchObject({
      integrity: 'damaged',
      damage: expect.stringMatching(/^line 3 /),
    });
    expect(await record(backend, runId)).toMatchObject({ integrity: 'damaged' });
  });

  it('shows "checking", not the index’s claim, until the re-check has reached a run', async () => {
    const { dataDir, runId } = await sealedRun();
    await stop(await start(dataDir));
    const backend = await start(dataDir);
    // Before the background re-check has had a turn, the list does not repeat what the index says.
    const before = await listed(backend, runId);
    expect(['checking', 'verified']).toContain(before?.integrity);
    await backend.records.startRecheck();
    expect(await listed(backend, runId)).toMatchObject({ integrity: 'verified' });
    expect(backend.records.checkProgress()).toEqual({ done: 1, total: 1 });
  });

  it('a journal edited without changing its length, its time restored, loses its badge', async () => {
    const { dataDir, runId, path } = await sealedRun();
    await stop(await start(dataDir));
    const before = statSync(path, { bigint: true });
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf('"by":"simulator"');
    writeFileSync(path, text.slice(0, at) + '"by":"simulatoR"' + text.slice(at + '"by":"simulator"'.length));
    // The time put back to the nanosecond, as `touch -d` does it.
    const ns = before.mtimeNs;
    execFileSync('touch', [
      '-m',
      '-d',
      `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`,
      path,
    ]);
    expect(statSync(path, { bigint: true })).toMatchObject({ size: before.size, mtimeNs: before.mtimeNs });

    const backend = await start(dataDir);
    expect(await record(backend, runId)).toMatchObject({
      integrity: 'damaged',
      damage: expect.stringContaining('bad-hash'),
    });
    await backend.records.startRecheck();
    expect((await listed(backend, runId))?.integrity).toBe('damaged');
    await stop(backend);
    const list = await cli('records', 'list', '--data-dir', dataDir, '--lang', 'en');
    expect(list.out[0]).toMatch(/ damaged$/);
  });

  it('an index that calls an unfinished run sealed does not hide it from resumption', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const { runId } = await call<RunView>(first, 'runs.start', { planId: 'fire', mode: 'incident' });
    await stop(first);
    const indexPath = join(dataDir, 'runs', INDEX_FILE);
    writeFileSync(
      indexPath,
      readFileSync(indexPath, 'utf8')
        .replace('"status":"active"', '"status":"sealed"')
        .replace('"integrity":"not-sealed"', '"integrity":"verified"'),
    );
    const backend = await start(dataDir);
    expect((await call<RunSummary[]>(backend, 'runs.unfinished', {})).map((r) => r.runId)).toEqual([runId]);
  });
});

describe('a journal deleted or replaced while its run is live', () => {
  it('is written again from the acknowledged events at the next tap; nothing acknowledged is lost', async () => {
    const dataDir = tempDir();
    const backend = await start(dataDir);
    const started = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'incident' });
    const step = started.active[0]!.step;
    await call(backend, 'runs.command', { runId: started.runId, command: { type: 'note', text: '第一条' } });
    const path = join(dataDir, 'runs', `${started.runId}.jsonl`);
    const acknowledged = readFileSync(path, 'utf8');
    unlinkSync(path);

    const after = await call<RunView>(backend, 'runs.command', {
      runId: started.runId,
      command: { type: 'complete', step },
    });
    expect(after.rewritten).toEqual([
      { reason: 'deleted', events: acknowledged.split('\n').length - 1, at: expect.any(String) },
    ]);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(acknowledged)).toBe(true);
    const verification = await readJournal(path);
    expect(verification.ok).toBe(true);
    expect(verification.events.map((e) => e.type).slice(-2)).toEqual(['journal.rewritten', 'step.completed']);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    // After a restart the run is there, with everything that was acknowledged.
    await stop(backend);
    const again = await start(dataDir);
    const view = await call<RunView>(again, 'runs.get', { runId: started.runId });
    expect(view.notes.map((n) => n.text)).toEqual(['第一条']);
    expect(view.timeline.map((e) => e.type)).toContain('step.completed');
  });

  it('a file put in its place is kept aside as evidence, and the journal is written again', async () => {
    const dataDir = tempDir();
    const backend = await start(dataDir);
    const started = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'incident' });
    const path = join(dataDir, 'runs', `${started.runId}.jsonl`);
    unlinkSync(path);
    writeFileSync(path, '{"forged":true}\n');
    const after = await call<RunView>(backend, 'runs.command', {
      runId: started.runId,
      command: { type: 'note', text: '继续' },
    });
    expect(after.rewritten.map((r) => r.reason)).toEqual(['replaced']);
    const displaced = readdirSync(join(dataDir, 'runs')).find((n) => n.includes('.displaced-'));
    expect(readFileSync(join(dataDir, 'runs', displaced!), 'utf8')).toBe('{"forged":true}\n');
    expect((await readJournal(path)).ok).toBe(true);
  });
});

describe('the installation key', () => {
  it('records verify pins the key by its fingerprint: a swapped key file in the folder is caught', async () => {
    const { dataDir, path } = await sealedRun();
    const genuine = fingerprintOf(loadOrCreateSigningKey(dataDir).publicKey);
    expect((await cli('records', 'verify', path, '--data-dir', dataDir, '--fingerprint', genuine)).code).toBe(0);
    // Someone replaces the folder's key with their own (and would re-sign forgeries with it).
    const attacker = tempDir();
    const theirs = loadOrCreateSigningKey(attacker);
    rmSync(join(dataDir, 'keys'), { recursive: true });
    cpSync(join(attacker, 'keys'), join(dataDir, 'keys'), { recursive: true });
    const r = await cli('records', 'verify', path, '--data-dir', dataDir, '--fingerprint', genuine, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([`FAIL key fingerprint mismatch: ${fingerprintOf(theirs.publicKey)} ≠ ${genuine}`]);
    // Without a pinned fingerprint, the report names the key it used, for comparison with the paper copy.
    const unpinned = await cli('records', 'verify', path, '--data-dir', dataDir, '--lang', 'en');
    expect(unpinned.out).toContain(`installation key fingerprint: ${fingerprintOf(theirs.publicKey)}`);
  });

  it('the app shows the fingerprint, the register head and how far the re-check has come', async () => {
    const { dataDir } = await sealedRun();
    const backend = await start(dataDir);
    await backend.records.startRecheck();
    const key = loadOrCreateSigningKey(dataDir);
    expect(await call<RecordsIntegrity>(backend, 'records.integrity', {})).toEqual({
      key: { keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey), protection: 'file' },
      register: { seals: 1, head: backend.register.head },
      check: { done: 1, total: 1 },
    });
    expect(fingerprintOf(key.publicKey)).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });

  it('under the OS’s protection the private key is never on disk in the clear, and a plain key is moved under it', async () => {
    const dataDir = tempDir();
    const plain = loadOrCreateSigningKey(dataDir); // a folder from before: a plain key file
    const protector: KeyProtector = {
      encrypt: async (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
      decrypt: async (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
    };
    const key = await loadInstallationKey(dataDir, protector);
    expect(key).toMatchObject({ publicKey: plain.publicKey, protection: 'os' });
    const files = readdirSync(join(dataDir, 'keys'));
    expect(files).not.toContain('installation-ed25519.key.pem');
    expect(readFileSync(join(dataDir, 'keys', 'installation-ed25519.key.os'), 'utf8')).not.toContain('PRIVATE KEY');
    expect((await loadInstallationKey(dataDir, protector)).publicKey).toBe(plain.publicKey);
    // A program without the OS's protection (the CLI) cannot use it, and says why.
    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(KeyProtectedError);
  });
});

describe('files only their owner can read', () => {
  it('journals, the seal register and the audit trail are 0600 in folders that are 0700', async () => {
    const { dataDir, path } = await sealedRun();
    const backend = await start(dataDir);
    await call(backend, 'runs.start', { planId: 'fire', mode: 'drill' });
    await stop(backend);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(path)).toBe(0o600);
    for (const dir of ['runs', SEAL_REGISTER_DIR, 'audit', 'keys']) expect(mode(join(dataDir, dir)), dir).toBe(0o700);
    expect(mode(join(dataDir, SEAL_REGISTER_DIR, SEAL_REGISTER_FILE))).toBe(0o600);
    expect(mode(join(dataDir, 'audit', 'audit.jsonl'))).toBe(0o600);
    for (const name of readdirSync(join(dataDir, 'runs')).filter((n) => n.endsWith('.jsonl'))) {
      expect(mode(join(dataDir, 'runs', name)), name).toBe(0o600);
    }
  });
});

describe('a data folder that cannot be written', () => {
  /** What a folder holds, names and bytes, to show that nothing was written. */
  function snapshot(dir: string): string[] {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return [readFileSync(dir, 'utf8')];
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${join(e.parentPath, e.name)}:${readFileSync(join(e.parentPath, e.name)).toString('base64')}`)
      .sort();
  }

  async function followsAPlanUnrecorded(dataDir: string): Promise<void> {
    const before = snapshot(dataDir);
    const backend = await start(dataDir);
    const info = await call<AppInfo>(backend, 'app.info', {});
    expect(info.recordingUnavailable?.['zh-CN']).toMatch(/^无法记录：.*纸质记录/);
    expect(info.recordingUnavailable?.en).toMatch(/^Nothing can be recorded: .*use paper/);
    expect((await call<unknown[]>(backend, 'plans.list', {})).length).toBeGreaterThan(3);
    const run = await call<RunView>(backend, 'runs.start', { planId: 'armed-robbery', mode: 'incident' });
    const next = await call<RunView>(backend, 'runs.command', {
      runId: run.runId,
      command: { type: 'complete', step: run.active[0]!.step },
    });
    expect(next.active[0]!.step).not.toBe(run.active[0]!.step);
    await call(backend, 'runs.command', { runId: run.runId, command: { type: 'abort', reason: '演示' } });
    const signOff = await backend.call('runs.command', {
      runId: run.runId,
      command: { type: 'signOff', name: '张三' },
    });
    expect(signOff).toMatchObject({ ok: false, error: { code: 'storage' } });
    await call(backend, 'settings.setPreferences', { theme: 'high-contrast' });
    await stop(backend);
    expect(snapshot(dataDir)).toEqual(before);
  }

  it('a data folder path that is a file: the app starts, plans can be followed, nothing is written', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'just a file\n');
    await followsAPlanUnrecorded(file);
  });

  it('a read-only bind mount of a folder with records: the app starts and shows them, nothing is written', async (ctx) => {
    const { dataDir, runId } = await sealedRun();
    await stop(await start(dataDir));
    const mountPoint = tempDir('guardbook-ro-');
    try {
      execFileSync('mount', ['--bind', dataDir, mountPoint], { stdio: 'pipe' });
      execFileSync('mount', ['-o', 'remount,bind,ro', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
      process.stderr.write(`skipping the read-only mount test: ${why}\n`);
      ctx.skip(true, `cannot make a read-only bind mount here (${why})`);
    }
    try {
      await followsAPlanUnrecorded(mountPoint);
      const backend = await start(mountPoint);
      expect(await record(backend, runId)).toMatchObject({ integrity: 'verified' });
      await stop(backend);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('a data folder other than the default', () => {
  it('is said in app.info and recorded on the audit trail', async () => {
    const dataDir = tempDir();
    const backend = await start(dataDir, { dataDirSource: 'argument' });
    expect(await call<AppInfo>(backend, 'app.info', {})).toMatchObject({ dataDir, dataDirSource: 'argument' });
    expect(backend.audit.entries.find((e) => e.type === 'app.dataDir')).toMatchObject({
      by: null,
      data: { dir: dataDir, source: 'argument' },
    });
    const plain = await start(tempDir());
    expect(await call<AppInfo>(plain, 'app.info', {})).toMatchObject({ dataDirSource: 'default' });
    expect(plain.audit.entries.some((e) => e.type === 'app.dataDir')).toBe(false);
  });
});

describe('the seal register', () => {
  it('refuses to register a run twice, and its chain verifies from disk', async () => {
    const dataDir = tempDir();
    const register = SealRegister.open(dataDir, 'test');
    const seal = { runId: 'r-1', events: 5, head: 'a'.repeat(64), sealedAt: T0.toISOString(), keyId: 'k' };
    register.register(seal);
    expect(() => register.register(seal)).toThrow(/already in the seal register/);
    register.close();
    const reopened = SealRegister.open(dataDir, 'test');
    expect(reopened.get('r-1')).toEqual(seal);
    expect(reopened.size).toBe(1);
    reopened.close();
  });
});

describe('a journal cut short on a full disk', () => {
  it('does not stay "damaged" in the history once the next write succeeds', async () => {
    const { dataDir, runId } = await (async () => {
      const dir = tempDir();
      const backend = await start(dir);
      const run = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'incident' });
      await stop(backend);
      return { dataDir: dir, runId: run.runId };
    })();
    // What a failed write on a full disk leaves: half a line at the end.
    const path = join(dataDir, 'runs', `${runId}.jsonl`);
    writeFileSync(path, readFileSync(path, 'utf8') + '{"seq":2,"at":"2026');
    const backend = await start(dataDir); // resumption moves the torn tail aside and records it
    expect(await record(backend, runId)).toMatchObject({ integrity: 'not-sealed' });
    await backend.records.startRecheck();
    expect((await listed(backend, runId))?.integrity).toBe('not-sealed');
    expect(readdirSync(join(dataDir, 'runs')).filter((n) => n.includes('.torn-'))).toHaveLength(1);
  });
});

describe('a sealed journal deleted', () => {
  it('is still in the history and in records verify, as missing: the register remembers it', async () => {
    const { dataDir, runId, path } = await sealedRun();
    unlinkSync(path);
    const backend = await start(dataDir);
    expect(await record(backend, runId)).toMatchObject({
      integrity: 'damaged',
      damage: expect.stringMatching(/^journal missing: sealed .* with \d+ events$/),
    });
    await backend.records.startRecheck();
    expect((await listed(backend, runId))?.integrity).toBe('damaged');
    await stop(backend);
    const r = await cli('records', 'verify', join(dataDir, 'runs'), '--data-dir', dataDir, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(
      new RegExp(
        `^FAIL .*${runId}\\.jsonl: journal missing; the seal register has it \\(sealed .* registered head [0-9a-f]{64}\\)$`,
      ),
    );
  });
});

describe('the users file and its backup both missing', () => {
  it('the app starts and incidents start; nobody can unlock and no new administrator is handed out; it says why', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await call(first, 'users.setup', { name: '管理员', pin: '246813' });
    await stop(first);
    rmSync(join(dataDir, 'people', 'users.json'));
    rmSync(join(dataDir, 'people', 'users.json.bak'), { force: true });

    const backend = await start(dataDir);
    const run = await call<RunView>(backend, 'runs.start', { planId: 'fire', mode: 'incident' });
    expect(run.status).toBe('active');
    const setup = await backend.call('users.setup', { name: '新管理员', pin: '135792' });
    expect(setup.ok).toBe(false);
    const unlock = await backend.call('session.unlock', { userId: 'u-000000000000', pin: '246813' });
    expect(unlock).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        message: { en: expect.stringMatching(/both missing, yet the audit trail shows users/) },
      },
    });
  });
});
