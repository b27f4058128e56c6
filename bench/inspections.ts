// `npm run bench -- inspections`: a 200-item checklist in the browser edition (Chromium), as an inspector meets it.
// - Opened: an inspection of the generated 200-item template begun, then its screen opened by address; from setting
//   the address to the first item card painted (the frame after it is in the DOM). The first open loads the screen's
//   code; the figure is the median of the opens after it, each of a different inspection.
// - A tap: a click on an answer button → the button shown as chosen, which the screen does only once `inspections.answer`
//   has answered, i.e. after the journal line was fsynced. Both stamps are the page's own clock. Measured back to back
//   and 300 ms apart (a person's pace, which the goal is judged on).
// Also, for scale, the same answer through the backend alone (Node), durable when it returns.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createBackend, LOCAL_CALLER, type Backend } from '../electron/backend/backend';
import { buildRendererIfStale } from '../electron/build/buildRenderer';
import { PLANS_DIR, RENDERER_OUT_DIR } from '../electron/build/projectPaths';
import { startWebHost } from '../electron/web/webHost';
import { setupAdmin } from '../tests/support/people';
import { unlockedPage } from './browserSession';
import { generateChecklist } from './generateChecklist';
import { fmt } from './timing';

const ITEMS = 200;
const OPENS = 9;
const OPEN_GOAL_MS = 200;
const TAP_GOAL_MS = 50;
/** Between taps: quicker than anyone moves from one item to the next and reads it. */
const TAP_INTERVAL_MS = 300;

export async function benchInspections(): Promise<void> {
  console.log(`inspections: a ${ITEMS}-item checklist opened, and a tap on an item made durable and shown`);
  await buildRendererIfStale();
  const root = mkdtempSync(join(tmpdir(), 'guardbook-bench-inspections-'));
  const plansDir = join(root, 'plans');
  cpSync(PLANS_DIR, plansDir, { recursive: true });
  mkdirSync(join(plansDir, 'checklists'), { recursive: true });
  const checklist = generateChecklist(ITEMS);
  writeFileSync(join(plansDir, 'checklists', `${checklist.id}.json`), JSON.stringify(checklist, null, 2));
  const backend = await createBackend({
    dataDir: join(root, 'data'),
    plansDir,
    host: 'web',
    version: 'bench',
    log: () => {},
  });
  const host = await startWebHost({ backend, rendererDir: RENDERER_OUT_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.GUARDBOOK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const admin = await setupAdmin(backend, LOCAL_CALLER);
    const begin = async () =>
      (
        await ok<{ summary: { id: string } }>(backend, 'inspections.start', {
          checklistId: checklist.id,
          announced: true,
          place: '营业厅',
          inspectors: ['基准'],
        })
      ).summary.id;
    await nodeAnswers(backend, await begin());

    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await context.newPage();
    await unlockedPage(page, host.url, admin.id);
    const opens: number[] = [];
    let last = '';
    for (let i = 0; i <= OPENS; i++) {
      last = await begin();
      await page.evaluate(`location.hash = '#/inspections'`);
      await page.locator('main').waitFor();
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const started = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - started));
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-item="item-1"]')) return;
          observer.disconnect();
          done();
        }).observe(document.body, { childList: true, subtree: true });
        location.hash = '#/inspections/${last}';
      })`);
      opens.push(ms);
    }
    const [first, ...rest] = opens;
    console.log(
      `  ${ITEMS}-item inspection opened: first ${fmt(first!)} (loads the screen's code), then median ` +
        `${fmt(median(rest))}, max ${fmt(Math.max(...rest))} (${OPENS} inspections; goal ≤ ${OPEN_GOAL_MS} ms: ` +
        `${median(rest) <= OPEN_GOAL_MS ? 'met' : 'NOT met'})`,
    );

    // Taps on the yes/no items of the first section: 合格 back to back, then 不合格 at a person's pace; each is a new
    // durable journal line.
    const yesNo = checklist.sections[0]!.items.filter((item) => item.kind === 'yes-no').map((item) => item.id);
    const tap = async (itemId: string, choice: number, pause: number) => {
      const button = `[data-item="${itemId}"] .answer-yes-no button:nth-child(${choice + 1})`;
      await page.locator(button).waitFor();
      if (pause > 0) await page.waitForTimeout(pause);
      return page.evaluate<number>(`new Promise((resolve) => {
        const button = document.querySelector('${button}');
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (button.getAttribute('aria-pressed') !== 'true') return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        }).observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
        button.click();
      })`);
    };
    const rushed: number[] = [];
    for (const itemId of yesNo) rushed.push(await tap(itemId, 0, 0));
    const paced: number[] = [];
    for (const itemId of yesNo) paced.push(await tap(itemId, 1, TAP_INTERVAL_MS));
    console.log(
      `  tap on an item → fsynced and shown as chosen, back to back: median ${fmt(median(rushed))}, ` +
        `p90 ${fmt(p90(rushed))} (${rushed.length} taps)`,
    );
    console.log(
      `  the same ${TAP_INTERVAL_MS} ms apart (a person's pace): median ${fmt(median(paced))}, p90 ${fmt(p90(paced))} ` +
        `(${paced.length} taps; goal median ≤ ${TAP_GOAL_MS} ms: ${median(paced) <= TAP_GOAL_MS ? 'met' : 'NOT met'})`,
    );
    await context.close();
  } finally {
    await browser.close();
    await host.close();
    await backend.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The same answers through the backend alone: each call returns once its line is fsynced. */
async function nodeAnswers(backend: Backend, inspectionId: string): Promise<void> {
  const times: number[] = [];
  for (let i = 1; i <= 100; i++) {
    const started = performance.now();
    await ok(backend, 'inspections.answer', {
      inspectionId,
      itemId: `item-${(i % 7) + 1}`,
      answer: { kind: 'yes-no', value: i % 2 ? 'yes' : 'no' },
    });
    times.push(performance.now() - started);
  }
  console.log(`  an answer through the backend alone (fsynced, the whole view returned): median ${fmt(median(times))}`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.9)]!;
}

async function ok<T = unknown>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await backend.call(channel, input, LOCAL_CALLER);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}
