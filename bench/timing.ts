// Timing helpers: the median of repeated runs after a warm-up, in milliseconds.
import { performance } from 'node:perf_hooks';

export function medianMs(run: () => void, repeats: number, warmups = 10): number {
  for (let i = 0; i < warmups; i++) run(); // JIT and lazy initialisation are not what we measure
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
