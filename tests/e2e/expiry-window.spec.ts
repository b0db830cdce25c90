import { expect, test } from './fixtures';
import { ADA } from './helpers';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a moment, in the browser's (and this process's) time zone. */
function dateInput(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('a 30-day window of a token created 10 days ago counts from that day, never past the real expiry', async ({ server, extension }) => {
  server.addUser(ADA);
  // Made in the dashboard ten days ago, late in the day, with a window of 30 days.
  const createdOn = new Date(Date.now() - 10 * DAY);
  createdOn.setHours(22, 30, 0, 0);
  const realExpiry = createdOn.getTime() + 30 * DAY;
  const token = server.mintPat(ADA.email, { expiresAt: new Date(realExpiry) });
  extension.secrets.add(token);

  const popup = await extension.openPopup();
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByText('Name and expiry').click();
  await popup.getByLabel('Expires', { exact: true }).selectOption('30');
  // The creation day starts as today (or yesterday, if midnight just passed); the user says when it was made.
  expect([dateInput(Date.now()), dateInput(Date.now() - DAY)]).toContain(await popup.getByLabel('Created on').inputValue());
  await popup.getByLabel('Created on').fill(dateInput(createdOn.getTime()));
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(/Expires in (19|20) days/)).toBeVisible();

  const { tokenState } = (await extension.storage('local')) as { tokenState: { token: { expiresAt: number; createdAt: number } } };
  const dayStart = new Date(createdOn);
  dayStart.setHours(0, 0, 0, 0);
  expect(tokenState.token.createdAt).toBe(dayStart.getTime());
  expect(tokenState.token.expiresAt).toBeLessThanOrEqual(realExpiry);
  expect(tokenState.token.expiresAt).toBe(dayStart.getTime() + 30 * DAY);

  // The options page shows the day it was created.
  const options = await extension.openOptions();
  const created = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(dayStart);
  await expect(options.getByRole('definition').filter({ hasText: created })).toBeVisible();
});

test('a window chosen for a token created today counts from today', async ({ server, extension }) => {
  server.addUser(ADA);
  const token = server.mintPat(ADA.email);
  extension.secrets.add(token);
  const popup = await extension.openPopup();
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByText('Name and expiry').click();
  await popup.getByLabel('Expires', { exact: true }).selectOption('7');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(/Expires in (6|7) days/)).toBeVisible();
  const { tokenState } = (await extension.storage('local')) as { tokenState: { token: { expiresAt: number; createdAt: number } } };
  // Today: or yesterday, if midnight passed since the popup opened.
  const startOfDay = (at: number) => new Date(at).setHours(0, 0, 0, 0);
  expect([startOfDay(Date.now()), startOfDay(Date.now() - DAY)]).toContain(tokenState.token.createdAt);
  expect(tokenState.token.expiresAt).toBe(tokenState.token.createdAt + 7 * DAY);
});
