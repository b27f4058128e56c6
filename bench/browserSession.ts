// Benches drive the browser edition as an unlocked user without clicking through the PIN dialog.
import type { Page } from '@playwright/test';
import { ADMIN_PIN } from '../tests/support/people';

/** Opens the app in `page` and unlocks its session as `userId` (the administrator, by default PIN). */
export async function unlockedPage(page: Page, url: string, userId: string, pin = ADMIN_PIN): Promise<void> {
  await page.goto(url);
  await page.locator('main').waitFor();
  // A string, not a function: bench code has no DOM types, and the page runs it as it is.
  await page.evaluate(`(async () => {
    const token = sessionStorage.getItem('guardbook.token') ?? '';
    let session = sessionStorage.getItem('guardbook.session');
    if (!session) sessionStorage.setItem('guardbook.session', (session = crypto.randomUUID()));
    await fetch('./api/session.unlock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-guardbook-token': token, 'x-guardbook-session': session },
      body: JSON.stringify({ userId: ${JSON.stringify(userId)}, pin: ${JSON.stringify(pin)} }),
    });
  })()`);
}
