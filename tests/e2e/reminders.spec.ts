import { type ExtensionHandle, expect, test } from './fixtures';
import { runRevocationWatchNow, signInWithToken } from './helpers';

const DAY = 86_400_000;

function dateInput(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function notifications(extension: ExtensionHandle): Promise<string[]> {
  const worker = await extension.worker();
  return Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
}

test('an expiry two days ahead notifies once, and not again after the worker restarts', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
  const options = await extension.openOptions();
  await options.getByLabel('Expiry date').fill(dateInput(2));
  await options.getByRole('button', { name: 'Save', exact: true }).click();

  await expect.poll(() => notifications(extension)).toHaveLength(1);
  const [id] = await notifications(extension);
  // The most recent reminder due is the 7-day one; the 30-day one is skipped, not sent late.
  expect(id).toMatch(new RegExp(`:${7 * DAY}$`));
  const worker = await extension.worker();
  // Clear what the worker sets when it syncs, so that it shows when the restarted worker has synced.
  await worker.evaluate(async (notificationId) => {
    await chrome.notifications.clear(notificationId);
    await chrome.alarms.clear('state-change');
  }, id!);

  await extension.stopWorker();
  await options.reload();
  await expect(options.getByLabel('Expiry date')).toHaveValue(dateInput(2));
  // The restarted worker has processed the reminders once it has set the next alarm again.
  const stateAlarm = async () => (await (await extension.worker()).evaluate(() => chrome.alarms.get('state-change')))?.scheduledTime ?? 0;
  await expect.poll(stateAlarm).toBeGreaterThan(Date.now());
  expect(await notifications(extension)).toEqual([]);
});

test('removing a personal access token leaves a revocation reminder until "I revoked it"', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets, { name: 'CI export script' });
  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Remove', exact: true }).click();

  const reminder = options.getByText(`Revoke ‘CI export script’ (…${token.slice(-4)}) in the TelemetryDeck dashboard`);
  await expect(reminder).toBeVisible();
  await expect(options.getByRole('link', { name: 'Open the TelemetryDeck dashboard' })).toHaveAttribute(
    'href',
    /dashboard\.telemetrydeck\.com/,
  );
  await expect.poll(() => notifications(extension)).toContainEqual(expect.stringMatching(/^revocation:/));
  const stored = JSON.stringify(await extension.storage('local'));
  expect(stored).not.toContain(token);

  await options.getByRole('button', { name: /I revoked it/ }).click();
  await expect(reminder).toHaveCount(0);
  expect((await extension.storage('local')).reminders).toMatchObject({ revocations: [] });
});

