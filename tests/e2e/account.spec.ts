import { expect, test } from './fixtures';
import { signInWithToken, userInfoRequests } from './helpers';

test('Refresh fetches the account again and clears a previous failure', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  server.fault({ path: '/api/v3/users/info', status: 503 });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toContainText(/not available right now/);
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(userInfoRequests(server)).toHaveLength(3);
});

for (const [label, fault, words] of [
  ['a 500', { status: 500 }, /not available right now/],
  ['a 429', { status: 429, headers: { 'Retry-After': '120' } }, /too many requests/],
  ['a dropped connection', { drop: true }, /Could not reach TelemetryDeck/],
  ['an HTML page', { status: 200, body: '<html>Sign in to the Wi-Fi</html>', contentType: 'text/html' }, /does not understand/],
] as const) {
  test(`a refresh that meets ${label} keeps the account and the badge`, async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
    await expect.poll(async () => (await extension.badge()).text).toBe('29d');
    // Chrome retries a reset connection once by itself, so the fault stays for every attempt.
    server.fault({ path: '/api/v3/users/info', times: Infinity, ...fault });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect(popup.getByRole('alert')).toContainText(words);
    server.clearFaults();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    await expect(popup.getByText(/Expires in (29|30) days/)).toBeVisible();
    expect((await extension.badge()).text).toBe('29d');
  });
}

test('a 401 from users/info marks the token rejected: badge !, alert, account still shown', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
  const revokeHint = popup.getByText(/keeps working until you revoke it/);
  await expect(revokeHint).toBeVisible();
  server.revoke(token);
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toContainText(/rejected|revoked|expired/);
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
  // A token that no longer works needs no revoking.
  await expect(revokeHint).toHaveCount(0);
  await expect.poll(async () => (await extension.badge()).text).toBe('!');
  const badge = await extension.badge();
  expect(badge.color.slice(0, 3)).toEqual([198, 40, 40]);
  expect(badge.title).toMatch(/rejected/);
});

test('the popup paints stored data without asking the network while it is fresh, and revalidates once when stale', async ({
  server,
  extension,
}) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  await popup.close();
  const before = userInfoRequests(server).length;
  const fresh = await extension.openPopup();
  await expect(fresh.getByText('Ada Lovelace')).toBeVisible();
  await fresh.waitForTimeout(500);
  expect(userInfoRequests(server)).toHaveLength(before);
  await fresh.close();

  // Age the stored account by six minutes, as if the popup were opened later.
  const worker = await extension.worker();
  await worker.evaluate(async () => {
    const { tokenState } = await chrome.storage.local.get('tokenState');
    const aged = structuredClone(tokenState) as { account: { fetchedAt: number }; check: { lastAttemptAt: number; lastSuccessAt: number } };
    aged.account.fetchedAt -= 6 * 60_000;
    aged.check.lastAttemptAt -= 6 * 60_000;
    aged.check.lastSuccessAt -= 6 * 60_000;
    await chrome.storage.local.set({ tokenState: aged });
  });
  server.fault({ path: '/api/v3/users/info', delayMs: 1500 });
  const stale = await extension.openPopup();
  // The stored account is on screen while the revalidation is still under way.
  await expect(stale.getByText('Ada Lovelace')).toBeVisible();
  await expect(stale.getByText(/Updated 6 minutes ago/)).toBeVisible();
  await expect(stale.getByText(/Updated just now/)).toBeVisible();
  expect(userInfoRequests(server)).toHaveLength(before + 1);
});

test('Sign out forgets the token and the account, and says the token still needs revoking', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await expect(popup.getByRole('tab', { name: /token/i })).toBeVisible();
  const link = popup.getByRole('link', { name: /TelemetryDeck dashboard/ }).first();
  await expect(link).toHaveAttribute('href', /^https:\/\/dashboard\.telemetrydeck\.com/);
  await expect(popup.getByText(/still works until you revoke it/)).toBeVisible();
  for (const area of ['local', 'session', 'sync'] as const) {
    const stored = await extension.storage(area);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).not.toHaveProperty('tokenState');
  }
  expect((await extension.badge()).text).toBe('');
});

test('the toolbar opens the popup page made for the state, and either page shows what is stored', async ({ server, extension }) => {
  await expect.poll(() => extension.toolbarPopup()).toBe('popup-sign-in.html');
  const signInPage = await extension.openPopup('popup-sign-in.html');
  await signInWithToken(signInPage, server, extension.secrets);
  await expect(signInPage.getByText('Ada Lovelace')).toBeVisible();
  await expect.poll(() => extension.toolbarPopup()).toBe('popup.html');

  // The signed-out page opened while signed in (before the toolbar followed) shows the account all the same.
  const stale = await extension.openPopup('popup-sign-in.html');
  await expect(stale.getByText('Ada Lovelace')).toBeVisible();
  await expect(stale.getByRole('button', { name: 'Sign out' })).toBeVisible();

  const popup = await extension.openPopup('popup.html');
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await expect(popup.getByRole('tab', { name: /token/i })).toBeVisible();
  await expect.poll(() => extension.toolbarPopup()).toBe('popup-sign-in.html');
  // …and the signed-in page opened while signed out shows the sign-in forms.
  const other = await extension.openPopup('popup.html');
  await expect(other.getByLabel('Personal access token')).toBeVisible();
});
