import type { Page } from '@playwright/test';
import { buildAppsQuery } from '../../lib/apps/worker/query';
import type { FakeServer, NewOrganization } from '../fake-server/server.ts';
import { expect, test } from './fixtures';
import { ADA, signInWithToken } from './helpers';

const TQL_PATH = '/api/v4/query/tql';
const apps = (page: Page) => page.getByRole('region', { name: 'Your apps' });
const tqlRequests = (server: FakeServer) => server.requests.filter((request) => request.path === TQL_PATH);

/** Signs in through the popup as Ada, with organizations of the test's own. */
async function signInWithOrganizations(
  popup: Page,
  server: FakeServer,
  secrets: { add(value: string): void },
  organizations: NewOrganization[],
) {
  server.addUser({ ...ADA, organizations });
  const token = server.mintPat(ADA.email);
  secrets.add(token);
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Sign out' }).waitFor();
  return token;
}

interface ListedOrganization {
  id: string;
  name: string;
  namespace?: string;
  apps: { id: string; name: string }[];
}

async function organizationsOf(server: FakeServer, token: string): Promise<ListedOrganization[]> {
  const response = await fetch(`${server.origin}/api/v3/organizations/`, { headers: { Authorization: `Bearer ${token}` } });
  return (await response.json()) as ListedOrganization[];
}

test('the popup shows each organization’s usage and its apps with numbers, sparklines and dashboard links', async ({
  server,
  extension,
}) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  const section = apps(popup);
  await expect(section.getByText('Events 30 d').first()).toBeVisible();
  const [organization] = await organizationsOf(server, token);

  // The only organization, already named by the account card, is not named again; its region is.
  await expect(section.getByRole('region', { name: ADA.organizationName })).toBeVisible();
  await expect(section.getByRole('heading', { name: ADA.organizationName })).toHaveCount(0);
  await expect(section.getByRole('meter', { name: 'Signals used this period' })).toHaveAttribute(
    'aria-valuetext',
    /10\.9% of 100K signals used this period/,
  );
  for (const app of organization!.apps) {
    const link = section.getByRole('link', { name: app.name });
    await expect(link).toHaveAttribute('href', `https://dashboard.telemetrydeck.com/o/${organization!.id}/apps/${app.id}`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(section.getByRole('img', { name: `${app.name}: events per day over the last 30 days` })).toBeVisible();
  }
  await expect(section.getByText('Users 24 h')).toHaveCount(2);

  // One organization: three queries, each naming its namespace and leaving out test-mode data.
  const extensionQueries = tqlRequests(server);
  expect(extensionQueries.length).toBe(3);
  for (const request of extensionQueries) {
    const body = JSON.parse(request.body) as { dataSource: string; filter: unknown };
    expect(body.dataSource).toBe(organization!.namespace);
    expect(JSON.stringify(body.filter)).toContain('"isTestMode"');
  }

  // The 30-day events of the first app shown are what the server counts (formatted for en-US).
  const query = buildAppsQuery({
    namespace: organization!.namespace!,
    appIds: organization!.apps.map((app) => app.id),
    excludeTestMode: true,
    window: 'last30Days',
  });
  const answer = await fetch(`${server.origin}${TQL_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify(query),
  });
  const rows = ((await answer.json()) as { result: { rows: { event: { appID: string; Events: number } }[] } }).result.rows;
  const top = rows.sort((a, b) => b.event.Events - a.event.Events)[0]!.event;
  const firstApp = section.getByRole('listitem').first();
  await expect(firstApp.getByRole('link')).toHaveText(organization!.apps.find((app) => app.id === top.appID)!.name);
  const expected = new Intl.NumberFormat(
    'en-US',
    top.Events < 10_000 ? { maximumFractionDigits: 0 } : { notation: 'compact', maximumFractionDigits: 1 },
  ).format(top.Events);
  await expect(firstApp.locator('dd').nth(2)).toHaveText(expected);
});

test('cached numbers paint at once with their age; Refresh fetches them again, and sign-out drops them', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  await expect(apps(popup).getByText('Events 30 d').first()).toBeVisible();
  await popup.close();
  const queries = tqlRequests(server).length;

  const reopened = await extension.openPopup();
  await expect(apps(reopened).getByText('Events 30 d').first()).toBeVisible();
  await expect(apps(reopened).getByText(/Fetched just now/)).toBeVisible();
  await reopened.waitForTimeout(500);
  // Within 15 minutes, opening the popup asks nothing.
  expect(tqlRequests(server).length).toBe(queries);

  await reopened.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => tqlRequests(server).length).toBe(queries + 3);

  await reopened.getByRole('button', { name: 'Sign out' }).click();
  await expect(reopened.getByRole('tab', { name: /token/i })).toBeVisible();
  expect(await extension.storage('local')).not.toHaveProperty('apps');
});

for (const [label, fault, words] of [
  ['a 401', { status: 401, body: JSON.stringify({ error: true, reason: 'The query must name its dataSource.' }) }, /dataSource.*HTTP 401/],
  ['a 500', { status: 500 }, /not available right now/],
] as const) {
  test(`a query that meets ${label} leaves the account untouched and the badge unchanged`, async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
    await expect(apps(popup).getByText('Events 30 d').first()).toBeVisible();
    await expect.poll(async () => (await extension.badge()).text).toBe('29d');
    const before = (await extension.storage('local')).tokenState as { check: { status: string } };

    server.fault({ path: TQL_PATH, times: Infinity, ...fault });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect(apps(popup).getByRole('alert')).toContainText(words);
    // The one alert is the section's: the account has none, its numbers stay on screen.
    await expect(popup.getByRole('alert')).toHaveCount(1);
    await expect(apps(popup).getByText('Events 30 d').first()).toBeVisible();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    await expect(popup.getByText(/Expires in (29|30) days/)).toBeVisible();

    const after = (await extension.storage('local')).tokenState as { check: { status: string; error: unknown } };
    expect(after.check.status).toBe(before.check.status);
    expect(after.check.error).toBeNull();
    expect((await extension.badge()).text).toBe('29d');
  });
}

test('a 403 from the queries says they need a paid plan, in this section only', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  server.fault({ path: TQL_PATH, status: 403, times: Infinity });
  await signInWithToken(popup, server, extension.secrets);
  await expect(apps(popup).getByRole('alert')).toContainText(/queries need a paid TelemetryDeck plan/);
  await expect(popup.getByRole('alert')).toHaveCount(1);
  // The organization and its apps are still listed, with their links.
  await expect(apps(popup).getByRole('link', { name: 'Website' })).toBeVisible();
});

test('an organization without namespace is listed with its apps and a line saying why it has no numbers', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithOrganizations(popup, server, extension.secrets, [
    { name: 'Analytical Engines', apps: ['Engine'] },
    { name: 'Babbage & Co', namespace: null, apps: ['Legacy Calculator'], usagePercentage: 0.5 },
  ]);
  const legacy = apps(popup).getByRole('region', { name: 'Babbage & Co' });
  await expect(legacy.getByText(/no namespace for it/)).toBeVisible();
  const [, listed] = await organizationsOf(server, token);
  await expect(legacy.getByRole('link', { name: 'Legacy Calculator' })).toHaveAttribute(
    'href',
    `https://dashboard.telemetrydeck.com/o/${listed!.id}/apps/${listed!.apps[0]!.id}`,
  );
  await expect(legacy.getByRole('meter')).toHaveAttribute('aria-valuetext', /50% of 100K signals/);
  await expect(legacy.getByText('Events 30 d')).toHaveCount(0);
  // The other organization has its numbers; nobody asked for the one without a data source.
  await expect(apps(popup).getByRole('region', { name: 'Analytical Engines' }).getByText('Events 30 d')).toBeVisible();
  expect(tqlRequests(server).length).toBe(3);
  expect(
    tqlRequests(server).every((request) => (JSON.parse(request.body) as { dataSource: string }).dataSource === 'com.analyticalengines'),
  ).toBe(true);
  await expect(popup.getByRole('alert')).toHaveCount(0);
});

