// `npm run bench -- journal`: append-to-ack latency of the journal (write + fsync) against a bare write+fsync
// of the same bytes and against SQLite (WAL, synchronous=FULL); verification against JSON.parse + SHA-256.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { chainEvent, GENESIS_HASH, journalLine } from '../shared/journal/format';
import { verifyJournalText } from '../shared/journal/verify';
import { checkPlanText } from '../shared/plan/checkPlanText';
import { PLANS_DIR } from '../electron/build/projectPaths';
import { JournalFile } from '../electron/journal/journalFile';
import { nodeJournalCrypto, sha256Hex } from '../electron/journal/nodeCrypto';

const APPENDS = 500;
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

    // 1. The journal: chain, canonical line, write, fsync.
    const journal = await JournalFile.create(join(dir, 'run.jsonl'), 'bench', {
      runId: 'bench',
      mode: 'drill',
      plan: { id: plan.id, version: plan.version, contentHash: 'sha256:bench', body: plan },
      operator: 'bench',
      branch: { name: '', code: '' },
    });
    const journalTimes: number[] = [];
    const lines: Buffer[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const start = performance.now();
      const event = await journal.append('note.added', 'bench', noteData(i));
      journalTimes.push(performance.now() - start);
      lines.push(Buffer.from(journalLine(event)));
    }
    await journal.close();

    // 2. The floor: the same bytes, written and fsynced with nothing else.
    const bare = await open(join(dir, 'bare.jsonl'), 'a');
    const bareTimes: number[] = [];
    for (const line of lines) {
      const start = performance.now();
      await bare.write(line);
      await bare.sync();
      bareTimes.push(performance.now() - start);
    }
    await bare.close();

    // 3. SQLite, durable: WAL with synchronous=FULL, one transaction per event.
    const db = new Database(join(dir, 'bench.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (seq INTEGER PRIMARY KEY, at TEXT, type TEXT, by TEXT, data TEXT, prev TEXT, hash TEXT)',
    );
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)');
    const sqliteTimes: number[] = [];
    for (const line of lines) {
      const e = JSON.parse(line.toString('utf8')) as {
        seq: number;
        at: string;
        type: string;
        by: string;
        data: unknown;
        prev: string;
        hash: string;
      };
      const start = performance.now();
      insert.run(e.seq, e.at, e.type, e.by, JSON.stringify(e.data), e.prev, e.hash);
      sqliteTimes.push(performance.now() - start);
    }
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
