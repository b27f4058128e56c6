// Figures for `bench hq`: percentiles of latencies, and where the CPU went while a phase ran — this Node process
// (the simulated branches, the verifier) against the PostgreSQL server (the postmaster and every backend, those that
// ended meanwhile included: the kernel adds a reaped child's time to its parent's cutime/cstime).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const perSecond = (count: number, elapsedMs: number): string => `${Math.round(count / (elapsedMs / 1000))}/s`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const TICKS_PER_SECOND = (() => {
  const getconf = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(getconf.stdout) > 0 ? Number(getconf.stdout) : 100;
})();

interface ProcStat {
  ppid: number;
  /** utime + stime, and the reaped children's cutime + cstime, in ms. */
  own: number;
  children: number;
}

function procStat(pid: number | string): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
  // After the command name (which may hold spaces and parentheses): state ppid … utime(14) stime(15) cutime(16) cstime(17).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const tick = (i: number) => (Number(fields[i - 3]) * 1000) / TICKS_PER_SECOND;
  return { ppid: Number(fields[1]), own: tick(14) + tick(15), children: tick(16) + tick(17) };
}

/** The server's CPU so far in ms: the postmaster, its live children, and those it has reaped. */
function serverCpuMs(postmasterPid: number): number {
  const postmaster = procStat(postmasterPid);
  if (!postmaster) return Number.NaN;
  let total = postmaster.own + postmaster.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat?.ppid === postmasterPid) total += stat.own;
  }
  return total;
}

/** The postmaster of the server a backend (by its pid, from `pg_backend_pid()`) belongs to. */
export function postmasterOf(backendPid: number): number {
  const stat = procStat(backendPid);
  if (!stat) throw new Error(`no process ${backendPid}: is the server on this machine?`);
  return stat.ppid;
}

export interface CpuSplit {
  wallMs: number;
  nodeMs: number;
  serverMs: number;
  /** Every process on the machine (others' work too: this machine is shared), from /proc/stat. */
  machineMs: number;
}

/** CPU time the whole machine has spent busy (neither idle nor waiting for I/O), in ms. */
function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

/** Starts measuring; the returned function ends it. */
export function measureCpu(postmasterPid: number): () => CpuSplit {
  const wall = performance.now();
  const node = process.cpuUsage();
  const server = serverCpuMs(postmasterPid);
  const machine = machineBusyMs();
  return () => {
    const used = process.cpuUsage(node);
    return {
      wallMs: performance.now() - wall,
      nodeMs: (used.user + used.system) / 1000,
      serverMs: serverCpuMs(postmasterPid) - server,
      machineMs: machineBusyMs() - machine,
    };
  };
}

/** "CPU: node 3.1 s (52% of a core), PostgreSQL 4.0 s (67% of a core), other processes 0.2 s; …". */
export function describeCpu({ wallMs, nodeMs, serverMs, machineMs }: CpuSplit): string {
  const cores = availableParallelism();
  const share = (cpuMs: number) => `${Math.round((cpuMs / wallMs) * 100)}% of a core`;
  const others = Math.max(0, machineMs - nodeMs - serverMs);
  return (
    `CPU: node ${(nodeMs / 1000).toFixed(1)} s (${share(nodeMs)}), PostgreSQL ${(serverMs / 1000).toFixed(1)} s ` +
    `(${share(serverMs)}), other processes on this shared machine ${(others / 1000).toFixed(1)} s (${share(others)}); ` +
    `${Math.round((machineMs / (wallMs * cores)) * 100)}% of its ${cores} cores busy`
  );
}

/** Runs `work` on every item with at most `concurrency` at a time, in order of the list. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
