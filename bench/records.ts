// `npm run bench -- records`: the history at scale. 10,000 generated runs (about a million events) written with
// the real journal format, then index rebuild and reload, history queries and the backend's memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PLANS_DIR, PROJECT_ROOT } from '../electron/build/projectPaths';
import { sha256Hex } from '../electron/journal/nodeCrypto';
import { loadOrCreateSigningKey, type SigningKey } from '../electron/journal/signingKey';
import { contentHashOf } from '../electron/plans/contentHash';
import { PlanLibrary } from '../electron/plans/planLibrary';
import { INDEX_FILE, RunIndex } from '../electron/records/runIndex';
import { RecordsService } from '../electron/records/recordsService';
import { dataFolderWitnesses } from '../electron/records/dataFolderWitnesses';
import { SealRegister } from '../electron/journal/sealRegister';
import { chainEvent, GENESIS_HASH, journalLine, type JournalEvent } from '../shared/journal/format';
import type { JournalEventData, JournalEventType, RunMode } from '../shared/journal/events';
import { availableEvents } from '../shared/plan/runEvents';
import type { RunEvent } from '../shared/plan/compile';
import type { Plan } from '../shared/plan/schema';
import { type RecordQuery } from '../shared/records/recordQuery';
import { pendingDeadlines } from '../shared/run/deadlines';
import { applyEvent, replayRun, type ReplayContext, type RunState } from '../shared/run/runState';
import { seededRandom } from '../electron/cli/runsCommands';
import { fmt } from './timing';

/** GUARDBOOK_BENCH_RUNS makes a smaller history for a quick look; the goals are for 10,000. */
const RUNS = Number(process.env.GUARDBOOK_BENCH_RUNS ?? 10_000);
/** Bump when the generator changes: the cached data folder is keyed by it. */
const DATA_VERSION = 'v3'; // v3: a seal register beside the journals
const SEED = 20_260_301;
/** A phrase in the notes of about 1% of runs, and nowhere else: what the search looks for. */
const RARE_PHRASE = '蓝色雨伞';
const RARE_SHARE = 0.01;
/** How often a side moment with no one to call becomes a note (the rest pass quietly). */
const NOTE_CHANCE = 0.45;

const GOALS = { firstPageMs: 100, searchMs: 50, rssMb: 150, recheckMs: 15_000, homeCallMs: 100 };

const OPERATORS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴昊', '徐丽', '孙涛'];
const MANAGERS = ['网点负责人 林建国', '安保主管 何晓东', '运营主管 郑雅琴'];
const COLOURS = ['深色', '灰色', '黑色', '白色', '蓝色', '红色'];
const DIRECTIONS = ['东侧出口', '西侧通道', '正门', '后门', '停车场', '地下通道'];
const NOTE_TEMPLATES: ((r: () => number) => string)[] = [
  (r) => `嫌疑人身穿${pickOf(COLOURS, r)}外套，约${170 + Math.floor(r() * 15)}厘米，向${pickOf(DIRECTIONS, r)}离开`,
  (r) => `已疏散客户${1 + Math.floor(r() * 30)}名、员工${1 + Math.floor(r() * 8)}名，无人受伤`,
  (r) => `110 报警已接通，接警员编号 ${1000 + Math.floor(r() * 9000)}`,
  (r) => `监控录像已调取并封存，时间段 ${8 + Math.floor(r() * 10)}:${String(Math.floor(r() * 60)).padStart(2, '0')} 起`,
  () => '客户情绪已稳定，安排在贵宾室休息，由大堂经理陪同',
  () => '现场已拉警戒线，保护好现场痕迹，等待民警到场',
  () => '柜面现金已锁入保险柜，尾箱封存',
  (r) => `民警${2 + Math.floor(r() * 4)}人到场，现场移交完毕`,
  () => '演练中广播未能覆盖自助银行区，需报修',
  () => '消防通道被杂物堵塞，已当场清理',
  (r) => `急救车预计 ${3 + Math.floor(r() * 12)} 分钟到达，已安排专人引导`,
  () => '已向分行安全保卫部电话报告，值班人员已记录',
  () => '一名老年客户受惊，测量血压后无异常',
  () => '对讲机 2 号电量不足，演练后更换电池',
];

