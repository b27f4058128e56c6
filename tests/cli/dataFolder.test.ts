// One data-folder rule for every command (`--data-dir`, else GUARDBOOK_DATA_DIR, else the platform folder), `--help`
// on every command, strict options, and commands that list or verify leaving the folder exactly as it was — or
// absent, if it was. Real folders made by the backend; commands run in-process through `runCli`. The platform
// folder is redirected into a temporary home, so nothing here can touch a real installation.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { runCli, usage } from '../../electron/cli/main';
import { UsageError } from '../../electron/cli/io';
import { simulateRun } from '../../electron/cli/runsCommands';
import { chooseDataDir, dataDirFrom, defaultDataDir } from '../../electron/dataDir';
import { parseWebArgs } from '../../electron/web/main';
import type { PublicUser } from '../../shared/people/roles';
import { call } from '../support/people';

const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
const FIXTURE_PLAN = fileURLToPath(new URL('../fixtures/plans/sketch-robbery.json', import.meta.url));
const T0 = new Date('2026-03-01T08:00:00.000Z');

const COMMANDS = [
  'plans check',
  'plans show',
  'records verify',
  'records list',
  'records export',
  'runs simulate',
  'audit verify',
  'users list',
  'users reset-pin',
  'users unlock',
] as const;

interface Result {
  code: number;
  out: string[];
  err: string[];
  text: string;
}

async function cli(argv: string[], stdin?: string): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    ...(stdin === undefined ? {} : { readLine: async () => stdin }),
  };
  const code = await runCli(argv, io);
  return { code, out, err, text: [...out, ...err].join('\n') };
}

// --- environment: a temporary home (so the platform folder is in it), GUARDBOOK_DATA_DIR set per test ---

const ENV_NAMES = ['HOME', 'USERPROFILE', 'APPDATA', 'XDG_CONFIG_HOME', 'GUARDBOOK_DATA_DIR'] as const;
const savedEnv = new Map<string, string | undefined>();
const dirs: string[] = [];

function setEnv(name: (typeof ENV_NAMES)[number], value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function withEnvDataDir<T>(dir: string | undefined, work: () => Promise<T>): Promise<T> {
  setEnv('GUARDBOOK_DATA_DIR', dir);
  try {
    return await work();
  } finally {
    setEnv('GUARDBOOK_DATA_DIR', undefined);
  }
}

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

// --- data folders: each with its own administrator (named after it), runs and audit trail ---

interface Folder {
  dir: string;
  admin: PublicUser;
  runIds: string[];
}

async function makeFolder(dir: string, adminName: string, runs: number): Promise<Folder> {
  const backend = await createBackend({ dataDir: dir, plansDir: PLANS_DIR, host: 'web', version: '0', log: () => {} });
  let admin: PublicUser;
  try {
    await call(backend, 'users.setup', { name: adminName, pin: '246813' });
    admin = (await call<PublicUser[]>(backend, 'users.list', {})).find((u) => u.role === 'admin')!;
  } finally {
    await backend.close();
  }
  const runIds: string[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    const start = new Date(T0.getTime() + seed * 3_600_000);
    runIds.push((await simulateRun({ planId: 'fire', dataDir: dir, mode: 'drill', seed, start })).runId);
  }
  return { dir, admin, runIds };
}

/** A fresh copy of a folder, for a command that writes. */
function copyOf(folder: Folder): Folder {
  const dir = join(temp('guardbook-copy-'), 'data');
  cpSync(folder.dir, dir, { recursive: true });
  return { ...folder, dir };
}

/** Every file and folder below `root`: its kind, mode and, for a file, its bytes' hash, size and time. */
function snapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      const key = relative(root, path);
      if (info.isDirectory()) {
        entries[key] = `dir ${info.mode.toString(8)}`;
        walk(path);
      } else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        entries[key] = `file ${info.mode.toString(8)} ${info.size} ${info.mtimeMs} ${hash}`;
      }
    }
  };
  walk(root);
  return entries;
}

function auditTypes(dir: string): string[] {
  return readFileSync(join(dir, 'audit', 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { type: string }).type);
}

