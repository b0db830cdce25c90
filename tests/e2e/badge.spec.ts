import { expect, test } from './fixtures';
import { signInWithToken } from './helpers';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A date `days` from today as `<input type="date">` wants it, in the browser's time zone. */
function dateInput(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('the options page sets a personal access token’s expiry and the badge follows', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  expect(await extension.badge()).toMatchObject({ text: '' });
  expect((await extension.badge()).title).toMatch(/no expiry date recorded/i);

  const options = await extension.openOptions();
  await options.getByLabel('Expiry date').fill(dateInput(10));
  await options.getByRole('button', { name: 'Save' }).click();
  // The end of the chosen day: ten days and a part of a day from now.
  await expect.poll(async () => (await extension.badge()).text).toBe('10d');
  expect((await extension.badge()).color.slice(0, 3)).toEqual([26, 127, 55]);

  await options.getByLabel('Expiry date').fill(dateInput(3));
  await options.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await extension.badge()).text).toBe('3d');
  const badge = await extension.badge();
  expect(badge.color.slice(0, 3)).toEqual([180, 83, 9]);
  expect(badge.title).toMatch(/Expires in 3 days/);
  await expect(popup.getByText(/Expires in 3 days/)).toBeVisible();
});

test('refuses an expiry date more than a year ahead', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  const options = await extension.openOptions();
  await options.getByLabel('Expiry date').fill(dateInput(400));
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('alert')).toContainText(/at most one year/);
});

for (const [label, remaining, text, rgb] of [
  ['hours under a day', 5 * HOUR + 10 * 60_000, '5h', [198, 40, 40]],
  ['minutes under an hour', 42 * 60_000 + 30_000, '42m', [198, 40, 40]],
  ['EXP once expired', -HOUR, 'EXP', [198, 40, 40]],
] as const) {
  test(`the badge shows ${label}`, async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets);
    const worker = await extension.worker();
    await worker.evaluate(async (remainingMs) => {
      const { tokenState } = (await chrome.storage.local.get('tokenState')) as { tokenState: { token: object } };
      await chrome.storage.local.set({
        tokenState: { ...tokenState, token: { ...tokenState.token, expiresAt: Date.now() + remainingMs } },
      });
    }, remaining);
    await expect.poll(async () => (await extension.badge()).text).toBe(text);
    expect((await extension.badge()).color.slice(0, 3)).toEqual([...rgb]);
  });
}

test('the badge is right again after the worker stops and after the browser restarts', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { expiryDays: '7' });
  await expect.poll(async () => (await extension.badge()).text).toBe('6d');
  await popup.close();

  // Chrome keeps a badge while the worker sleeps: spoil it, so that only a worker that repaints when it
  // starts again can make it right.
  const worker = await extension.worker();
  await worker.evaluate(async () => {
    await chrome.action.setBadgeText({ text: 'XX' });
    await chrome.action.setTitle({ title: 'stale' });
  });
  await extension.stopWorker();
  await expect.poll(async () => (await extension.badge()).text).toBe('6d');
  expect((await extension.badge()).title).toMatch(/Expires in 6 days/);

  await extension.relaunch();
  await expect.poll(async () => (await extension.badge()).text).toBe('6d');
  expect((await extension.badge()).color.slice(0, 3)).toEqual([180, 83, 9]);
  const reopened = await extension.openPopup();
  await expect(reopened.getByText('Ada Lovelace')).toBeVisible();
});

test('one alarm waits for the moment the badge next changes; nothing polls', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
  const worker = await extension.worker();
  await expect.poll(async () => (await extension.badge()).text).toBe('29d');
  const alarms = await worker.evaluate(() => chrome.alarms.getAll());
  const badgeAlarm = alarms.find((alarm) => alarm.name === 'state-change');
  expect(badgeAlarm).toBeDefined();
  expect(badgeAlarm!.periodInMinutes).toBeUndefined();
  const { tokenState } = await worker.evaluate(() => chrome.storage.local.get('tokenState'));
  const expiresAt = (tokenState as { token: { expiresAt: number } }).token.expiresAt;
  // 29 whole days left: the text changes when fewer than 29 remain.
  expect(badgeAlarm!.scheduledTime).toBeGreaterThanOrEqual(expiresAt - 29 * DAY);
  expect(badgeAlarm!.scheduledTime).toBeLessThanOrEqual(expiresAt - 29 * DAY + 1000);
  expect(alarms.every((alarm) => alarm.periodInMinutes === undefined || alarm.periodInMinutes >= 60)).toBe(true);
});
