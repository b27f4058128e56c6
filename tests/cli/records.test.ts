// `runs simulate` leaves a sealed run; `records verify` passes it, pins keys, and names the line, byte and
// reason of any damage; exit codes 0 / 1 / 2; the same seed walks the same path.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/json/canonicalJson';
import type { JournalEvent } from '../../shared/journal/format';
import { runCli } from '../../electron/cli/main';
import { seededRandom, simulateRun } from '../../electron/cli/runsCommands';
import { readJournal } from '../../electron/journal/journalFile';
import { fingerprintOf, loadOrCreateSigningKey } from '../../electron/journal/signingKey';
import { contentHashOf } from '../../electron/plans/contentHash';
import { bundledPlanFiles } from '../support/bundledPlans';
import { BUNDLED_PLANS_DIR, loadPlanFile, T0, tempDir } from '../support/runJournal';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ARMED_HASH = contentHashOf(loadPlanFile(join(BUNDLED_PLANS_DIR, 'armed-robbery.json')));

interface Simulated {
  dataDir: string;
  path: string;
  events: JournalEvent[];
  keyId: string;
}

async function simulate(seed: number, planId = 'armed-robbery'): Promise<Simulated> {
  const dataDir = tempDir('guardbook-records-');
  const result = await simulateRun({ planId, dataDir, mode: 'drill', seed, start: new Date(T0) });
  const verification = await readJournal(result.path);
  expect(verification.events).toHaveLength(result.events);
  return { dataDir, path: result.path, events: verification.events, keyId: loadOrCreateSigningKey(dataDir).keyId };
}

/** A journal's path without times and ids: event types and data, as a seed decides them. */
function pathOf(events: readonly JournalEvent[]): unknown[] {
  return events.map(({ type, data }) => {
    if (type === 'run.sealed') return { type }; // head, signature and key differ with times and data folders
    const { runId: _runId, due: _due, ...rest } = data as Record<string, unknown>;
    return { type, data: rest };
  });
}

/** Byte offset of a 1-based line. */
function offsetOfLine(bytes: Buffer, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = bytes.indexOf(0x0a, offset) + 1;
  return offset;
}