test('tracked tokens: add, edit and delete, listed by what expires first', async ({ extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Token name').fill('CI export script');
  await options.getByLabel('Expires on').fill(dateInput(20));
  await options.getByRole('button', { name: 'Add token' }).click();
  await options.getByLabel('Token name').fill('Claude assistant');
  await options.getByLabel('Expires on').fill(dateInput(3));
  await options.getByRole('button', { name: 'Add token' }).click();

  const list = options.getByRole('list', { name: /Tracked tokens/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Claude assistant');
  await expect(list.getByRole('listitem').first()).toContainText(/Expires in 3 days/);

  await options.getByRole('button', { name: 'Edit Claude assistant' }).click();
  const editing = options.getByRole('form', { name: 'Edit Claude assistant' });
  await editing.getByLabel('Token name').fill('Claude assistant (laptop)');
  await editing.getByLabel('Expires on').fill(dateInput(40));
  await editing.getByRole('button', { name: 'Update' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('CI export script');
  await expect(list.getByRole('listitem').last()).toContainText('Claude assistant (laptop)');

  await options.getByRole('button', { name: 'Delete CI export script' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  const stored = (await extension.storage('local')).reminders as { tracked: { name: string }[] };
  expect(stored.tracked.map((tracked) => tracked.name)).toEqual(['Claude assistant (laptop)']);
});

test('a custom API server over plain http to another machine is refused', async ({ extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Custom server', { exact: true }).check();
  await options.getByLabel('Custom server address').fill('http://api.example.com');
  await options.getByRole('button', { name: 'Use this server' }).click();
  await expect(options.getByRole('alert')).toContainText(/http:\/\/ is allowed only for localhost/);
  expect(((await extension.storage('local')).settings as { apiOrigin?: string } | undefined)?.apiOrigin ?? 'unchanged').not.toBe(
    'http://api.example.com',
  );
});

test('reminder lead times: add and delete, refusing less than an hour', async ({ extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Days or hours before expiry').fill('14');
  await options.getByRole('button', { name: 'Add reminder' }).click();
  await expect(options.getByRole('listitem').filter({ hasText: '14 days before expiry' })).toBeVisible();
  await options.getByRole('button', { name: 'Delete reminder 30 days before expiry' }).click();
  await expect(options.getByRole('listitem').filter({ hasText: '30 days before expiry' })).toHaveCount(0);
  await expect
    .poll(async () => ((await extension.storage('local')).settings as { reminders: { leadTimesMs: number[] } }).reminders.leadTimesMs)
    .toEqual([14 * DAY, 7 * DAY, DAY, 0]);
  await options.getByLabel('Days or hours before expiry').fill('0');
  await options.getByRole('button', { name: 'Add reminder' }).click();
  await expect(options.getByRole('alert')).toBeVisible();
});

test('with "Keep me signed in" off, a browser restart forgets the token but keeps reminders', async ({ server, extension }) => {
  const options = await extension.openOptions();
  await options.getByLabel('Keep me signed in after the browser closes').uncheck();
  await options.getByLabel('Token name').fill('CI export script');
  await options.getByLabel('Expires on').fill(dateInput(20));
  await options.getByRole('button', { name: 'Add token' }).click();
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  expect(JSON.stringify(await extension.storage('local'))).not.toContain(token);
  expect(JSON.stringify(await extension.storage('session'))).toContain(token);

  await extension.relaunch();
  const reopened = await extension.openPopup();
  await expect(reopened.getByRole('tab', { name: /token/i })).toBeVisible();
  await expect(reopened.getByRole('status')).toContainText(/signed out when the browser closed/);
  const local = await extension.storage('local');
  expect(local).not.toHaveProperty('tokenState');
  expect((local.reminders as { tracked: unknown[] }).tracked).toHaveLength(1);
  // The browser forgot the token; TelemetryDeck did not, so it still needs revoking.
  expect((local.reminders as { revocations: { last4: string }[] }).revocations).toEqual([
    expect.objectContaining({ last4: token.slice(-4) }),
  ]);
});

test('the revocation watch checks as often as the user chose', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  const watch = async () => (await (await extension.worker()).evaluate(() => chrome.alarms.get('revalidate')))?.periodInMinutes;
  await expect.poll(watch).toBe(360);
  const options = await extension.openOptions();
  const field = options.getByLabel('Check that TelemetryDeck still accepts the token every (hours)');
  await expect(field).toHaveValue('6');
  await field.fill('2');
  await field.press('Enter');
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect.poll(watch).toBe(120);
  await field.fill('0');
  await field.press('Enter');
  await expect(options.getByRole('alert')).toContainText('hours from 1 to 168');
});

test('changing the API server signs out, after a confirmation, since a token belongs to one server', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  const options = await extension.openOptions();
  await options.getByLabel('TelemetryDeck, older host (api.telemetrydeck.com)').check();
  await options.getByRole('button', { name: 'Use this server' }).click();
  const confirm = options.getByRole('group', { name: /signs you out/ });
  await expect(confirm).toBeVisible();
  // Cancel keeps everything as it was.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await extension.storage('local')).toHaveProperty('tokenState');

  await options.getByRole('button', { name: 'Use this server' }).click();
  await options.getByRole('button', { name: 'Change server and sign out' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'You are signed out' })).toBeVisible();
  const local = await extension.storage('local');
  expect(local).not.toHaveProperty('tokenState');
  expect(JSON.stringify(local)).not.toContain(token);
  expect((local.settings as { apiOrigin: string }).apiOrigin).toBe('https://api.telemetrydeck.com');
  await expect(options.getByText('Currently using https://api.telemetrydeck.com')).toBeVisible();
});

test('declining the permission for a custom server leaves the server as it was, and says so', async ({ extension }) => {
  // The browser's permission prompt cannot be answered from a test: this page's request is declined.
  await extension.context.addInitScript(() => {
    if (location.pathname === '/options.html') chrome.permissions.request = (async () => false) as typeof chrome.permissions.request;
  });
  const options = await extension.openOptions();
  await options.getByLabel('Custom server', { exact: true }).check();
  await options.getByLabel('Custom server address').fill('https://api.example.com/some/path?q=1');
  await options.getByRole('button', { name: 'Use this server' }).click();
  await expect(options.getByRole('alert')).toContainText(
    'Permission to reach https://api.example.com was declined, so the server was not changed.',
  );
  const settings = (await extension.storage('local')).settings as { apiOrigin?: string } | undefined;
  expect(settings?.apiOrigin ?? 'unchanged').not.toBe('https://api.example.com');
});

test('the revocation watch marks a revoked token rejected and notifies once', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  server.revoke(token);
  await runRevocationWatchNow(await extension.worker());
  await expect.poll(async () => (await extension.badge()).text).toBe('!');
  await expect.poll(() => notifications(extension)).toContain('rejected');
  await expect(popup.getByRole('alert')).toContainText(/rejected|revoked|expired/);
});