let a: Folder; // named by GUARDBOOK_DATA_DIR in the tests
let b: Folder; // named by --data-dir
let platform: Folder; // the platform folder (in the temporary home)

beforeAll(async () => {
  for (const name of ENV_NAMES) savedEnv.set(name, process.env[name]);
  const home = temp('guardbook-home-');
  setEnv('HOME', home);
  setEnv('USERPROFILE', home);
  setEnv('APPDATA', join(home, 'AppData', 'Roaming'));
  setEnv('XDG_CONFIG_HOME', join(home, '.config'));
  setEnv('GUARDBOOK_DATA_DIR', undefined);
  expect(defaultDataDir().startsWith(home)).toBe(true);
  a = await makeFolder(join(temp('guardbook-a-'), 'data'), '甲管理员', 1);
  b = await makeFolder(join(temp('guardbook-b-'), 'data'), '乙管理员', 2);
  platform = await makeFolder(defaultDataDir(), '默认管理员', 3);
}, 60_000);

afterAll(() => {
  for (const [name, value] of savedEnv) setEnv(name as (typeof ENV_NAMES)[number], value);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the one data-folder rule', () => {
  it('is --data-dir, else GUARDBOOK_DATA_DIR, else the fallback; an empty value counts as none', () => {
    const env = { GUARDBOOK_DATA_DIR: '/env' };
    expect(dataDirFrom('/arg', '/default', env)).toEqual({ dir: '/arg', source: 'argument' });
    expect(dataDirFrom(undefined, '/default', env)).toEqual({ dir: '/env', source: 'environment' });
    expect(dataDirFrom(undefined, '/default', {})).toEqual({ dir: '/default', source: 'default' });
    expect(dataDirFrom('', '/default', { GUARDBOOK_DATA_DIR: '' })).toEqual({ dir: '/default', source: 'default' });
    // The Electron host's form, from a raw argv, is the same rule.
    expect(chooseDataDir(['--data-dir=/arg'], '/default', env)).toEqual(dataDirFrom('/arg', '/default', env));
    expect(chooseDataDir(['--inspect'], '/default', env)).toEqual(dataDirFrom(undefined, '/default', env));
  });

  it('users list: the platform folder, GUARDBOOK_DATA_DIR over it, --data-dir over both', async () => {
    const byDefault = await cli(['users', 'list']);
    expect(byDefault).toMatchObject({ code: 0, out: [expect.stringContaining('默认管理员')] });
    await withEnvDataDir(a.dir, async () => {
      expect(await cli(['users', 'list'])).toMatchObject({ code: 0, out: [expect.stringContaining('甲管理员')] });
      const both = await cli(['users', 'list', '--data-dir', b.dir]);
      expect(both).toMatchObject({ code: 0, out: [expect.stringContaining('乙管理员')] });
      expect((await cli(['users', 'list', `--data-dir=${b.dir}`, '--json'])).out.join('\n')).toContain(b.admin.id);
    });
  });

  it('audit verify: the trail of the folder chosen by the rule', async () => {
    const trail = (f: Folder) => join(f.dir, 'audit', 'audit.jsonl');
    expect((await cli(['audit', 'verify', '--lang', 'en'])).out[0]).toMatch(`PASS ${trail(platform)}: `);
    await withEnvDataDir(a.dir, async () => {
      expect((await cli(['audit', 'verify', '--lang', 'en'])).out[0]).toMatch(`PASS ${trail(a)}: `);
      expect((await cli(['audit', 'verify', '--data-dir', b.dir, '--lang', 'en'])).out[0]).toMatch(
        `PASS ${trail(b)}: `,
      );
      const json = await cli(['audit', 'verify', '--json']);
      expect(JSON.parse(json.out.join('\n'))).toMatchObject({ file: trail(a), ok: true });
    });
  });

  it('records list and records export: the runs of the folder chosen by the rule', async () => {
    const listed = async (argv: string[]) => {
      const r = await cli(['records', 'list', '--json', ...argv]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out.join('\n')) as { items: { runId: string }[] }).items.map((i) => i.runId).sort();
    };
    expect(await listed([])).toEqual([...platform.runIds].sort());
    await withEnvDataDir(a.dir, async () => {
      expect(await listed([])).toEqual(a.runIds);
      expect(await listed(['--data-dir', b.dir])).toEqual([...b.runIds].sort());

      const out = join(temp('guardbook-out-'), 'run.json');
      expect((await cli(['records', 'export', a.runIds[0]!, '--out', out])).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ runId: a.runIds[0] });
      const inB = await cli(['records', 'export', a.runIds[0]!, '--out', out, '--data-dir', b.dir]);
      expect(inB).toMatchObject({ code: 1, err: [`找不到处置记录 / no run: ${a.runIds[0]}`] });

      const zip = join(temp('guardbook-out-'), 'range.zip');
      const range = ['records', 'export', '--from', '2026-03-01', '--to', '2026-03-01', '--out', zip];
      expect((await cli([...range, '--data-dir', b.dir])).code).toBe(0);
      const names = Object.keys(unzipSync(readFileSync(zip)));
      for (const runId of b.runIds) expect(names.some((n) => n.includes(runId))).toBe(true);
      expect(names.some((n) => n.includes(a.runIds[0]!))).toBe(false);
    });
  });

  it('records verify trusts a data folder only when --data-dir names one, never the environment', async () => {
    await withEnvDataDir(a.dir, async () => {
      const loose = await cli(['records', 'verify', join(a.dir, 'runs'), '--lang', 'en']);
      expect(loose.code).toBe(0);
      expect(loose.out[0]).toContain('not checked against a trusted key');
      expect(loose.text).not.toContain('installation key fingerprint');
      const pinned = await cli(['records', 'verify', join(a.dir, 'runs'), '--data-dir', a.dir, '--lang', 'en']);
      expect(pinned.code).toBe(0);
      expect(pinned.out[0]).toContain('trusted');
      expect(pinned.text).toContain('installation key fingerprint');
    });
  });

  it('runs simulate writes into the folder chosen by the rule', async () => {
    const here = copyOf(a);
    const there = copyOf(b);
    const runs = (f: Folder) => readdirSync(join(f.dir, 'runs')).filter((n) => n.endsWith('.jsonl')).length;
    await withEnvDataDir(here.dir, async () => {
      expect((await cli(['runs', 'simulate', 'fire'])).code).toBe(0);
      expect(runs(here)).toBe(2);
      expect((await cli(['runs', 'simulate', 'fire', '--data-dir', there.dir])).code).toBe(0);
      expect(runs(there)).toBe(3);
      expect(runs(here)).toBe(2);
    });
  }, 30_000);

  it('users reset-pin changes the folder chosen by the rule, and no other', async () => {
    const here = copyOf(a);
    const there = copyOf(b);
    const untouched = snapshot(here.dir);
    await withEnvDataDir(here.dir, async () => {
      // Both named: --data-dir wins. A's administrator is not in B: refused, and B is left as it was.
      const before = snapshot(there.dir);
      const wrong = await cli(['users', 'reset-pin', here.admin.id, '--data-dir', there.dir], '975318');
      expect(wrong).toMatchObject({ code: 1, err: [expect.stringContaining(`No user "${here.admin.id}"`)] });
      expect(snapshot(there.dir)).toEqual(before);

      const reset = await cli(['users', 'reset-pin', there.admin.id, '--data-dir', there.dir], '975318');
      expect(reset.code).toBe(0);
      expect(reset.out).toEqual([
        expect.stringContaining('New PIN set for 乙管理员'),
        `数据目录 / data folder: ${there.dir} (--data-dir)`,
      ]);
      expect(auditTypes(there.dir).at(-1)).toBe('user.pinReset');
      expect(snapshot(here.dir)).toEqual(untouched);

      // Only the environment: that folder.
      const fromEnv = await cli(['users', 'reset-pin', here.admin.id], '975318');
      expect(fromEnv.code).toBe(0);
      expect(fromEnv.out[1]).toBe(`数据目录 / data folder: ${here.dir} (GUARDBOOK_DATA_DIR)`);
      expect(auditTypes(here.dir).at(-1)).toBe('user.pinReset');
    });
  }, 30_000);

  it('users unlock changes the folder chosen by the rule, and no other', async () => {
    const here = copyOf(a);
    const there = copyOf(b);
    const untouched = snapshot(here.dir);
    await withEnvDataDir(here.dir, async () => {
      const unlocked = await cli(['users', 'unlock', there.admin.id, '--data-dir', there.dir]);
      expect(unlocked).toMatchObject({
        code: 0,
        out: [expect.stringContaining('乙管理员 was not locked out'), expect.any(String)],
      });
      expect(auditTypes(there.dir).at(-1)).toBe('user.lockoutCleared');
      expect(snapshot(here.dir)).toEqual(untouched);
      expect((await cli(['users', 'unlock', here.admin.id])).code).toBe(0);
      expect(auditTypes(here.dir).at(-1)).toBe('user.lockoutCleared');
    });
  }, 30_000);

  it('users reset-pin and unlock without either act on the platform folder', async () => {
    const before = auditTypes(platform.dir).length;
    expect((await cli(['users', 'unlock', platform.admin.id])).code).toBe(0);
    expect(auditTypes(platform.dir)).toHaveLength(before + 1);
    expect((await cli(['users', 'reset-pin', platform.admin.id], '975318')).out[1]).toBe(
      `数据目录 / data folder: ${defaultDataDir()} (默认 / default)`,
    );
    expect(auditTypes(platform.dir).at(-1)).toBe('user.pinReset');
  }, 30_000);

  it('an empty --data-dir is a usage error, never the platform folder', async () => {
    for (const command of ['users list', 'users reset-pin', 'users unlock', 'audit verify', 'records list']) {
      const argv = [...command.split(' '), ...(command.endsWith('list') || command === 'audit verify' ? [] : ['u-x'])];
      const r = await cli([...argv, '--data-dir='], '975318');
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.err[0]?.split('\n')[0]).toBe('--data-dir needs a folder');
    }
  });
});