describe('runs simulate, then records verify', () => {
  let run: Simulated;
  beforeAll(async () => {
    run = await simulate(7);
  });

  it('simulateRun leaves a sealed run that verifies: PASS, event count, plan and signature status', async () => {
    expect(run.events[0]!.at).toBe(new Date(T0).toISOString());
    expect(run.events.at(-2)!.type).toBe('run.signedOff');
    expect(run.events.at(-1)!.type).toBe('run.sealed');
    expect(run.events.filter((e) => e.type === 'run.ended')).toHaveLength(1);
    const r = await cli('records', 'verify', run.path, '--lang', 'en');
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        `PASS ${run.path}: ${run.events.length} events, ${run.events[0]!.at} → ${run.events.at(-1)!.at}, ` +
          `armed-robbery v1 ${ARMED_HASH}, sealed, ` +
          `signature valid (key ${run.keyId}, not checked against a trusted key)`,
      ],
    });
    const zh = await cli('records', 'verify', run.path);
    expect(zh.out[0]).toMatch(
      new RegExp(`^PASS .*: ${run.events.length} 条事件, .*已封存，签名有效（密钥 ${run.keyId}，未核对受信任密钥）$`),
    );
  });

  it('runCli runs simulate and verifies the folder, pinned to the installation key with --data-dir', async () => {
    const dataDir = tempDir('guardbook-records-');
    const sim = await cli(
      'runs',
      'simulate',
      'armed-robbery',
      '--data-dir',
      dataDir,
      '--seed',
      '3',
      '--mode',
      'incident',
    );
    expect(sim.code).toBe(0);
    const [, runId, path, count] = /^(\S+) (\S+) \((\d+) events\)$/.exec(sim.out[0]!)!;
    expect(path).toBe(join(dataDir, 'runs', `${runId}.jsonl`));
    const verification = await readJournal(path!);
    expect(verification).toMatchObject({ ok: true, seal: 'valid' });
    expect(verification.events).toHaveLength(Number(count));
    expect((verification.events[0]!.data as { mode: string }).mode).toBe('incident');

    const key = loadOrCreateSigningKey(dataDir);
    const r = await cli('records', 'verify', join(dataDir, 'runs'), '--data-dir', dataDir, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^PASS ${escape(path!)}: ${count} events, .* → .*, armed-robbery v1 ${escape(ARMED_HASH)}, ` +
            `sealed, signature valid \\(key ${key.keyId}, trusted\\)$`,
        ),
      ),
      `installation key fingerprint: ${fingerprintOf(key.publicKey)}`,
      expect.stringMatching(/^seal register: 1 seals, head [0-9a-f]{64}$/),
    ]);
    const zh = await cli('records', 'verify', path!, '--data-dir', dataDir);
    expect(zh.out[0]).toContain(`（密钥 ${key.keyId}，受信任）`);
  });

  it('takes the data folder from GUARDBOOK_DATA_DIR when --data-dir is not given', async () => {
    const dataDir = tempDir('guardbook-records-');
    const before = process.env.GUARDBOOK_DATA_DIR;
    process.env.GUARDBOOK_DATA_DIR = dataDir;
    try {
      const sim = await cli('runs', 'simulate', 'fire');
      expect(sim.code).toBe(0);
      expect(sim.out[0]).toContain(join(dataDir, 'runs'));
    } finally {
      if (before === undefined) delete process.env.GUARDBOOK_DATA_DIR;
      else process.env.GUARDBOOK_DATA_DIR = before;
    }
  });

  it('fails a seal made with another key than the one given with --key: untrusted-key, exit 1', async () => {
    const otherDir = tempDir('guardbook-key-');
    const other = loadOrCreateSigningKey(otherDir);
    const keyFile = join(otherDir, 'keys', 'installation-ed25519.pub.der.b64');
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(other.publicKey);
    const r = await cli('records', 'verify', run.path, '--key', keyFile, '--lang', 'en');
    expect(r.code).toBe(1);
    const n = run.events.length;
    const bytes = readFileSync(run.path);
    expect(r.out).toEqual([
      `FAIL ${run.path}: ${n - 1} events, ${run.events[0]!.at} → ${run.events.at(-2)!.at}, ` +
        `armed-robbery v1 ${ARMED_HASH}, seal not valid\n` +
        `  line ${n} (byte ${offsetOfLine(bytes, n)}): ` +
        `untrusted-key — the seal was made with an untrusted key: ${run.keyId}`,
      `key fingerprint used: ${fingerprintOf(other.publicKey)}`,
    ]);
    // Its own key passes.
    const own = join(run.dataDir, 'keys', 'installation-ed25519.pub.der.b64');
    expect((await cli('records', 'verify', run.path, '--key', own)).code).toBe(0);
  });

  it('fails a damaged file with the line, byte offset and reason, exit 1', async () => {
    const dir = tempDir('guardbook-records-');
    const lines = readFileSync(run.path, 'utf8').split('\n');
    // Line 5 edited by hand (a time moved by a minute), re-serialised canonically: the hash gives it away.
    const edited = JSON.parse(lines[4]!) as JournalEvent;
    edited.at = new Date(Date.parse(edited.at) - 60_000).toISOString();
    lines[4] = canonicalJson(edited);
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, lines.join('\n'));
    const bytes = readFileSync(damaged);
    const r = await cli('records', 'verify', damaged, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const [head, detail] = r.out[0]!.split('\n');
    expect(head).toBe(
      `FAIL ${damaged}: 4 events, ${run.events[0]!.at} → ${run.events[3]!.at}, ` +
        `armed-robbery v1 ${ARMED_HASH}, not sealed`,
    );
    expect(detail).toBe(
      `  line 5 (byte ${offsetOfLine(bytes, 5)}): bad-hash — the content does not match its hash (altered)`,
    );
    const zh = await cli('records', 'verify', damaged);
    expect(zh.out[0]).toContain(`第 5 行（字节 ${offsetOfLine(bytes, 5)}）: bad-hash — 内容与其哈希不符（已被修改）`);

    // A torn last line is a failure too (verify reports; only the app's reopening repairs).
    const torn = join(dir, 'torn.jsonl');
    writeFileSync(torn, readFileSync(run.path).subarray(0, -10));
    const t = await cli('records', 'verify', torn, '--lang', 'en');
    expect(t.code).toBe(1);
    expect(t.out[0]).toMatch(
      new RegExp(`\\n  line ${run.events.length} \\(byte ${offsetOfLine(bytes, run.events.length)}\\): torn — `),
    );
  });

  it('checks every journal in a folder: one good and one damaged give exit 1 and a line for each', async () => {
    const dir = tempDir('guardbook-records-');
    copyFileSync(run.path, join(dir, 'a-good.jsonl'));
    const lines = readFileSync(run.path, 'utf8').split('\n');
    writeFileSync(join(dir, 'b-damaged.jsonl'), [...lines.slice(0, 2), ...lines.slice(3)].join('\n')); // line 3 deleted
    writeFileSync(join(dir, 'a-good.torn-9-1.jsonl'), '{"seq":9'); // sidecars are not journals
    writeFileSync(join(dir, 'notes.txt'), 'not a journal');
    const r = await cli('records', 'verify', dir, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(new RegExp(`^PASS ${escape(join(dir, 'a-good.jsonl'))}: ${run.events.length} events`));
    expect(r.out[1]).toMatch(
      new RegExp(
        `^FAIL ${escape(join(dir, 'b-damaged.jsonl'))}: 2 events, .*` +
          `\\n  line 3 \\(byte \\d+\\): seq-gap — sequence gap: 4 ≠ 3$`,
      ),
    );

    // A missing file is reported, not thrown.
    const missing = await cli('records', 'verify', join(dir, 'a-good.jsonl'), join(dir, 'gone.jsonl'), '--lang', 'en');
    expect(missing.code).toBe(1);
    expect(missing.out[1]).toBe(`FAIL ${join(dir, 'gone.jsonl')}: cannot read (ENOENT)`);
  });

  it('prints JSON with --json', async () => {
    const dir = tempDir('guardbook-records-');
    copyFileSync(run.path, join(dir, 'a-good.jsonl'));
    const bytes = readFileSync(run.path);
    writeFileSync(join(dir, 'b-torn.jsonl'), bytes.subarray(0, offsetOfLine(bytes, 6) + 7));
    const r = await cli('records', 'verify', dir, '--json', '--data-dir', run.dataDir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out.join('\n')) as unknown;
    expect(report).toEqual([
      {
        file: join(dir, 'a-good.jsonl'),
        ok: true,
        events: run.events.length,
        firstAt: run.events[0]!.at,
        lastAt: run.events.at(-1)!.at,
        plan: { id: 'armed-robbery', version: 1, contentHash: ARMED_HASH },
        seal: 'valid',
        keyId: run.keyId,
        fingerprint: fingerprintOf(loadOrCreateSigningKey(run.dataDir).publicKey),
      },
      {
        file: join(dir, 'b-torn.jsonl'),
        ok: false,
        events: 5,
        firstAt: run.events[0]!.at,
        lastAt: run.events[4]!.at,
        plan: { id: 'armed-robbery', version: 1, contentHash: ARMED_HASH },
        seal: 'none',
        failure: {
          line: 6,
          offset: offsetOfLine(bytes, 6),
          reason: 'torn',
          message: {
            'zh-CN': '最后一行不完整（写入时中断）',
            en: 'the last line is incomplete (the write was interrupted)',
          },
        },
      },
    ]);
  });

  it('exits 2 for wrong usage', async () => {
    const emptyDataDir = tempDir('guardbook-records-');
    const usage: string[][] = [
      ['records', 'verify'],
      ['records', 'verify', run.path, '--frobnicate'],
      ['records', 'verify', run.path, '--key'],
      ['records', 'verify', run.path, '--lang', 'fr'],
      ['records', 'verify', run.path, '--data-dir', emptyDataDir], // no installation key there
      ['records', 'sign', run.path],
      ['runs', 'simulate'],
      ['runs', 'simulate', 'armed-robbery', 'fire', '--data-dir', emptyDataDir],
      ['runs', 'simulate', 'armed-robbery', '--mode', 'fly', '--data-dir', emptyDataDir],
      ['runs', 'simulate', 'armed-robbery', '--seed', '1.5', '--data-dir', emptyDataDir],
      ['runs', 'simulate', 'armed-robbery', '--json', '--data-dir', emptyDataDir],
    ];
    for (const argv of usage) {
      const r = await cli(...argv);
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: 2, out: [] });
      expect(r.err.join('\n')).toContain('usage: guardbook');
    }
    expect((await cli('records', 'verify', run.path, '--data-dir', emptyDataDir)).err[0]).toContain(
      `no installation key in ${emptyDataDir}/keys`,
    );
  });

  // An unknown plan id is bad input (exit 1 with a message), not an internal error (exit 70).
  it('reports an unknown plan id as bad input, not as an internal error', async () => {
    const r = await cli('runs', 'simulate', 'no-such-plan', '--data-dir', tempDir('guardbook-records-'));
    expect([1, 2]).toContain(r.code);
  });
});

describe('the same seed walks the same path', () => {
  it('gives the same event types and data, ignoring times and ids, through simulateRun and runCli', async () => {
    const a = await simulate(11);
    const dataDir = tempDir('guardbook-records-');
    const viaCli = await cli('runs', 'simulate', 'armed-robbery', '--seed', '11', '--data-dir', dataDir);
    const path = /^\S+ (\S+) /.exec(viaCli.out[0]!)![1]!;
    const b = (await readJournal(path)).events;
    expect(pathOf(b)).toEqual(pathOf(a.events));
    expect(a.events[0]!.data).not.toEqual(b[0]!.data); // the run ids do differ
    // And the path is the seed's: another seed walks another way.
    const c = await simulate(12);
    expect(pathOf(c.events)).not.toEqual(pathOf(a.events));
  });

  it('seededRandom repeats its sequence for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of take(1)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('walks every bundled plan to a sealed end', async () => {
    const dataDir = tempDir('guardbook-records-');
    for (const planId of bundledPlanFiles().map((f) => f.replace(/\.json$/, ''))) {
      const result = await simulateRun({ planId, dataDir, mode: 'drill', seed: 5 });
      expect({ planId, verification: await readJournal(result.path) }).toMatchObject({
        planId,
        verification: { ok: true, seal: 'valid' },
      });
    }
    const r = await cli('records', 'verify', join(dataDir, 'runs'), '--data-dir', dataDir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n'))).toHaveLength(bundledPlanFiles().length);
  });
});