const pickOf = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

interface GenerationStats {
  runs: number;
  events: number;
  bytes: number;
  seconds: number;
  rareRuns: number;
}

/**
 * The data folder of 10,000 generated runs (GUARDBOOK_BENCH_RUNS), made once and kept in the temp folder: other
 * benches copy it rather than write to it.
 */
export async function recordsDataset(): Promise<string> {
  const dataDir = join(tmpdir(), `guardbook-bench-records-${DATA_VERSION}-${RUNS}`);
  const statsFile = join(dataDir, 'generated.json');
  let stats: GenerationStats;
  if (existsSync(statsFile) && !process.env.GUARDBOOK_BENCH_REGENERATE) {
    stats = JSON.parse(readFileSync(statsFile, 'utf8')) as GenerationStats;
    console.log(`  data: cached in ${dataDir} (GUARDBOOK_BENCH_REGENERATE=1 to make it again)`);
    console.log(`  generation (earlier): ${describeStats(stats)}`);
  } else {
    rmSync(dataDir, { recursive: true, force: true });
    const partial = `${dataDir}.partial-${process.pid}`;
    stats = await generate(partial);
    writeFileSync(join(partial, 'generated.json'), JSON.stringify(stats));
    renameSync(partial, dataDir); // complete or absent: an interrupted generation is never taken as the cache
    console.log(`  data: generated in ${dataDir} (kept for later runs; GUARDBOOK_BENCH_REGENERATE=1 to redo)`);
    console.log(`  generation: ${describeStats(stats)}`);
    console.log('    written with the real format code (chainEvent + journalLine), without fsync: it is test data');
  }
  return dataDir;
}

