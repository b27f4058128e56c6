// `npm run bench -- drills`: the trainer's console and the coverage dashboard, in Chromium against the browser edition.
// - Inject fired → shown on the runner: the trainer clicks "Fire now" on the console (one tab), the guard's runner
//   (another tab) draws the inject card; both tabs stamp the wall clock (performance.timeOrigin + now), so the
//   figure spans the click, the API call, the journal's fsync, the push and the runner's render.
// - Coverage at scale: a copy of the records bench's 10,000 runs (generated once, cached) plus 500 exercises; the
//   backend's `drills.coverage` timed in Node, and the dashboard's first paint of its coverage table in Chromium.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createBackend, LOCAL_CALLER, type Backend } from '../electron/backend/backend';
import { buildRendererIfStale } from '../electron/build/buildRenderer';
import { PLANS_DIR, RENDERER_OUT_DIR } from '../electron/build/projectPaths';
import { startWebHost } from '../electron/web/webHost';
import { ExerciseSpecSchema } from '../shared/drills/exercise';
import { setupAdmin } from '../tests/support/people';
import { unlockedPage } from './browserSession';
import { recordsDataset } from './records';
import { fmt } from './timing';

const INJECTS = 15;
const INJECT_GOAL_MS = 100;
const EXERCISES = 500;
const COVERAGE_GOAL_MS = 200;

export async function benchDrills(): Promise<void> {
  console.log('drills: an inject from the console to the runner, and the coverage dashboard at scale');
  await buildRendererIfStale();
  const browser = await chromium.launch({
    executablePath: process.env.GUARDBOOK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await injectLatency(browser);
    await coverageAtScale(browser);
  } finally {
    await browser.close();
  }
}

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

async function injectLatency(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-bench-drills-'));
  const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: 'bench', log: () => {} });
  const host = await startWebHost({ backend, rendererDir: RENDERER_OUT_DIR });
  try {
    const admin = await setupAdmin(backend, LOCAL_CALLER);
    const spec = ExerciseSpecSchema.parse({
      title: '基准演练',
      planId: 'fire',
      planVersion: 1,
      scheduledAt: new Date().toISOString(),
      announced: true,
      injects: Array.from({ length: INJECTS }, (_, i) => ({
        id: `inj-${i + 1}`,
        contingency: true,
        text: `情景 ${i + 1}`,
      })),
    });
    const exercise = await ok<{ id: string }>(backend, 'drills.plan', { spec });
    const { run } = await ok<{ run: { runId: string } }>(backend, 'drills.start', { exerciseId: exercise.id });

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const consolePage = await context.newPage();
    await unlockedPage(consolePage, host.url, admin.id);
    await consolePage.evaluate(`location.hash = '#/drills/${exercise.id}/console'`);
    await consolePage.locator(`tr[data-inject="inj-1"] button`).waitFor();
    const runner = await context.newPage();
    await runner.goto(host.url);
    await runner.locator('main').waitFor();
    await runner.evaluate(`location.hash = '#/run/${run.runId}'`);
    await runner.locator('.run').waitFor();

    const times: number[] = [];
    for (let i = 1; i <= INJECTS; i++) {
      const id = `inj-${i}`;
      // The runner stamps the moment the card is in its DOM (then the frame it is painted in).
      const shown = runner.evaluate<number>(`new Promise((resolve) => {
        const stamp = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        if (document.querySelector('.inject-card[data-inject="${id}"]')) return stamp();
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.inject-card[data-inject="${id}"]')) return;
          observer.disconnect();
          stamp();
        }).observe(document.body, { childList: true, subtree: true });
      })`);
      await consolePage.locator(`tr[data-inject="${id}"] button`).waitFor();
      const clicked = await consolePage.evaluate<number>(`(() => {
        const at = performance.timeOrigin + performance.now();
        document.querySelector('tr[data-inject="${id}"] button').click();
        return at;
      })()`);
      times.push((await shown) - clicked);
      await consolePage.locator(`tr[data-inject="${id}"] button`).waitFor({ state: 'detached' });
    }
    await context.close();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    console.log(
      `  inject fired on the console → card drawn on the runner: median ${fmt(median)}, p90 ${fmt(p90)} ` +
        `(${INJECTS} injects; goal median ≤ ${INJECT_GOAL_MS} ms: ${median <= INJECT_GOAL_MS ? 'met' : 'NOT met'})`,
    );
  } finally {
    await host.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function coverageAtScale(browser: Browser): Promise<void> {
  const source = await recordsDataset();
  const dataDir = mkdtempSync(join(tmpdir(), 'guardbook-bench-coverage-'));
  cpSync(source, dataDir, { recursive: true });
  const backend = await createBackend({ dataDir, plansDir: PLANS_DIR, host: 'web', version: 'bench', log: () => {} });
  const host = await startWebHost({ backend, rendererDir: RENDERER_OUT_DIR });
  try {
    const admin = await setupAdmin(backend, LOCAL_CALLER);
    const plans = (await ok<{ id: string; status: string; version: number }[]>(backend, 'plans.list', {})).filter(
      (p) => p.status === 'published',
    );
    let started = performance.now();
    for (let i = 0; i < EXERCISES; i++) {
      const plan = plans[i % plans.length]!;
      const day = new Date(Date.now() + (i - EXERCISES / 2) * 86_400_000).toISOString();
      await ok(backend, 'drills.plan', {
        spec: {
          title: `演练 ${i + 1}`,
          planId: plan.id,
          planVersion: plan.version,
          scheduledAt: day,
          announced: i % 5 !== 0,
        },
      });
    }
    console.log(`  ${EXERCISES} exercises planned in ${fmt(performance.now() - started)} (each fsynced)`);
    await ok(backend, 'drills.coverage', {}); // the records index loaded and checked once, as after a start
    const timings: number[] = [];
    for (let i = 0; i < 9; i++) {
      started = performance.now();
      await ok(backend, 'drills.coverage', {});
      timings.push(performance.now() - started);
    }
    const apiMedian = [...timings].sort((a, b) => a - b)[4]!;
    console.log(
      `  drills.coverage over 10,000 runs and ${EXERCISES} exercises: ${fmt(apiMedian)} (median of 9, in Node)`,
    );

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await unlockedPage(page, host.url, admin.id);
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(`location.hash = '#/'`);
      await page.locator('main').waitFor();
      await page.waitForTimeout(300);
      paints.push(
        await page.evaluate<number>(`new Promise((resolve) => {
          const start = performance.now();
          const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
          new MutationObserver((_, observer) => {
            if (!document.querySelector('main table tbody tr')) return;
            observer.disconnect();
            done();
          }).observe(document.body, { childList: true, subtree: true });
          location.hash = '#/training';
        })`),
      );
    }
    await page.close();
    const paint = [...paints].sort((a, b) => a - b)[2]!;
    console.log(
      `  coverage dashboard, first paint of its table: ${fmt(paint)} (median of 5, from the click; ` +
        `goal ≤ ${COVERAGE_GOAL_MS} ms: ${paint <= COVERAGE_GOAL_MS ? 'met' : 'NOT met'})`,
    );
  } finally {
    await host.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function ok<T = unknown>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await backend.call(channel, input, LOCAL_CALLER);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message.en}`);
  return result.value as T;
}
