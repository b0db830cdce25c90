import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TQL_TIMEOUT_MS } from '../../lib/api/timeouts';
import { APPS_REFRESH_INTERVAL_MS, appsPreferencesKey } from '../../lib/apps/refresh-policy';
import { createAppsService } from '../../lib/apps/worker/apps-service';
import { createClipboardService } from '../../lib/clipboard/worker/clipboard-service';
import { createDiagnosticsService } from '../../lib/diagnostics/worker/failure-log';
import { createIntentRouter } from '../../lib/protocol/worker/intent-handlers';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { readStoredSnapshot } from '../../lib/state/worker/store';
import { createTokenService } from '../../lib/token/worker/token-service';
import { intentRoutes } from '../../lib/worker/intent-routes';
import { type FakeServer, type NewOrganization, startFakeServer } from '../fake-server/server.ts';
import { withHandle } from './handle-intent';

let server: FakeServer;
let now = Date.now();
const clock = () => now;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  server.reset();
  now = Date.now();
  await fakeBrowser.storage.local.set({ settings: { schemaVersion: 3, apiOrigin: server.origin } });
});

async function signedIn(organizations?: NewOrganization[], appsOptions: Omit<Parameters<typeof createAppsService>[0], 'now'> = {}) {
  server.addUser({
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    organizationName: 'Analytical Engines',
    organizations,
  });
  const token = server.mintPat('ada@example.com');
  const tokens = withHandle(createTokenService({ now: clock }));
  expect(await tokens.handle({ type: 'signInWithToken', token })).toEqual({ ok: true });
  const apps = createAppsService({ now: clock, ...appsOptions });
  const settings = createSettingsService({ now: clock, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns });
  const clipboard = createClipboardService({ now: clock });
  const route = createIntentRouter(intentRoutes({ tokens, settings, apps, clipboard, diagnostics: createDiagnosticsService() }), () =>
    Promise.resolve(),
  );
  return { token, tokens, apps, route };
}

const tqlRequests = () => server.requests.filter((request) => request.path === '/api/v4/query/tql');

const THREE_ORGANIZATIONS: NewOrganization[] = [
  { name: 'Analytical Engines', apps: ['Engine'] },
  { name: 'Babbage & Co', apps: ['Calculator'] },
  { name: 'Countess Ltd', apps: ['Notes'] },
];

describe('a slow TelemetryDeck', () => {
  it('never has more than 4 queries under way at once', async () => {
    let underWay = 0;
    let most = 0;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).endsWith('/query/tql')) return globalThis.fetch(input, init);
      underWay += 1;
      most = Math.max(most, underWay);
      try {
        // Every query is asked for before any answers.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await globalThis.fetch(input, init);
      } finally {
        underWay -= 1;
      }
    }) as typeof globalThis.fetch;
    const { route } = await signedIn(THREE_ORGANIZATIONS, { fetch });
    expect(await route({ type: 'refreshApps', reason: 'user' })).toEqual({ ok: true });
    expect(tqlRequests()).toHaveLength(9);
    expect(most).toBe(4);
    expect((await readStoredSnapshot()).apps!.organizations.every((organization) => organization.stats && !organization.error)).toBe(true);
  });

  it('a query that does not answer in time leaves one line for its organization; the others show their numbers', async () => {
    // The first query never answers on its own; the client gives up after its time limit.
    let held = false;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).endsWith('/query/tql') || held) return globalThis.fetch(input, init);
      held = true;
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))),
      );
    }) as typeof globalThis.fetch;
    const { route } = await signedIn(THREE_ORGANIZATIONS, { fetch, tqlTimeoutMs: 300 });
    expect(await route({ type: 'refreshApps', reason: 'user' })).toEqual({ ok: true });
    const [slow, ...others] = (await readStoredSnapshot()).apps!.organizations;
    expect(slow).toMatchObject({ name: 'Analytical Engines', stats: null, error: { kind: 'timeout' } });
    expect(slow!.error!.message).toMatch(/did not answer within/);
    for (const organization of others) expect(organization).toMatchObject({ stats: { byApp: expect.any(Object) }, error: null });
  });

  it('gives each query well under the 30 seconds Chrome lets a fetch take before it stops the worker', () => {
    expect(TQL_TIMEOUT_MS).toBeLessThanOrEqual(25_000);
  });
});