export async function benchRecords(): Promise<void> {
  console.log(`records: the history at scale (${RUNS.toLocaleString('en')} runs)`);
  const dataDir = await recordsDataset();
  const runsDir = join(dataDir, 'runs');
  const stats = JSON.parse(readFileSync(join(dataDir, 'generated.json'), 'utf8')) as GenerationStats;

  // 1. The index rebuilt from scratch: every journal read, verified and replayed.
  rmSync(join(runsDir, INDEX_FILE), { force: true });
  let started = performance.now();
  const rebuilt = await RunIndex.load(runsDir, dataFolderWitnesses(dataDir));
  const rebuildMs = performance.now() - started;
  const each = (rebuildMs / rebuilt.report.read).toFixed(2);
  console.log(
    `  index rebuild from scratch: ${fmt(rebuildMs)} (${rebuilt.report.read} journals read, ${each} ms each)`,
  );
  const kinds = new Map<string, number>();
  for (const r of rebuilt.index.all()) kinds.set(r.integrity, (kinds.get(r.integrity) ?? 0) + 1);
  console.log(`    integrity: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  const indexBytes = statSync(join(runsDir, INDEX_FILE)).size;
  console.log(`  index.json: ${(indexBytes / 1e6).toFixed(1)} MB`);

  // 2. Reload with an up-to-date index.json, as the app does at every start.
  started = performance.now();
  const register = SealRegister.open(dataDir, 'bench');
  const service = await RecordsService.open(runsDir, () => loadOrCreateSigningKey(dataDir), { register });
  const reloadMs = performance.now() - started;
  console.log(`  reload with an up-to-date index: ${fmt(reloadMs)}`);

  // 3. Queries through the service, as `records.list` runs them: the first call, then the median of 21.
  const time = async (query: RecordQuery) => {
    const first = performance.now();
    const page = await service.list(query);
    const firstMs = performance.now() - first;
    const samples: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      await service.list(query);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return { page, firstMs, medianMs: samples[10]! };
  };
  const report = (label: string, t: Awaited<ReturnType<typeof time>>, goal?: number) => {
    const worst = Math.max(t.firstMs, t.medianMs);
    const verdict = goal === undefined ? '' : ` (goal ≤ ${goal} ms: ${worst <= goal ? 'met' : 'NOT met'})`;
    console.log(`  ${label}: first ${fmt(t.firstMs)}, median ${fmt(t.medianMs)}${verdict}`);
  };
  const firstPage = await time({ limit: 50 });
  report(`history first page (50 of ${firstPage.page.total})`, firstPage, GOALS.firstPageMs);
  const search = await time({ text: RARE_PHRASE, limit: 50 });
  report(
    `search in notes "${RARE_PHRASE}" (${search.page.total} runs; ${stats.rareRuns} have it)`,
    search,
    GOALS.searchMs,
  );
  if (search.page.total !== stats.rareRuns) console.log('    WRONG: the search found a different number of runs');
  const filtered = await time({
    mode: 'drill',
    planId: 'armed-robbery',
    from: '2025-01-01',
    to: '2025-06-30',
    limit: 50,
  });
  report(`filtered (drill, armed-robbery, 2025-01-01…2025-06-30: ${filtered.page.total} runs)`, filtered);
  await service.close();
  register.close();

  // 4. Memory, in fresh processes that only load the index (this one holds the generator's and rebuild's
  // garbage): once under tsx, as `npm run start:web` runs the backend (tsx's loader thread included), once
  // bundled by esbuild, as the Electron host ships it.
  const bundle = await bundleSelf();
  const probes: [string, string[]][] = [
    ['under tsx', ['--expose-gc', '--import', 'tsx', SELF, MEMORY_CHILD, runsDir]],
    ['bundled (as shipped)', ['--expose-gc', bundle, MEMORY_CHILD, runsDir]],
  ];
  for (const [label, args] of probes) {
    const memory = probe<MemoryReport>(args);
    if (typeof memory === 'string') {
      console.log(`  backend memory ${label}: could not measure (${memory})`);
      continue;
    }
    const gcNote = memory.gcForced ? 'after a forced GC' : 'GC NOT forced';
    console.log(
      `  backend memory ${label}, after loading the index (${gcNote}): RSS ${mb(memory.rssMb)} ` +
        `(before loading ${mb(memory.baselineRssMb)}), JS heap ${mb(memory.heapMb)} ` +
        `(goal ≤ ${GOALS.rssMb} MB RSS: ${memory.rssMb <= GOALS.rssMb ? 'met' : 'NOT met'})`,
    );
  }
  rmSync(bundle, { force: true });

  // 5. A whole backend start on this folder (it also reopens unfinished runs), then the background re-check of
  // every record against the bytes, the key and the seal register, with Home's calls timed while it runs.
  const start = probe<StartReport>(['--expose-gc', '--import', 'tsx', SELF, START_CHILD, dataDir]);
  if (typeof start === 'string') console.log(`  backend start: could not measure (${start})`);
  else {
    console.log(`  whole backend start (createBackend, under tsx): ${fmt(start.ms)}, then RSS ${mb(start.rssMb)}`);
    const r = start.recheck;
    console.log(
      `  background re-check of ${r.runs.toLocaleString('en')} records, from the start of createBackend: ${fmt(r.ms)} ` +
        `(goal ≤ ${GOALS.recheckMs / 1000} s: ${r.ms <= GOALS.recheckMs ? 'met' : 'NOT met'}); ${r.damaged} damaged, ${r.verified} verified`,
    );
    console.log(
      `  Home's calls (app.info, plans.list, runs.unfinished) during the re-check: ${r.calls} calls, median ` +
        `${fmt(r.homeMedianMs)}, worst ${fmt(r.homeWorstMs)}; after it: median ${fmt(r.homeAfterMedianMs)} ` +
        `(goal: never delayed past ${GOALS.homeCallMs} ms: ${r.homeWorstMs <= GOALS.homeCallMs ? 'met' : 'NOT met'})`,
    );
  }
}

const mb = (value: number) => `${value.toFixed(1)} MB`;

