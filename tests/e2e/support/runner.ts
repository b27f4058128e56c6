// UI helpers for the runner tests (after Excalidraw's `UI.clickTool`): start, complete, choose, call the API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type Guardbook } from './fixtures';

export const RUN_URL = /#\/run\/[A-Za-z0-9-]+$/;
/** The "完成" button of a step (its accessible name goes on with the step's title). */
export const DONE = /^完成\s*：/;

export function homeUrl(guardbook: Guardbook, hash = '#/'): string {
  return guardbook.host.url.replace(/#.*$/, hash);
}

export function runIdOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/run\//, ''));
}

export function journalText(guardbook: Guardbook, runId: string): string {
  return readFileSync(join(guardbook.dataDir, 'runs', `${runId}.jsonl`), 'utf8');
}

export function journalEvents(guardbook: Guardbook, runId: string): { type: string; data: Record<string, unknown> }[] {
  return journalText(guardbook, runId)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
}

export const UI = {
  step: (page: Page, stepId: string): Locator => page.locator(`[data-step="${stepId}"]`),
  track: (page: Page, role: string): Locator => page.locator(`[data-track="${role}"]`),

  /** Taps a plan tile on Home and waits for its run screen. */
  async start(page: Page, planId: string): Promise<string> {
    await page.locator(`[data-plan-id="${planId}"]`).click();
    await expect(page).toHaveURL(RUN_URL);
    await expect(page.locator('.run')).toBeVisible();
    return runIdOf(page);
  },

  /** Taps "完成" on a step and waits until the backend has moved the run past it. */
  async complete(page: Page, stepId: string): Promise<void> {
    const card = UI.step(page, stepId);
    await card.getByRole('button', { name: DONE }).click();
    await expect(card).toHaveCount(0);
  },

  /** Taps the option whose label is `label` on a decision step and waits until the run moves on. */
  async choose(page: Page, stepId: string, label: string): Promise<void> {
    const card = UI.step(page, stepId);
    await card.getByRole('button', { name: new RegExp(`^${label}\\s*：`) }).click();
    await expect(card).toHaveCount(0);
  },
};

/** Calls the backend the way the page does (same token), as another window would. */
export async function callApi(page: Page, channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('guardbook.token') ?? '';
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guardbook-token': token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown };
    },
    [channel, input] as const,
  );
}