test('the options page chooses which apps the popup shows, and whether test-mode data counts', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithOrganizations(popup, server, extension.secrets, [{ name: 'Analytical Engines', apps: ['Engine', 'Notes', 'Website'] }]);
  await expect(apps(popup).getByRole('link')).toHaveCount(3);

  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Apps in the popup' });
  await expect(section.getByRole('radio', { name: /most events/ })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'Leave out test-mode data' })).toBeChecked();
  await section.getByRole('radio', { name: 'Only the apps I choose' }).click();
  await section.getByRole('checkbox', { name: 'Notes' }).uncheck();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  await section.getByRole('checkbox', { name: 'Leave out test-mode data' }).uncheck();
  await expect(section.getByRole('status')).toContainText('Saved.');

  await expect
    .poll(async () => ((await extension.storage('local')).settings as { apps: unknown }).apps)
    .toEqual({ selectedAppIds: expect.any(Array), excludeTestMode: false });
  // The worker fetches for the new choice by itself: the last query asks for two apps, test data included.
  await expect
    .poll(() => {
      const last = tqlRequests(server).at(-1);
      return last ? (JSON.parse(last.body) as { filter: { type: string; fields: unknown[] } }).filter : null;
    })
    .toMatchObject({ type: 'or', fields: [expect.anything(), expect.anything()] });

  const reopened = await extension.openPopup();
  await expect(apps(reopened).getByRole('link', { name: 'Engine' })).toBeVisible();
  await expect(apps(reopened).getByRole('link', { name: 'Website' })).toBeVisible();
  await expect(apps(reopened).getByRole('link', { name: 'Notes' })).toHaveCount(0);
  await expect(apps(reopened).getByText('1 more app not shown.')).toBeVisible();
});

test('by default the popup shows the 8 apps with the most events, and choosing apps starts from exactly those', async ({
  server,
  extension,
}) => {
  const names = Array.from({ length: 10 }, (_, index) => `App ${index + 1}`);
  const popup = await extension.openPopup();
  await signInWithOrganizations(popup, server, extension.secrets, [{ name: 'Analytical Engines', apps: names }]);
  await expect(apps(popup).getByRole('link')).toHaveCount(8);
  await expect(apps(popup).getByText('2 more apps not shown.')).toBeVisible();
  const shown = await apps(popup).getByRole('link').allTextContents();
  // Most events first, as the stored numbers rank them.
  type Stored = { organizations: { apps: { id: string; name: string }[]; stats: { byApp: Record<string, { events30d: number }> } }[] };
  const [organization] = ((await extension.storage('local')).apps as Stored).organizations;
  const ranked = organization!.apps
    .map((app) => ({ name: app.name, events: organization!.stats.byApp[app.id]!.events30d }))
    .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  expect(shown).toEqual(ranked.slice(0, 8).map((app) => app.name));

  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Apps in the popup' });
  await section.getByRole('radio', { name: 'Only the apps I choose' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  const checked: string[] = [];
  for (const name of names) if (await section.getByRole('checkbox', { name, exact: true }).isChecked()) checked.push(name);
  expect(checked.sort()).toEqual([...shown].sort());
});