describe('--help', () => {
  it('on every command prints that command’s usage and exits 0, doing nothing else', async () => {
    const nowhere = join(temp('guardbook-help-'), 'never-made');
    await withEnvDataDir(nowhere, async () => {
      for (const command of COMMANDS) {
        for (const flag of ['--help', '-h']) {
          // No standard input is given: `users reset-pin --help` must not ask for a PIN.
          const r = await cli([...command.split(' '), flag]);
          expect({ command, flag, code: r.code, err: r.err }).toEqual({ command, flag, code: 0, err: [] });
          expect(r.out.join('\n')).toMatch(new RegExp(`^usage: guardbook ${command} `));
        }
        // Asked for help, even among wrong arguments: help wins.
        expect((await cli([...command.split(' '), 'x', '--frobnicate', '--help'])).code).toBe(0);
        expect((await cli(['help', ...command.split(' ')])).out.join('\n')).toMatch(`usage: guardbook ${command} `);
      }
    });
    expect(existsSync(nowhere)).toBe(false);
  });

  it('a command that acts on a data folder states the rule in its usage', async () => {
    const r = await cli(['users', 'reset-pin', '--help']);
    expect(r.out.join('\n')).toContain(
      `data folder: --data-dir DIR, else GUARDBOOK_DATA_DIR, else ${defaultDataDir()}`,
    );
  });

  it('guardbook --help prints every command, exit 0; no command at all prints it as an error, exit 2', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out.join('\n')).toBe(usage());
    }
    for (const command of COMMANDS) expect(usage()).toContain(`\n  ${command} `);
    expect(usage()).toContain('<command> --help');
    const none = await cli([]);
    expect(none).toMatchObject({ code: 2, out: [], err: [usage()] });
  });

  it('a group with --help lists its commands; alone, it is a usage error', async () => {
    const group = await cli(['users', '--help']);
    expect(group.code).toBe(0);
    for (const command of ['users list', 'users reset-pin', 'users unlock']) expect(group.out[0]).toContain(command);
    expect(group.out[0]).not.toContain('plans check');
    expect((await cli(['users'])).code).toBe(2);
    expect((await cli(['users', 'frobnicate'])).code).toBe(2);
  });
});

