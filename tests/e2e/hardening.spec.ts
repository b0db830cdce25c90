import { expect, test } from './fixtures';
import { ADA, signInWithToken, userInfoRequests } from './helpers';

/** What people paste that is not a personal access token; each is refused before any request. */
const NOT_A_TOKEN: [string, string][] = [
  ['1 MB of text', `tdpat_${'x'.repeat(1_000_000)}`],
  ['a token with inner spaces', 'tdpat_abc def0123456789'],
  ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['a Slack token', 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp'],
  ['control characters', 'tdpat_abc\u0000\u0007def0123456789'],
  ['a right-to-left mark', 'tdpat_\u202Eabcdef0123456789'],
  ['emoji', 'tdpat_🔑🔑🔑abcdef0123456789'],
];

test('bad input in the token field is refused in the form, sends nothing, and leaves the popup usable', async ({ server, extension }) => {
  test.setTimeout(120_000);
  const popup = await extension.openPopup();
  const field = popup.getByLabel('Personal access token');
  for (const [label, value] of NOT_A_TOKEN) {
    await field.fill(value);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert'), label).toContainText('tdpat_');
  }
  for (const blank of ['', '  \n\t ']) {
    await field.fill(blank);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toBeVisible();
  }
  expect(server.requests).toEqual([]);

  await signInWithToken(popup, server, extension.secrets);
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
});

test('email and password that cannot travel are refused in the form, clearly, and nothing is sent', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await popup.getByRole('tab', { name: /email/i }).click();
  const email = popup.getByLabel('Email');
  const password = popup.getByLabel('Password', { exact: true });
  const samples: [string, string, RegExp][] = [
    ['ada:lovelace@example.com', 'correct horse battery', /colon/],
    [`${'a'.repeat(10_000)}@example.com`, 'correct horse battery', /too long/],
    [ADA.email, 'p'.repeat(10_000), /too long/],
  ];
  for (const [address, secret, words] of samples) {
    extension.secrets.add(secret, 'password');
    await email.fill(address);
    await password.fill(secret);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText(words);
  }
  expect(server.requests).toEqual([]);

  server.addUser(ADA);
  await email.fill(ADA.email);
  await password.fill(ADA.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
});

test('a worker stopped in the middle of a sign-in leaves no half-written state, and the next attempt works', async ({
  server,
  extension,
}) => {
  server.addUser(ADA);
  const token = server.mintPat(ADA.email);
  extension.secrets.add(token);
  server.fault({ path: '/api/v3/users/info', delayMs: 8_000 });
  const popup = await extension.openPopup();
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => userInfoRequests(server).length).toBe(1);

  await extension.stopWorker();
  // The popup is told its intent went unanswered, and stays on the form.
  await expect(popup.getByRole('alert')).toBeVisible({ timeout: 16_000 });
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  const local = await extension.storage('local');
  expect(local).not.toHaveProperty('credential');
  expect(local).not.toHaveProperty('tokenState');
  expect(await extension.storage('session')).not.toHaveProperty('credential');

  server.clearFaults();
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
  expect((await extension.storage('local')).tokenState).toBeDefined();
});

test('a worker stopped in the middle of a refresh keeps the old state whole', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
  const before = await extension.storage('local');
  const badgeBefore = await extension.badge();
  const requestsBefore = userInfoRequests(server).length;

  server.fault({ path: '/api/v3/users/info', delayMs: 8_000 });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => userInfoRequests(server).length).toBe(requestsBefore + 1);
  await extension.stopWorker();

  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
  const after = await extension.storage('local');
  expect(after.credential).toEqual(before.credential);
  const [was, is] = [before.tokenState, after.tokenState] as { account: unknown; token: unknown; rejected?: unknown }[];
  expect(is!.account).toEqual(was!.account);
  expect(is!.token).toEqual(was!.token);
  expect(await extension.badge()).toEqual(badgeBefore);
});

test('ten refresh intents at once make one request', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  const requestsBefore = userInfoRequests(server).length;
  // Long enough that all ten arrive while the first request is still out.
  server.fault({ path: '/api/v3/users/info', delayMs: 1_500 });

  const answers = await popup.evaluate(() =>
    Promise.all(Array.from({ length: 10 }, () => chrome.runtime.sendMessage({ type: 'refresh', reason: 'user' }))),
  );
  expect(answers).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
  expect(userInfoRequests(server).length).toBe(requestsBefore + 1);
});

test('"Forget everything" leaves every storage area empty', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { expiryDays: '30', name: 'Laptop' });
  const options = await extension.openOptions();
  await options.getByLabel('Name', { exact: true }).fill('CI export script');
  await options.getByLabel('Expires on').fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
  await options.getByRole('button', { name: 'Add token' }).click();
  await expect(options.getByText('CI export script')).toBeVisible();
  expect(Object.keys(await extension.storage('local')).length).toBeGreaterThan(2);
  // The dates the pages wrote are kept in the pages' own storage (lib/text/screen/formatted-words.ts).
  const keptWords = () => options.evaluate(() => localStorage.getItem('tdtm.formattedWords'));
  await expect.poll(keptWords).toContain('relative en');

  await options.getByRole('button', { name: 'Forget everything' }).click();
  await options.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Everything was forgotten' })).toBeVisible();

  expect(await extension.storage('local')).toEqual({});
  expect(await extension.storage('session')).toEqual({});
  expect(await extension.storage('sync')).toEqual({});
  await expect.poll(async () => (await extension.badge()).text).toBe('');
  // The popup follows: signed out. Its new words stay in memory: neither page writes any back.
  await expect(popup.getByLabel('Personal access token')).toBeVisible();
  const afterTheNextFrames = (page: typeof popup) =>
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
  await afterTheNextFrames(popup);
  await afterTheNextFrames(options);
  expect(await keptWords()).toBeNull();
  expect(await popup.evaluate(() => localStorage.length)).toBe(0);
});
