// People for the browser tests: an administrator set up through the API in the page's own session (so the page
// is unlocked, as after the first-start form), users of each role, and UI steps for the PIN prompt.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { callApi, type ApiReply } from './runner';

export const ADMIN = { name: '赵管理', pin: '246813' };
export const GUARD = { name: '王伟', role: 'guard', pin: '135792' } as const;
export const TRAINER = { name: '陈培训', role: 'trainer', pin: '864201' } as const;
export const MANAGER = { name: '李娜', role: 'manager', pin: '975318' } as const;

interface PublicUser {
  id: string;
  name: string;
  role: string;
}

/** Calls the API in the page's session and fails the test if the backend refuses. */
export async function apiOk<T = unknown>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  const reply: ApiReply = await callApi(page, channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code} ${reply.error?.message.en}`);
  return reply.value as T;
}

/**
 * Creates the first administrator through the API, which unlocks the page's session as them, and reloads so the
 * page shows it (the same tab keeps its session across the reload). For tests of other things that now need a
 * PIN: branch settings, phone numbers, exports.
 */
export async function unlockAsAdmin(page: Page): Promise<PublicUser> {
  await apiOk(page, 'users.setup', { name: ADMIN.name, pin: ADMIN.pin });
  await page.reload();
  await expect(lockIndicator(page)).toContainText(`已解锁：${ADMIN.name}（管理员）`);
  const users = await apiOk<PublicUser[]>(page, 'users.list');
  return users.find((u) => u.name === ADMIN.name)!;
}

/** Adds a user as the unlocked administrator. */
export async function addUser(page: Page, user: { name: string; role: string; pin: string }): Promise<PublicUser> {
  return apiOk<PublicUser>(page, 'users.add', user);
}

export function lockIndicator(page: Page): Locator {
  return page.getByTestId('lock-indicator');
}

export function pinDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: '输入 PIN 解锁' });
}

/** In an open PIN dialog: chooses the person, taps the PIN on the keypad, and presses 确定. */
export async function enterPin(page: Page, name: string, pin: string): Promise<void> {
  const dialog = pinDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(`^${name}（`) }).check();
  const keypad = dialog.getByRole('group', { name: '数字键盘' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: '确定' }).click();
}

/** Opens the PIN dialog from the header, unlocks as `name`, and waits for the header to say so. */
export async function unlockThroughUi(page: Page, name: string, pin: string): Promise<void> {
  await lockIndicator(page).getByRole('button', { name: '解锁' }).click();
  await enterPin(page, name, pin);
  await expect(pinDialog(page)).toHaveCount(0);
  await expect(lockIndicator(page)).toContainText(`已解锁：${name}`);
}
