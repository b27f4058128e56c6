// Silent plans end to end in Chromium: a robbery run makes no sound when a step turns overdue and has nothing that
// moves, whatever the sound setting, while a fire run beeps. Audio is counted by wrapping the page's AudioContext.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { UI } from './support/runner';

/** Counts every oscillator started in the page (the overdue beep is three of them). */
async function countTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number; AudioContext: typeof AudioContext };
    w.__tones = 0;
    const Original = w.AudioContext;
    w.AudioContext = class extends Original {
      override createOscillator(): OscillatorNode {
        const tone = super.createOscillator();
        const start = tone.start.bind(tone);
        tone.start = (when?: number) => {
          w.__tones++;
          start(when);
        };
        return tone;
      }
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
const runningAnimations = (page: Page) =>
  page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);

/** Holds every runs.command in flight until the returned function is called, so "pending…" stays on screen. */
async function holdCommands(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/runs.command', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test.beforeEach(async ({ page }) => {
  await countTones(page);
  await page.clock.install(); // time flows as usual; fastForward jumps a step past its target
});

test('a silent plan: no sound when overdue, overdue shown quietly, nothing moving', async ({ page, guardbook }) => {
  await guardbook.open(page);
  await UI.start(page, 'armed-robbery');
  await expect(page.locator('.run')).toHaveAttribute('data-silent', 'true');
  await expect(page.getByText('静默预案：不发出任何声音')).toBeVisible();

  const timer = UI.step(page, 'press-alarm').getByRole('timer');
  await expect(timer).toHaveClass(/timer-normal/);
  await page.clock.fastForward('00:15'); // the target is 10 s
  await expect(timer).toHaveClass(/timer-overdue/);
  await expect(timer).toContainText('已逾期');
  // Quiet: a change of text colour, not a red block that draws the eye across the counter.
  const look = await timer.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color };
  });
  expect(look.background).not.toBe('rgb(164, 22, 26)');
  expect(look.color).toBe('rgb(164, 22, 26)');
  await page.clock.fastForward('00:05');
  expect(await tones(page)).toBe(0);

  // A tap in flight shows "pending…" without a spinning mark, and nothing else on screen moves either.
  const release = await holdCommands(page);
  await UI.step(page, 'press-alarm')
    .getByRole('button', { name: /^完成\s*：/ })
    .click();
  await expect(page.locator('.action-pending')).toBeVisible();
  expect(await runningAnimations(page)).toBe(0);
  release();
  await expect(UI.step(page, 'press-alarm')).toHaveCount(0);
  expect(await runningAnimations(page)).toBe(0);
  expect(await tones(page)).toBe(0);
});

test('a plan that is not silent beeps when a step turns overdue, and its pending tap spins', async ({
  page,
  guardbook,
}) => {
  await guardbook.open(page);
  await UI.start(page, 'fire');
  await expect(page.locator('.run')).not.toHaveAttribute('data-silent', /.*/);
  const timer = UI.step(page, 'raise-alarm').getByRole('timer');
  await expect(timer).toHaveClass(/timer-normal/);
  await page.clock.fastForward('00:40'); // the target is 30 s
  await expect(timer).toHaveClass(/timer-overdue/);
  await expect.poll(() => tones(page)).toBe(3);
  expect(await timer.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(164, 22, 26)');

  const release = await holdCommands(page);
  await UI.step(page, 'raise-alarm')
    .getByRole('button', { name: /^完成\s*：/ })
    .click();
  await expect(page.locator('.action-pending')).toBeVisible();
  expect(await runningAnimations(page)).toBeGreaterThan(0); // the same check finds a moving thing where there is one
  release();
  await expect(UI.step(page, 'raise-alarm')).toHaveCount(0);
});
