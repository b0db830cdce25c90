import type { Page, Worker } from '@playwright/test';
import type { FakeServer } from '../fake-server/server.ts';

export const ADA = {
  email: 'ada@example.com',
  password: 'pässwörd 🔑:x',
  firstName: 'Ada',
  lastName: 'Lovelace',
  organizationName: 'Analytical Engines',
};

/** Signs in through the popup with a fresh personal access token; returns the token. */
export async function signInWithToken(
  popup: Page,
  server: FakeServer,
  secrets: { add(value: string): void },
  options: { expiryDays?: string; name?: string } = {},
): Promise<string> {
  server.addUser(ADA);
  const token = server.mintPat(ADA.email);
  secrets.add(token);
  await popup.getByLabel('Personal access token').fill(token);
  if (options.expiryDays || options.name) {
    await popup.getByText('Name and expiry').click();
    if (options.name) await popup.getByLabel('Token name').fill(options.name);
    if (options.expiryDays) await popup.getByLabel('Expires', { exact: true }).selectOption(options.expiryDays);
  }
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Sign out' }).waitFor();
  return token;
}

/** Signs in through the popup's email tab as Ada; the session token it gets is guarded by the leak guard. */
export async function signInWithPassword(
  popup: Page,
  server: FakeServer,
  secrets: { add(value: string, kind?: string): void },
): Promise<void> {
  server.addUser(ADA);
  await popup.getByRole('tab', { name: /email/i }).click();
  await popup.getByLabel('Email').fill(ADA.email);
  await popup.getByLabel('Password', { exact: true }).fill(ADA.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Sign out' }).waitFor();
  secrets.add(ADA.password, 'password');
}

/** Makes the stored session one that has ended a minute ago, as if its time had passed. */
export async function endSession(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { tokenState } = await chrome.storage.local.get('tokenState');
    (tokenState as { token: { expiresAt: number } }).token.expiresAt = Date.now() - 60_000;
    await chrome.storage.local.set({ tokenState });
  });
}

/** Lets the worker's revocation watch check the token now, as its alarm would: the last check aged past its floor. */
export async function runRevocationWatchNow(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { tokenState } = (await chrome.storage.local.get('tokenState')) as { tokenState: { check: { lastAttemptAt: number } } };
    tokenState.check.lastAttemptAt -= 10 * 60_000;
    await chrome.storage.local.set({ tokenState });
    // Same period as the worker's own watch alarm, so its next sync leaves this one in place.
    await chrome.alarms.create('revalidate', { when: Date.now() + 50, periodInMinutes: 360 });
  });
}

export function userInfoRequests(server: FakeServer) {
  return server.requests.filter((request) => request.path === '/api/v3/users/info');
}