function probe<T>(args: string[]): T | string {
  const child = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (child.status !== 0) return child.stderr.trim().split('\n')[0] ?? `exit ${child.status}`;
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T;
}

/** This file bundled with everything it imports into one script for plain `node` (no TypeScript loader). */
async function bundleSelf(): Promise<string> {
  const outfile = join(tmpdir(), `guardbook-bench-records-${process.pid}.mjs`);
  const { build } = await import('esbuild'); // imported here, so the bundle itself never loads it
  await build({
    entryPoints: [SELF],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', 'esbuild'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __require } from 'node:module'; const require = __require(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

function describeStats(s: GenerationStats): string {
  const count = (n: number) => n.toLocaleString('en');
  const perRun = (s.events / s.runs).toFixed(0);
  const size = `${mb(s.bytes / 1e6)} of journals`;
  return `${count(s.runs)} runs, ${count(s.events)} events (${perRun} a run), ${size}, ${s.seconds.toFixed(1)} s`;
}

// ——— generation ———

interface PlanEntry {
  plan: Plan;
  contentHash: string;
}

async function generate(dataDir: string): Promise<GenerationStats> {
  const started = performance.now();
  const runsDir = join(dataDir, 'runs');
  mkdirSync(runsDir, { recursive: true });
  const key = loadOrCreateSigningKey(dataDir);
  const register = SealRegister.open(dataDir, key.keyId);
  const library = await PlanLibrary.loadBundled(PLANS_DIR);
  const plans: PlanEntry[] = library
    .list()
    .filter((s) => s.errors === 0)
    .map((s) => library.get(s.id).plan!)
    .map((plan) => ({ plan, contentHash: contentHashOf(plan) }));
  const random = seededRandom(SEED);
  // About three years of history, ten runs a day, during opening hours (Beijing time, 08:30–18:00).
  const firstDay = Date.UTC(2024, 0, 1);
  const days = 1035;
  let events = 0;
  let bytes = 0;
  let rareRuns = 0;
  for (let i = 0; i < RUNS; i++) {
    const day = Math.floor((i / RUNS) * days);
    const start = firstDay + day * 86_400_000 + Math.floor((0.5 + random() * 9.5) * 3_600_000);
    const rare = random() < RARE_SHARE;
    const lines = generateRun(pickOf(plans, random), start, random, key, rare);
    const text = lines.join('');
    const runId = (JSON.parse(lines[0]!) as { data: { runId: string } }).data.runId;
    writeFileSync(join(runsDir, `${runId}.jsonl`), text);
    const last = JSON.parse(lines.at(-1)!) as JournalEvent;
    if (last.type === 'run.sealed') {
      register.register({ runId, events: lines.length, head: last.hash, sealedAt: last.at, keyId: key.keyId });
    }
    events += lines.length;
    bytes += Buffer.byteLength(text);
    if (rare) rareRuns++;
    if ((i + 1) % 2000 === 0) process.stdout.write(`    generated ${i + 1} runs\n`);
  }
  register.close();
  return { runs: RUNS, events, bytes, seconds: (performance.now() - started) / 1000, rareRuns };
}

/** One run's journal lines: the plan walked through its machine, with calls, notes and deadlines as they fall. */
function generateRun(entry: PlanEntry, startMs: number, random: () => number, key: SigningKey, rare: boolean) {
  const { plan } = entry;
  const mode: RunMode = random() < 0.75 ? 'drill' : 'incident';
  const operator = pickOf(OPERATORS, random);
  const stamp = new Date(startMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const runId = `${stamp}-${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
  let clock = startMs;
  const lines: string[] = [];
  let head = GENESIS_HASH;
  const write = (type: JournalEventType, by: string | null, data: unknown): JournalEvent => {
    const event = chainEvent(
      head,
      { seq: lines.length + 1, at: new Date(clock).toISOString(), type, by, data },
      sha256Hex,
    );
    lines.push(journalLine(event));
    head = event.hash;
    return event;
  };
  const first = write('run.started', operator, {
    runId,
    mode,
    plan: { id: plan.id, version: plan.version, contentHash: entry.contentHash, body: plan },
    operator,
    branch: { name: '杭州西湖支行', code: '330106-012' },
  } satisfies JournalEventData<'run.started'>);
  const replayed = replayRun([first]);
  let state: RunState = replayed.state;
  const context: ReplayContext = replayed.context;
  // Read through a function: `state` changes inside apply(), which the compiler's narrowing cannot see.
  const output = () => (state.snapshot.status === 'done' ? state.snapshot.output : undefined);
  const apply = (type: JournalEventType, by: string | null, data: unknown) => {
    state = applyEvent(state, write(type, by, data), context);
    // The machine reached an end (a move or a timeout): the engine writes run.ended right after.
    const end = state.status === 'active' ? output() : undefined;
    if (end) apply('run.ended', 'system', { outcome: end.outcome, ...(end.endStep ? { endStep: end.endStep } : {}) });
  };

  // Side events (calls, redials, notes) are spread so a run has about 100 events; the walk itself has 20–40.
  const target = 80 + Math.floor(random() * 90);
  const expectedMoves = 30;
  let rareWritten = !rare;
  for (let guard = 0; state.status === 'active' && guard < 1000; guard++) {
    clock += 3_000 + Math.floor(random() * 45_000);
    // Deadlines that passed are written first, as the engine does when it catches up.
    for (const due of pendingDeadlines(state, context).filter((d) => d.due.getTime() <= clock)) {
      if (due.kind === 'overdue') {
        apply('step.overdue', 'system', { step: due.step, due: due.due.toISOString(), targetSeconds: due.seconds });
      } else {
        apply('step.timeout', 'system', { step: due.step, due: due.due.toISOString(), seconds: due.seconds });
      }
      break; // one at a time: the next deadline depends on the state this one made
    }
    if (state.status !== 'active') break;
    const remaining = target - lines.length - 3;
    const sideChance = remaining <= 0 ? 0 : remaining / (remaining + Math.max(3, expectedMoves - guard / 2));
    if (random() < sideChance) {
      // Calls (and redials) where a step lists contacts; otherwise now and then a note, else a quiet minute.
      const callable = state.active.flatMap(({ step }) => {
        const def = context.steps.get(step)?.step;
        return def && 'contacts' in def ? (def.contacts ?? []).map((contact) => ({ step, contact })) : [];
      });
      if (callable.length > 0 && random() < 0.85) {
        const { step, contact } = pickOf(callable, random);
        const phone = plan.contacts.find((c) => c.id === contact)?.phone ?? '0571-8700 1234';
        apply('contact.called', operator, { step, contact, phone });
      } else if (random() < NOTE_CHANCE && state.active.length > 0) {
        const text =
          !rareWritten && random() < 0.2
            ? `嫌疑人遗留一把${RARE_PHRASE}，已交民警`
            : pickOf(NOTE_TEMPLATES, random)(random);
        if (text.includes(RARE_PHRASE)) rareWritten = true;
        apply('note.added', operator, { text, step: pickOf(state.active, random).step });
      }
      continue;
    }
    const moves = availableEvents(plan, state.snapshot, context.steps).filter((m) => m.type !== 'TIMEOUT');
    if (moves.length === 0) break;
    // Checklist items first, mostly: guards tick what they did before they mark the step done.
    const ticks = moves.filter((m) => m.type === 'CHECK');
    const move: RunEvent = ticks.length > 0 && random() < 0.85 ? pickOf(ticks, random) : pickOf(moves, random);
    if (move.type === 'COMPLETE') apply('step.completed', operator, { step: move.step });
    else if (move.type === 'CHOOSE') apply('option.chosen', operator, { step: move.step, option: move.option });
    else if (move.type === 'CHECK') apply('checklist.ticked', operator, { step: move.step, item: move.item });
  }
  if (!rareWritten) {
    apply('note.added', operator, { text: `嫌疑人遗留一把${RARE_PHRASE}，已交民警` });
  }
  // Most runs are signed off and sealed; a few wait for the manager's signature.
  if (state.status === 'ended' && random() < 0.97) {
    clock += 60_000 + Math.floor(random() * 3_600_000);
    apply('run.signedOff', pickOf(MANAGERS, random), { name: pickOf(MANAGERS, random) });
    apply('run.sealed', 'system', { head, signature: key.sign(head), publicKey: key.publicKey, keyId: key.keyId });
  }
  return lines;
}

// ——— probes, each run in a child process ———

const SELF = fileURLToPath(import.meta.url);
const MEMORY_CHILD = '--memory-child';
const START_CHILD = '--start-child';

interface MemoryReport {
  rssMb: number;
  heapMb: number;
  baselineRssMb: number;
  gcForced: boolean;
}

interface StartReport {
  ms: number;
  rssMb: number;
  recheck: {
    ms: number;
    runs: number;
    verified: number;
    damaged: number;
    calls: number;
    homeMedianMs: number;
    homeWorstMs: number;
    homeAfterMedianMs: number;
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

async function memoryChild(runsDir: string): Promise<MemoryReport> {
  // The modules a backend has loaded before it opens the records (zod, xstate, the plan library, the engine).
  await import('../electron/backend/backend');
  gc?.();
  const baselineRssMb = process.memoryUsage().rss / 1e6;
  const service = await RecordsService.open(runsDir, () => {
    throw new Error('no key needed');
  });
  service.list({ limit: 50 }); // the first query makes the newest-first order the index then keeps
  gc?.();
  const usage = process.memoryUsage();
  await service.close();
  return { rssMb: usage.rss / 1e6, heapMb: usage.heapUsed / 1e6, baselineRssMb, gcForced: gc !== undefined };
}

async function startChild(dataDir: string): Promise<StartReport> {
  const { createBackend } = await import('../electron/backend/backend');
  const started = performance.now();
  const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: 'bench', log: () => {} });
  const ms = performance.now() - started;
  gc?.();
  const rssMb = process.memoryUsage().rss / 1e6;
  // The re-check started inside createBackend; Home's calls are made the whole time it runs, one after another.
  let done = false;
  const recheck = backend.records.startRecheck().then(() => {
    done = true;
  });
  const homeCall = async () => {
    const t = performance.now();
    for (const channel of ['app.info', 'plans.list', 'runs.unfinished']) await backend.call(channel, {});
    return performance.now() - t;
  };
  const during: number[] = [];
  while (!done) {
    during.push(await homeCall());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await recheck;
  const recheckMs = performance.now() - started; // from the start of createBackend, which began it
  const after: number[] = [];
  for (let i = 0; i < 21; i++) after.push(await homeCall());
  const page = (await backend.call('records.list', { limit: 500 })) as { ok: true; value: { total: number } };
  const all = backend.records.checkProgress().total;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const counts = { verified: 0, damaged: 0 };
  for (let offset = 0; offset < page.value.total; offset += 500) {
    const chunk = (await backend.call('records.list', { limit: 500, offset })) as {
      ok: true;
      value: { items: { integrity: string }[] };
    };
    for (const r of chunk.value.items) {
      if (r.integrity === 'verified') counts.verified++;
      if (r.integrity === 'damaged') counts.damaged++;
    }
  }
  await backend.close();
  return {
    ms,
    rssMb,
    recheck: {
      ms: recheckMs,
      runs: all,
      ...counts,
      calls: during.length,
      homeMedianMs: median(during),
      homeWorstMs: Math.max(0, ...during),
      homeAfterMedianMs: median(after),
    },
  };
}

if (process.argv[1] === SELF && process.argv[2] === MEMORY_CHILD) {
  process.stdout.write(JSON.stringify(await memoryChild(process.argv[3]!)) + '\n');
} else if (process.argv[1] === SELF && process.argv[2] === START_CHILD) {
  process.stdout.write(JSON.stringify(await startChild(process.argv[3]!)) + '\n');
}
