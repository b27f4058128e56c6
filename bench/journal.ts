// `npm run bench -- journal`: append-to-ack latency of the journal (write + fsync) against a bare write+fsync
// of the same bytes and against SQLite (WAL, synchronous=FULL); verification against JSON.parse + SHA-256.
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { chainEvent, GENESIS_HASH, journalLine, type JournalEvent } from '../shared/journal/format';
import { verifyJournalText } from '../shared/journal/verify';
import { checkPlanText } from '../shared/plan/checkPlanText';
import { PLANS_DIR } from '../electron/build/projectPaths';
import { JournalFile } from '../electron/journal/journalFile';
import { nodeJournalCrypto, sha256Hex } from '../electron/journal/nodeCrypto';
import { SealRegister } from '../electron/journal/sealRegister';
import { loadOrCreateSigningKey } from '../electron/journal/signingKey';
import { runCli } from '../electron/cli/main';

const APPENDS = 1000;
const WARMUP = 100;
const VERIFY_EVENTS = 20_000;

const noteData = (i: number) => ({
  text: `第 ${i} 条备注：嫌疑人向东侧出口移动，身穿深色外套 / note ${i}`,
  step: 'keep-distance',
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describe(label: string, samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(3)} ms   p99 ${p99.toFixed(3)} ms`);
  return { p50, p99 };
}

export async function benchJournal(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guardbook-bench-journal-'));
  const plan = checkPlanText(readFileSync(join(PLANS_DIR, 'armed-robbery.json'), 'utf8')).plan!;
  try {
    console.log(`journal: ${APPENDS} appends each, every one acknowledged only after fsync (temp dir ${dir})`);

    // The three writers take turns event by event, after a warm-up, so JIT, caches and the disk's own
    // moods fall on all of them alike.
    const journal = await JournalFile.create(join(dir, 'run.jsonl'), 'bench', {
      runId: 'bench',
      mode: 'drill',
      plan: { id: plan.id, version: plan.version, contentHash: 'sha256:bench', body: plan },
      operator: 'bench',
      branch: { name: '', code: '' },
    });
    const bare = openSync(join(dir, 'bare.jsonl'), 'a');
    const db = new Database(join(dir, 'bench.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (seq INTEGER PRIMARY KEY, at TEXT, type TEXT, by TEXT, data TEXT, prev TEXT, hash TEXT)',
    );
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)');
    const journalTimes: number[] = [];
    const bareTimes: number[] = [];
    const sqliteTimes: number[] = [];
    let previousLine = Buffer.alloc(0);
    for (let i = 0; i < WARMUP + APPENDS; i++) {
      const timings: Record<'journal' | 'bare' | 'sqlite', number> = { journal: 0, bare: 0, sqlite: 0 };
      let event: JournalEvent | undefined;
      // Each writer goes first, second and third in turn: whoever follows another fsync pays for it otherwise.
      const order = (['journal', 'bare', 'sqlite'] as const).map((_, k, all) => all[(i + k) % 3]!);
      for (const writer of order) {
        const start = performance.now();
        if (writer === 'journal') {
          // 1. The journal: chain, canonical line, write, fsync.
          event = await journal.append('note.added', 'bench', noteData(i));
        } else if (writer === 'bare') {
          // 2. The floor: a line of the same size, written and fsynced the same way, with nothing else.
          const bytes = previousLine.length > 0 ? previousLine : Buffer.from(journalLine(journal.events.at(-1)!));
          writeSync(bare, bytes);
          fsyncSync(bare);
        } else {
          // 3. SQLite, durable: WAL with synchronous=FULL, one transaction per event.
          const e = journal.events.at(-1)!;
          insert.run(i + 1, e.at, e.type, e.by, JSON.stringify(e.data), e.prev, e.hash);
        }
        timings[writer] = performance.now() - start;
      }
      previousLine = Buffer.from(journalLine(event!));
      if (i < WARMUP) continue;
      journalTimes.push(timings.journal);
      bareTimes.push(timings.bare);
      sqliteTimes.push(timings.sqlite);
    }
    await journal.close();
    closeSync(bare);
    db.close();

    const j = describe('journal append (chain + write + fsync)', journalTimes);
    const b = describe('bare write + fsync, same bytes', bareTimes);
    const s = describe('SQLite insert (WAL, synchronous=FULL)', sqliteTimes);
    console.log(
      `  p99 journal / bare: ${(j.p99 / b.p99).toFixed(2)}× (goal ≤ 1.5×: ${j.p99 / b.p99 <= 1.5 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  p50 journal / SQLite: ${(j.p50 / s.p50).toFixed(2)}×, p99 ${(j.p99 / s.p99).toFixed(2)}× (goal: not slower: ${j.p99 <= s.p99 ? 'met' : 'NOT met'})`,
    );

    // 4. Verification of a long journal against the least any verifier must do: parse and hash each line.
    let prev = GENESIS_HASH;
    const text: string[] = [];
    const started = chainEvent(
      prev,
      {
        seq: 1,
        at: new Date().toISOString(),
        type: 'run.started',
        by: 'bench',
        data: {
          runId: 'v',
          mode: 'drill',
          plan: { id: plan.id, version: plan.version, contentHash: 'sha256:bench', body: plan },
          operator: null,
          branch: { name: '', code: '' },
        },
      },
      sha256Hex,
    );
    text.push(journalLine(started));
    prev = started.hash;
    for (let i = 2; i <= VERIFY_EVENTS; i++) {
      const event = chainEvent(
        prev,
        {
          seq: i,
          at: new Date(1_800_000_000_000 + i * 1000).toISOString(),
          type: 'note.added',
          by: 'bench',
          data: noteData(i),
        },
        sha256Hex,
      );
      text.push(journalLine(event));
      prev = event.hash;
    }
    const journalText = text.join('');
    const time = (fn: () => void) => {
      fn();
      const runs: number[] = [];
      for (let r = 0; r < 5; r++) {
        const start = performance.now();
        fn();
        runs.push(performance.now() - start);
      }
      return runs.sort((a, b) => a - b)[2]!;
    };
    const verifyMs = time(() => {
      const result = verifyJournalText(journalText, nodeJournalCrypto);
      if (!result.ok) throw new Error('bench journal does not verify');
    });
    const baselineMs = time(() => {
      for (const line of journalText.split('\n')) {
        if (line === '') continue;
        JSON.parse(line);
        sha256Hex(line);
      }
    });
    console.log(
      `  verify ${VERIFY_EVENTS} events (${(journalText.length / 1e6).toFixed(1)} MB): ${verifyMs.toFixed(1)} ms; JSON.parse + SHA-256 per line: ${baselineMs.toFixed(1)} ms`,
    );
    console.log(
      `  verify / baseline: ${(verifyMs / baselineMs).toFixed(2)}× (goal ≤ 2×: ${verifyMs / baselineMs <= 2 ? 'met' : 'NOT met'})`,
    );

    // 5. The same journal sealed and registered in a data folder, verified as an auditor does it from the command
    // line: `records verify <file> --data-dir D` (read, chain, signature, pinned key, the seal register).
    const dataDir = join(dir, 'data');
    const key = loadOrCreateSigningKey(dataDir);
    const sealed = chainEvent(
      prev,
      {
        seq: VERIFY_EVENTS + 1,
        at: new Date(1_800_000_000_000 + (VERIFY_EVENTS + 1) * 1000).toISOString(),
        type: 'run.sealed',
        by: 'system',
        data: { head: prev, signature: key.sign(prev), publicKey: key.publicKey, keyId: key.keyId },
      },
      sha256Hex,
    );
    const file = join(dataDir, 'v.jsonl');
    writeFileSync(file, journalText + journalLine(sealed));
    const register = SealRegister.open(dataDir, key.keyId);
    register.register({
      runId: 'v',
      events: VERIFY_EVENTS + 1,
      head: sealed.hash,
      sealedAt: sealed.at,
      keyId: key.keyId,
    });
    register.close();
    const quiet = { out: () => {}, err: () => {}, readLine: async () => '' };
    const cliRuns: number[] = [];
    for (let r = 0; r < 6; r++) {
      const start = performance.now();
      const code = await runCli(['records', 'verify', file, '--data-dir', dataDir], quiet);
      if (code !== 0) throw new Error('the sealed bench journal does not verify from the command line');
      if (r > 0) cliRuns.push(performance.now() - start);
    }
    const cliMs = cliRuns.sort((a, b) => a - b)[2]!;
    // What any verifier of a file must do at least: read it, decode it, parse and hash each line.
    const fileBaselineMs = time(() => {
      for (const line of readFileSync(file).toString('utf8').split('\n')) {
        if (line === '') continue;
        JSON.parse(line);
        sha256Hex(line);
      }
    });
    console.log(
      `  records verify --data-dir of ${VERIFY_EVENTS + 1} events (file read, chain, seal, pinned key, register): ` +
        `${cliMs.toFixed(1)} ms; read + decode + JSON.parse + SHA-256 per line: ${fileBaselineMs.toFixed(1)} ms`,
    );
    console.log(
      `  records verify / that baseline: ${(cliMs / fileBaselineMs).toFixed(2)}× ` +
        `(goal ≤ 2×: ${cliMs / fileBaselineMs <= 2 ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
