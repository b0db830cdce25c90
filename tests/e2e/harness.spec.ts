// Checks the end-to-end harness itself (tests/e2e/fixtures.ts), not the extension.
import { expect, test } from './fixtures';
import { describeSecret, encodedForms, findLeaks, SecretRegistry } from './leak-guard';

/** Marks the running worker instance; a restarted worker starts without the mark. */
async function markWorker(extension: { worker(): Promise<import('@playwright/test').Worker> }): Promise<void> {
  await (await extension.worker()).evaluate(() => {
    (self as unknown as { harnessMark?: string }).harnessMark = 'this instance';
  });
}

async function workerMark(extension: { worker(): Promise<import('@playwright/test').Worker> }): Promise<string | undefined> {
  return (await extension.worker()).evaluate(() => (self as unknown as { harnessMark?: string }).harnessMark);
}

test('stopWorker stops the worker; worker() starts a fresh one and its handle works', async ({ extension }) => {
  await markWorker(extension);
  expect(await workerMark(extension)).toBe('this instance');

  await extension.stopWorker();
  expect(await workerMark(extension)).toBeUndefined();
  expect(await extension.badge()).toEqual({ text: '', color: expect.any(Array), title: expect.any(String) });
  expect(await extension.storage('local')).toEqual(expect.any(Object));

  // Twice in a row, and woken by the popup (a message) rather than by the harness.
  await markWorker(extension);
  await extension.stopWorker();
  await extension.stopWorker();
  const popup = await extension.openPopup();
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'not-an-intent' }).catch(() => undefined));
  expect(await workerMark(extension)).toBeUndefined();
  expect((await extension.badge()).text).toBe('');
});

test('relaunch keeps the profile, the extension id, storage and the console log, with a working worker', async ({ extension }) => {
  const id = extension.id;
  const firstContext = extension.context;
  await (await extension.worker()).evaluate(async () => {
    await chrome.storage.local.set({ harnessProbe: 'kept across relaunch' });
    console.log('harness: before relaunch');
    // Playwright does not report uncaught errors of a service worker; Chromium's log does.
    setTimeout(() => {
      throw new Error('harness: uncaught in the worker');
    }, 0);
  });
  const options = await extension.openOptions();
  await options.evaluate(() => console.log('harness: from the options page'));
  await expect.poll(() => extension.consoleMessages).toContain('harness: from the options page');
  await markWorker(extension);

  await extension.relaunch();
  expect(extension.context).not.toBe(firstContext);
  expect(extension.id).toBe(id);
  expect(await workerMark(extension)).toBeUndefined();
  expect(await extension.storage('local')).toMatchObject({ harnessProbe: 'kept across relaunch' });
  expect(extension.consoleMessages).toContain('harness: before relaunch');
  expect(extension.consoleMessages.join('\n')).toContain('Uncaught Error: harness: uncaught in the worker');
  expect((await extension.badge()).text).toBe('');

  // The relaunched browser's own worker and pages are watched as well.
  await (await extension.worker()).evaluate(() => console.log('harness: after relaunch'));
  await expect.poll(() => extension.consoleMessages).toContain('harness: after relaunch');

  await extension.stopWorker();
  expect(await workerMark(extension)).toBeUndefined();
  await extension.relaunch();
  expect((await extension.worker()).url()).toBe(`chrome-extension://${id}/background.js`);
});

test('the leak guard finds secrets outside Authorization, in any encoding, and never prints them', () => {
  const token = 'tdpat_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd';
  const password = 'pässwörd 🔑:x';
  const secrets = new SecretRegistry().add(token).add(password, 'password');
  const request = { method: 'GET', path: '/api/v3/users/info', url: '/api/v3/users/info', headers: {}, body: '' };

  const clean = findLeaks(secrets, {
    consoleMessages: ['signed in as ada@example.com', 'token tdpat_…abcd'],
    requests: [{ ...request, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }],
    storage: [{ area: 'local', data: { credential: { token } } }],
  });
  expect(clean).toEqual([]);

  const leaks = findLeaks(secrets, {
    consoleMessages: [`failed with ${token}`, JSON.stringify({ password })],
    requests: [
      { ...request, url: `/api/v3/users/info?token=${encodeURIComponent(token)}` },
      { ...request, headers: { 'X-Debug': Buffer.from(`ada:${password}`).toString('base64') } },
      { ...request, method: 'POST', body: new URLSearchParams({ password }).toString() },
    ],
    storage: [
      { area: 'sync', data: { token } },
      { area: 'session', data: { typed: password } },
    ],
    pages: [{ url: 'chrome-extension://id/popup.html', text: `<p>${token}</p>` }],
  });
  expect(leaks).toEqual([
    `${describeSecret(token, 'personal access token')} in console message #1 (“failed with ‹personal access token›”)`,
    'password (12 characters) in console message #2 (“{"password":"‹password›"}”)',
    `${describeSecret(token, 'personal access token')} in the URL of GET /api/v3/users/info`,
    'password (12 characters) in the X-Debug header of GET /api/v3/users/info',
    'password (12 characters) in the body of POST /api/v3/users/info',
    `${describeSecret(token, 'personal access token')} in chrome.storage.sync`,
    'password (12 characters) in chrome.storage.session',
    `${describeSecret(token, 'personal access token')} in the page chrome-extension://id/popup.html`,
  ]);
  for (const leak of leaks) {
    expect(leak).not.toContain(token);
    expect(leak).not.toContain(password);
  }
  expect(encodedForms(token).length).toBeGreaterThan(3);

  const seen = new SecretRegistry();
  seen.addFromAuthorizationHeaders([
    { ...request, headers: { authorization: `Bearer ${token}` } },
    { ...request, headers: { authorization: `Basic ${Buffer.from(`ada@example.com:${password}`).toString('base64')}` } },
  ]);
  expect(seen.entries()).toEqual([
    [token, 'personal access token'],
    [password, 'password'],
  ]);
});

test('expectNoSecretIn fails on a registered secret and names only its masked form', async ({ extension }) => {
  const token = 'tdpat_ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxw';
  extension.secrets.add(token);
  extension.expectNoSecretIn({ shown: 'tdpat_…zyxw' }, 'the popup text');
  let message = '';
  try {
    extension.expectNoSecretIn({ nested: [{ value: token }] }, 'the popup text');
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('personal access token tdpat_…xw in the popup text');
  expect(message).not.toContain(token);
});
