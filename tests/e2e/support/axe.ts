// Runs axe-core in the page and returns its violations (WCAG 2 A/AA rules).
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Needs a context with `bypassCSP: true`: the app's CSP rightly refuses injected scripts. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** No violations in the standard theme nor in high contrast; the page is left in the standard theme. */
export async function expectNoAxeViolationsInBothThemes(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'high-contrast'));
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'standard'));
}