describe('refreshing the apps', () => {
  it('stores each organization with its apps and numbers, three queries per organization', async () => {
    const { route } = await signedIn();
    expect(await route({ type: 'refreshApps', reason: 'stale' })).toEqual({ ok: true });
    const { apps, tokenState } = await readStoredSnapshot();
    expect(apps).toMatchObject({ schemaVersion: 3, tokenAddedAt: tokenState!.token.addedAt, fetchedAt: now, error: null });
    expect(apps!.organizations).toHaveLength(1);
    const [organization] = apps!.organizations;
    expect(organization).toMatchObject({
      name: 'Analytical Engines',
      namespace: 'com.analyticalengines',
      maxSignals: 100_000,
      usagePercentage: 0.109,
      error: null,
    });
    expect(organization!.apps).toHaveLength(2);
    for (const app of organization!.apps) {
      const stats = organization!.stats!.byApp[app.id]!;
      expect(stats.events30d).toBeGreaterThan(stats.events24h);
      expect(stats.daily).toHaveLength(30);
      expect(stats.daily.reduce((a, b) => a + b)).toBe(stats.events30d);
    }
    expect(tqlRequests()).toHaveLength(3);
    for (const request of tqlRequests()) {
      expect(JSON.parse(request.body)).toMatchObject({ dataSource: 'com.analyticalengines', queryType: 'groupBy' });
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('reads the bare result form as well as the wrapped one', async () => {
    const { route } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    const wrapped = (await readStoredSnapshot()).apps!.organizations[0]!.stats!.byApp;
    server.setQueryResultForm('bare');
    await route({ type: 'refreshApps', reason: 'user' });
    expect((await readStoredSnapshot()).apps!.organizations[0]!.stats!.byApp).toEqual(wrapped);
  });

  it('refreshes at most every 15 minutes, unless the user asks', async () => {
    const { route } = await signedIn();
    await route({ type: 'refreshApps', reason: 'stale' });
    const requests = server.requests.length;
    now += APPS_REFRESH_INTERVAL_MS - 1;
    await route({ type: 'refreshApps', reason: 'stale' });
    expect(server.requests).toHaveLength(requests);
    await route({ type: 'refreshApps', reason: 'user' });
    expect(server.requests.length).toBeGreaterThan(requests);
  });

  it('shares one round of requests between refreshes that overlap', async () => {
    const { route } = await signedIn();
    await Promise.all([route({ type: 'refreshApps', reason: 'user' }), route({ type: 'refreshApps', reason: 'user' })]);
    expect(tqlRequests()).toHaveLength(3);
  });

  it('keeps a 401 from a query to this section: the token stays valid, the numbers stay', async () => {
    const { route } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    const before = await readStoredSnapshot();
    server.fault({
      path: '/api/v4/query/tql',
      status: 401,
      body: JSON.stringify({ error: true, reason: 'Bad dataSource' }),
      times: Infinity,
    });
    now += 1000;
    expect(await route({ type: 'refreshApps', reason: 'user' })).toEqual({ ok: true });
    const after = await readStoredSnapshot();
    expect(after.tokenState).toEqual(before.tokenState);
    const [organization] = after.apps!.organizations;
    expect(organization!.stats).toEqual(before.apps!.organizations[0]!.stats);
    expect(organization!.error).toMatchObject({ kind: 'unexpected-response', message: expect.stringContaining('Bad dataSource') });
    expect(organization!.error!.message).not.toMatch(/rejected/);
  });

  it('explains a 403 from a query as needing a paid plan', async () => {
    const { route } = await signedIn();
    server.fault({ path: '/api/v4/query/tql', status: 403, times: Infinity });
    await route({ type: 'refreshApps', reason: 'user' });
    expect((await readStoredSnapshot()).apps!.organizations[0]!.error!.message).toBe(
      'TelemetryDeck refused the numbers: queries need a paid TelemetryDeck plan.',
    );
  });

  it('keeps the last organizations when the list fails, and backs off', async () => {
    const { route } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    server.fault({ path: '/api/v3/organizations', status: 503, headers: { 'Retry-After': '600' } });
    now += 1000;
    const result = await route({ type: 'refreshApps', reason: 'user' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    const { apps } = await readStoredSnapshot();
    expect(apps!.organizations).toHaveLength(1);
    expect(apps!.error).toMatchObject({ kind: 'unavailable', at: now });
    expect(apps!.retryNotBefore).toBe(now + 600_000);
  });

  it('waits as long as a busy server asked before querying again by itself', async () => {
    const { route } = await signedIn();
    server.fault({ path: '/api/v4/query/tql', status: 429, headers: { 'Retry-After': '3600' }, times: Infinity });
    await route({ type: 'refreshApps', reason: 'user' });
    expect((await readStoredSnapshot()).apps!.retryNotBefore).toBe(now + 3_600_000);
    server.clearFaults();
    const before = tqlRequests().length;
    now += APPS_REFRESH_INTERVAL_MS + 1000;
    await route({ type: 'refreshApps', reason: 'stale' });
    expect(tqlRequests()).toHaveLength(before);
    now += 3_600_000;
    await route({ type: 'refreshApps', reason: 'stale' });
    expect(tqlRequests().length).toBeGreaterThan(before);
    expect((await readStoredSnapshot()).apps!.retryNotBefore).toBeUndefined();
  });

  it('asks nothing for an organization without namespace, and lists its apps', async () => {
    const { route } = await signedIn([{ name: 'Babbage & Co', namespace: null, apps: ['Legacy App'] }]);
    await route({ type: 'refreshApps', reason: 'user' });
    const [organization] = (await readStoredSnapshot()).apps!.organizations;
    expect(organization).toMatchObject({
      name: 'Babbage & Co',
      maxSignals: 100_000,
      stats: null,
      error: null,
      apps: [{ name: 'Legacy App' }],
    });
    expect(organization).not.toHaveProperty('namespace');
    expect(tqlRequests()).toHaveLength(0);
  });

  it('stores the preferences at once and refreshes with them by itself', async () => {
    const { route } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    const chosen = (await readStoredSnapshot()).apps!.organizations[0]!.apps[1]!.id;
    expect(await route({ type: 'setAppsPreferences', selectedAppIds: [chosen], excludeTestMode: false })).toEqual({ ok: true });
    expect((await readStoredSnapshot()).settings.apps).toEqual({ selectedAppIds: [chosen], excludeTestMode: false });
    const key = appsPreferencesKey({ selectedAppIds: [chosen], excludeTestMode: false });
    await expect.poll(async () => (await readStoredSnapshot()).apps!.preferencesKey).toBe(key);
  });

  it('queries with the new preferences', async () => {
    const { route, apps } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    const chosen = (await readStoredSnapshot()).apps!.organizations[0]!.apps[1]!.id;
    await route({ type: 'setAppsPreferences', selectedAppIds: [chosen] });
    await route({ type: 'setAppsPreferences', excludeTestMode: false });
    // The service refreshes by itself, once whatever was under way has finished.
    await expect.poll(async () => (await readStoredSnapshot()).apps!.organizations[0]!.stats!.excludesTestMode).toBe(false);
    await apps.refresh('stale');
    const last = tqlRequests().at(-1)!;
    expect(JSON.parse(last.body).filter).toEqual({ type: 'selector', dimension: 'appID', value: chosen });
    expect(Object.keys((await readStoredSnapshot()).apps!.organizations[0]!.stats!.byApp)).toEqual([chosen]);
  });

  it('refuses a choice that names an app twice', async () => {
    const { route } = await signedIn();
    expect(await route({ type: 'setAppsPreferences', selectedAppIds: ['A', 'A'] })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
  });

  it('does nothing for a rejected token, and says so when signed out', async () => {
    const { route, token, tokens } = await signedIn();
    server.revoke(token);
    await tokens.refresh('user');
    expect(await route({ type: 'refreshApps', reason: 'user' })).toEqual({ ok: true });
    expect(server.requests.filter((request) => request.path === '/api/v3/organizations')).toHaveLength(0);
    await tokens.signOut();
    expect(await route({ type: 'refreshApps', reason: 'user' })).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });
  });
});

describe('signing out and forgetting', () => {
  it('drops the cached apps on sign-out, on a new sign-in and on forget everything', async () => {
    const { route, tokens } = await signedIn();
    await route({ type: 'refreshApps', reason: 'user' });
    expect((await readStoredSnapshot()).apps).not.toBeNull();
    await tokens.signOut();
    expect((await readStoredSnapshot()).apps).toBeNull();

    expect(await tokens.handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com') })).toEqual({ ok: true });
    await route({ type: 'refreshApps', reason: 'user' });
    expect(await tokens.handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com') })).toEqual({ ok: true });
    expect((await readStoredSnapshot()).apps).toBeNull();

    await route({ type: 'refreshApps', reason: 'user' });
    await route({ type: 'forgetEverything' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('gives the next account a refresh of its own while the previous account’s is still under way, which writes nothing', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = false;
    const listed: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/api/v3/organizations/')) {
        listed.push(String(new Headers(init?.headers).get('Authorization')));
        if (listed.length === 1) {
          arrived = true;
          await held;
        }
      }
      return globalThis.fetch(input, init);
    }) as typeof globalThis.fetch;
    const { route, tokens } = await signedIn(undefined, { fetch });
    const first = route({ type: 'refreshApps', reason: 'user' });
    await expect.poll(() => arrived).toBe(true);
    await tokens.signOut();
    now += 1_000;
    const next = server.mintPat('ada@example.com');
    expect(await tokens.handle({ type: 'signInWithToken', token: next })).toEqual({ ok: true });
    const second = route({ type: 'refreshApps', reason: 'user' });
    release();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(listed).toHaveLength(2);
    expect(listed[1]).toBe(`Bearer ${next}`);
    const { apps, tokenState } = await readStoredSnapshot();
    expect(apps?.tokenAddedAt).toBe(tokenState!.token.addedAt);
  });

  it('does not write numbers for a token that was swapped meanwhile', async () => {
    const { route, tokens } = await signedIn();
    server.fault({ path: '/api/v3/organizations', delayMs: 200 });
    const pending = route({ type: 'refreshApps', reason: 'user' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await tokens.signOut();
    expect(await pending).toEqual({ ok: true });
    expect((await readStoredSnapshot()).apps).toBeNull();
  });
});
