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

export interface ApiReply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: { 'zh-CN': string; en: string } };
}

/**
 * Calls the backend the way the page does: the same token and the same session (the tab's id in
 * sessionStorage), so a call acts in the page's window, unlocked or not.
 */
export async function callApi(page: Page, channel: string, input: unknown): Promise<ApiReply> {
  return page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('guardbook.token') ?? '';
      // As the renderer's transport does: made on first use, then kept for the tab.
      let session = sessionStorage.getItem('guardbook.session');
      if (!session || !/^[A-Za-z0-9_-]{16,64}$/.test(session)) {
        session = crypto.randomUUID();
        sessionStorage.setItem('guardbook.session', session);
      }
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guardbook-token': token, 'x-guardbook-session': session },
        body: JSON.stringify(body),
      });
      return (await response.json()) as ApiReply;
    },
    [channel, input] as const,
  );
}