describe('strict options', () => {
  it('an unknown option, a missing value or a value given to a flag exits 2 with the command’s usage', async () => {
    const cases: string[][] = [];
    for (const command of COMMANDS) cases.push([...command.split(' '), 'x', '--frobnicate']);
    cases.push(
      ['records', 'list', '--data-dir'],
      ['users', 'list', '--json=yes'],
      ['users', 'list', '-x'],
      ['audit', 'verify', '--lang'],
      ['records', 'verify', 'x', '--key', '--json'],
      ['runs', 'simulate', 'fire', '--seed'],
    );
    const nowhere = join(temp('guardbook-strict-'), 'never-made');
    for (const argv of cases) {
      const r = await cli(argv.includes('--data-dir') ? argv : [...argv, '--data-dir', nowhere], '975318');
      const command = argv.slice(0, 2).join(' ');
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: 2, out: [] });
      expect(r.err.join('\n')).toContain(`usage: guardbook ${command} `);
    }
    expect(existsSync(nowhere)).toBe(false);
  });

  it('after --, what looks like an option is a file name', async () => {
    const r = await cli(['plans', 'check', '--lang', 'en', '--', FIXTURE_PLAN]);
    expect(r).toMatchObject({ code: 0, out: ['checked 1 file: 0 errors, 0 warnings'] });
  });
});

