import { expect, test } from './fixtures';
import { ADA } from './helpers';

const TQL_PATH = '/api/v4/query/tql';
const ORGANIZATIONS = [
  { name: 'Analytical Engines', apps: ['Engine'] },
  { name: 'Babbage & Co', apps: ['Calculator'] },
  { name: 'Countess Ltd', apps: ['Notes'] },
];

test('a query TelemetryDeck holds for 40 s costs one organization its numbers, and nothing else', async ({ server, extension }) => {
  // The query's own time limit is 25 s: the test waits that long by design, and no more.
  test.setTimeout(120_000);
  server.addUser({ ...ADA, organizations: ORGANIZATIONS });
  const token = server.mintPat(ADA.email);
  extension.secrets.add(token);
  // Longer than the 30 s after which Chrome stops a worker whose fetch has not answered.
  server.fault({ path: TQL_PATH, delayMs: 40_000 });

  const popup = await extension.openPopup();
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();

  // The query held is whichever reached the server first; its organization is the slow one.
  await expect.poll(() => server.requests.filter((request) => request.path === TQL_PATH).length).toBeGreaterThan(0);
  const held = JSON.parse(server.requests.find((request) => request.path === TQL_PATH)!.body) as { dataSource: string };
  const slow = ORGANIZATIONS.find(
    (organization) => `com.${organization.name.toLowerCase().replace(/[^a-z0-9]/g, '')}` === held.dataSource,
  )!;
  const apps = popup.getByRole('region', { name: 'Your apps' });

  await expect(apps.getByRole('region', { name: slow.name }).getByRole('alert')).toContainText(/did not answer within 25 seconds/, {
    timeout: 40_000,
  });
  for (const organization of ORGANIZATIONS.filter((other) => other !== slow)) {
    const region = apps.getByRole('region', { name: organization.name });
    await expect(region.getByText('Events 30 d')).toBeVisible();
    await expect(region.getByRole('alert')).toHaveCount(0);
  }
  await expect(apps.getByRole('region', { name: slow.name }).getByText('Events 30 d')).toHaveCount(0);
  // Every intent was answered: no "did not answer" from the background anywhere.
  await expect(popup.getByText(/background did not answer/)).toHaveCount(0);
  await expect(popup.getByRole('alert')).toHaveCount(1);
  // What is stored says the same: one organization timed out, the others have their numbers.
  const stored = (await extension.storage('local')).apps as { organizations: { name: string; error: { kind: string } | null }[] };
  expect(stored.organizations.map((organization) => [organization.name, organization.error?.kind ?? null])).toEqual(
    ORGANIZATIONS.map((organization) => [organization.name, organization === slow ? 'timeout' : null]),
  );
});
