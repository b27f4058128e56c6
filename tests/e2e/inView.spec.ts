// Issue 11: the number to call and the Done button are always in view. Walks every bundled plan from Home at the
// four screen sizes branches use, taking the first offered move at each step (Done, or the first option), and at
// every step reached checks that each current step's first number and its buttons are on screen with nothing
// scrolled: inside the window, not clipped by a scrolling box, not covered by anything.
import type { Page } from '@playwright/test';
import type { Plan } from '../../shared/plan/schema';
import { indexSteps } from '../../shared/plan/stepIndex';
import { bundledPlanFiles, loadBundledPlan } from '../support/bundledPlans';
import { expect, test } from './support/fixtures';
import { homeUrl, UI } from './support/runner';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** Chinese, the branches' language, at every size; English, whose words run longer, at the narrowest. */
const WALKS = [...SIZES.map((size) => ({ size, lang: 'zh-CN' as const })), { size: SIZES[0]!, lang: 'en' as const }];

/** A walk that takes the first option can go round a loop; no bundled plan needs more moves than this to end. */
const MAX_MOVES = 60;

const PLANS = bundledPlanFiles().map(loadBundledPlan);

/** Each step's primary number: its first contact, as the plan lists them (a track's steps included). */
function firstContacts(plan: Plan): Record<string, string> {
  const first: Record<string, string> = {};
  for (const [id, { step }] of indexSteps(plan))
    if ('contacts' in step && step.contacts?.[0]) first[id] = step.contacts[0];
  return first;
}

interface Problem {
  step: string;
  what: string;
  why: string;
}

/**
 * For every current step card (a plain step, or a parallel step's active track): its first contact's number and its
 * Done / option buttons must be fully inside the window, with the page and every box around them unscrolled, and
 * the element itself must be what is painted at its centre.
 */
async function outOfView(page: Page, primary: Record<string, string>): Promise<Problem[]> {
  return page.evaluate((primary) => {
    const problems: { step: string; what: string; why: string }[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    if (window.scrollX !== 0 || window.scrollY !== 0)
      problems.push({ step: '-', what: 'page', why: `scrolled to ${window.scrollX},${window.scrollY}` });
    if (document.documentElement.scrollHeight > height + 1)
      problems.push({
        step: '-',
        what: 'page',
        why: `taller than the window (${document.documentElement.scrollHeight})`,
      });
    const cards = [...document.querySelectorAll<HTMLElement>('.run-main .step-card[data-step]:not(.kind-parallel)')];
    if (cards.length === 0) problems.push({ step: '-', what: 'cards', why: 'no current step on screen' });
    const check = (step: string, what: string, el: Element) => {
      const r = el.getBoundingClientRect();
      const box = `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
      if (r.width === 0 || r.height === 0) return problems.push({ step, what, why: 'not rendered' });
      if (r.left < 0 || r.top < 0 || r.right > width + 0.5 || r.bottom > height + 0.5)
        return problems.push({ step, what, why: `at ${box}, outside ${width}×${height}` });
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (up.scrollTop !== 0 || up.scrollLeft !== 0)
          return problems.push({ step, what, why: `inside a box scrolled by ${up.scrollLeft},${up.scrollTop}` });
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = up.getBoundingClientRect();
        if (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5 || r.left < c.left - 0.5 || r.right > c.right + 0.5)
          return problems.push({ step, what, why: `at ${box}, cut off by ${up.className || up.tagName}` });
      }
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      if (!hit || !(el === hit || el.contains(hit)))
        return problems.push({ step, what, why: `covered by ${hit?.className || hit?.tagName || 'nothing'}` });
      return undefined;
    };
    for (const card of cards) {
      const step = card.dataset.step ?? '?';
      const contact = primary[step];
      const number =
        contact && card.querySelector(`.contact[data-contact="${contact}"] [data-testid^="contact-number"]`);
      if (contact && !number) problems.push({ step, what: 'number', why: `no number shown for ${contact}` });
      if (number) check(step, `number of ${contact}`, number);
      const buttons = [...card.querySelectorAll('[data-testid="step-done"], [data-testid="step-option"]')];
      if (buttons.length === 0) problems.push({ step, what: 'buttons', why: 'no Done or option button' });
      buttons.forEach((b, i) => check(step, `button ${i + 1}`, b));
    }
    return problems;
  }, primary);
}

/** Takes the first offered move of the first current step and waits until the backend has recorded it. */
async function moveOn(page: Page): Promise<string> {
  const entries = page.locator('.timeline-entry');
  const before = await entries.count();
  const button = page.locator('.run-main .step-card [data-testid="step-done"], .run-main [data-testid="step-option"]');
  const first = button.first();
  const label = `${await first.locator('xpath=ancestor::article[1]').getAttribute('data-step')}: ${await first.locator('.action-label').innerText()}`;
  await first.click();
  await expect.poll(() => entries.count()).toBeGreaterThan(before);
  await expect(page.locator('.run button[aria-busy="true"]')).toHaveCount(0);
  // A tap on a button out of view scrolls it in; start the next step unscrolled, so one miss is reported once.
  await page.evaluate(() => document.querySelectorAll('.run *').forEach((el) => el.scrollTo(0, 0)));
  return label;
}

for (const { size, lang } of WALKS) {
  test.describe(`at ${size.width}×${size.height} in ${lang}`, () => {
    test.use({ viewport: size });

    // One backend per size: each plan is started from Home in turn and walked to its end.
    test(`every step of every bundled plan shows its number and its buttons without scrolling`, async ({
      page,
      guardbook,
    }) => {
      test.setTimeout(PLANS.length * 30_000);
      await guardbook.open(page);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      const problems: string[] = [];
      let checked = 0;
      let started = 0;
      for (const plan of PLANS) {
        const planId = plan.id;
        const primary = firstContacts(plan);
        await test.step(planId, async () => {
          await page.goto(homeUrl(guardbook));
          // The runs walked before wait for sign-off and are listed above the tiles: let that list land first, so
          // the tap is not made on a tile that is still moving.
          await expect(page.locator('.resume-item')).toHaveCount(started++);
          await UI.start(page, planId);
          const path: string[] = [];
          for (let moves = 0; moves <= MAX_MOVES; moves++) {
            const run = page.locator('.run');
            await expect(run).toHaveAttribute('data-status', /.+/);
            if ((await run.getAttribute('data-status')) !== 'active') break;
            await expect(page.locator('.run-main .step-card[data-step]:not(.kind-parallel)').first()).toBeVisible();
            for (const p of await outOfView(page, primary))
              problems.push(`${planId} after [${path.join(' → ')}] ${p.step} ${p.what}: ${p.why}`);
            checked++;
            expect(moves, `${planId} did not end within ${MAX_MOVES} moves`).toBeLessThan(MAX_MOVES);
            path.push(await moveOn(page));
          }
          expect(path.length, `${planId} was walked`).toBeGreaterThan(0);
        });
      }
      expect(checked).toBeGreaterThan(PLANS.length);
      expect(problems).toEqual([]);
    });
  });
}