describe('listing and verifying commands never write to the data folder', () => {
  /** Every command that only reads, each as it would be run against `dir`. */
  const readers = (f: Folder, out: string): string[][] => [
    ['users', 'list'],
    ['users', 'list', '--json'],
    ['audit', 'verify'],
    ['audit', 'verify', '--json'],
    ['records', 'list', '--lang', 'en'],
    ['records', 'list', '--json', '--text', '火'],
    ['records', 'verify', join(f.dir, 'runs'), '--data-dir', f.dir],
    ['records', 'verify', join(f.dir, 'runs'), '--data-dir', f.dir, '--json'],
    ...f.runIds.map((runId) => ['records', 'export', runId, '--format', 'csv', '--out', join(out, `${runId}.csv`)]),
    ...f.runIds.map((runId) => ['records', 'export', runId, '--out', join(out, `${runId}.json`)]),
    ['records', 'export', '--from', '2026-03-01', '--to', '2026-03-02', '--out', join(out, 'range.zip')],
    ['plans', 'check', FIXTURE_PLAN],
    ['plans', 'show', FIXTURE_PLAN],
  ];

  async function runAll(f: Folder, viaEnvironment: boolean): Promise<Result[]> {
    const out = temp('guardbook-out-');
    const results: Result[] = [];
    const run = async () => {
      for (const argv of readers(f, out)) {
        const named = viaEnvironment || argv[0] === 'plans' || argv.includes('--data-dir');
        const withDir = named ? argv : [...argv, '--data-dir', f.dir];
        results.push(await cli(withDir));
      }
    };
    await withEnvDataDir(viaEnvironment ? f.dir : undefined, run);
    // The history index was once written a second after `records list` (a timed flush): wait past that too.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    return results;
  }

  it('leave a folder with runs, users and a trail byte for byte as it was (and write no history index)', async () => {
    const f = copyOf(b);
    rmSync(join(f.dir, 'runs', 'index.json'), { force: true }); // what `records list` used to write
    for (const viaEnvironment of [false, true]) {
      const before = snapshot(f.dir);
      const results = await runAll(f, viaEnvironment);
      for (const r of results) expect(r.code).toBe(0);
      expect(snapshot(f.dir)).toEqual(before);
    }
  }, 60_000);

  it('leave a folder whose users file is damaged as it is: shown from the backup, not repaired', async () => {
    const f = copyOf(a);
    const users = join(f.dir, 'people', 'users.json');
    cpSync(users, `${users}.bak`);
    cpSync(FIXTURE_PLAN, users); // not a users file
    const before = snapshot(f.dir);
    const listed = await cli(['users', 'list', '--data-dir', f.dir]);
    expect(listed).toMatchObject({ code: 0, out: [expect.stringContaining('甲管理员')] });
    expect(snapshot(f.dir)).toEqual(before);
  });

  it('make nothing in an empty folder: no key, no trail, no people, no runs folder', async () => {
    const empty = temp('guardbook-empty-');
    const f: Folder = { dir: empty, admin: a.admin, runIds: [] };
    const results = await runAll(f, false);
    expect(readdirSync(empty)).toEqual([]);
    expect(results.find((r) => r.text.includes('no users'))?.code).toBe(0);
    // With nothing to check against, records verify is a usage error (no installation key); the rest run.
    expect(results.filter((r) => r.code === 2)).toHaveLength(2);
  }, 30_000);

  it('never make a folder that is not there, wherever the name came from', async () => {
    const parent = temp('guardbook-absent-');
    const absent = join(parent, 'data');
    const f: Folder = { dir: absent, admin: a.admin, runIds: [] };
    for (const viaEnvironment of [false, true]) {
      const results = await runAll(f, viaEnvironment);
      for (const r of results.filter((r) => r.text.includes('there is no data folder'))) expect(r.code).toBe(1);
      expect(results.filter((r) => r.text.includes('there is no data folder')).length).toBeGreaterThanOrEqual(5);
    }
    expect(readdirSync(parent)).toEqual([]);
    // Nor do the commands that change a folder: they need one with that user in it.
    for (const argv of [
      ['users', 'reset-pin', 'u-x'],
      ['users', 'unlock', 'u-x'],
    ]) {
      const r = await cli([...argv, '--data-dir', absent], '975318');
      expect(r).toMatchObject({
        code: 1,
        err: [`没有这个数据目录 / there is no data folder at ${absent} (--data-dir)`],
      });
    }
    expect(readdirSync(parent)).toEqual([]);
  }, 30_000);

  it('users list works while the app has the folder open (it takes no lock)', async () => {
    const f = copyOf(a);
    const backend = await createBackend({
      dataDir: f.dir,
      plansDir: PLANS_DIR,
      host: 'web',
      version: '0',
      log: () => {},
    });
    try {
      expect(await cli(['users', 'list', '--data-dir', f.dir])).toMatchObject({
        code: 0,
        out: [expect.stringContaining('甲管理员')],
      });
      const refused = await cli(['users', 'unlock', f.admin.id, '--data-dir', f.dir]);
      expect(refused).toMatchObject({ code: 1, err: [expect.stringContaining('close it first')] });
    } finally {
      await backend.close();
    }
  }, 30_000);
});

describe('the browser edition’s options', () => {
  it('are parsed strictly, with the same data-folder rule and --help', () => {
    expect(parseWebArgs(['--port', '8080', '--data-dir', '/d', '--open'], {})).toEqual({
      port: 8080,
      dataDir: '/d',
      dataDirSource: 'argument',
      open: true,
    });
    expect(parseWebArgs(['--port=0'], { GUARDBOOK_DATA_DIR: '/env' })).toEqual({
      port: 0,
      dataDir: '/env',
      dataDirSource: 'environment',
    });
    expect(parseWebArgs(['--data-dir', '/d'], { GUARDBOOK_DATA_DIR: '/env' })).toMatchObject({ dataDir: '/d' });
    expect(parseWebArgs([], {})).toEqual({});
    expect(parseWebArgs(['--help'], {})).toEqual({ help: true });
    expect(parseWebArgs(['-h', '--frobnicate'], {})).toEqual({ help: true });
    for (const argv of [
      ['--frobnicate'],
      ['--port'],
      ['--port', 'x'],
      ['--port', '70000'],
      ['--port', ''],
      ['--open=1'],
      ['extra'],
      ['--data-dir='],
    ]) {
      expect(() => parseWebArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
    }
  });
});
