// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAppsQuery } from '../../lib/apps/worker/query';
import { eventsInHour, type FakeServer, startFakeServer, usersFor } from '../fake-server/server.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

async function organizations(token: string) {
  return (await (await fetch(`${server.origin}/api/v3/organizations/`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    id: string;
    name: string;
    namespace?: string;
    apps: { id: string; name: string }[];
    maxSignals?: number;
    resolvedMaxSignals?: number;
  }[];
}

function tql(token: string | undefined, query: unknown): Promise<Response> {
  return fetch(`${server.origin}/api/v4/query/tql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof query === 'string' ? query : JSON.stringify(query),
  });
}

function ada(extra: Parameters<FakeServer['addUser']>[0]['organizations'] = undefined) {
  server.addUser({ email: 'ada@example.com', organizationName: 'Analytical Engines', organizations: extra });
  return server.mintPat('ada@example.com');
}

describe('GET /api/v3/organizations/ with organizations of its own', () => {
  it('lists several organizations, an older one without namespace and with resolvedMaxSignals', async () => {
    const token = ada([
      { name: 'Analytical Engines', apps: ['Engine', 'Notes', 'Website'], usagePercentage: 0.42, maxSignals: 5_000_000 },
      { name: 'Babbage & Co', namespace: null, apps: ['Legacy App'] },
    ]);
    const [current, legacy] = await organizations(token);
    expect(current).toMatchObject({
      name: 'Analytical Engines',
      namespace: 'com.analyticalengines',
      maxSignals: 5_000_000,
      usagePercentage: 0.42,
    });
    expect(current!.apps.map((app) => app.name)).toEqual(['Engine', 'Notes', 'Website']);
    expect(legacy).toMatchObject({ name: 'Babbage & Co', resolvedMaxSignals: 100_000 });
    expect(legacy).not.toHaveProperty('namespace');
    expect(legacy).not.toHaveProperty('maxSignals');
  });
});

describe('POST /api/v4/query/tql', () => {
  it('answers 401 with a reason for a missing or wrong dataSource', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const query = buildAppsQuery({
      namespace: organization!.namespace!,
      appIds: [organization!.apps[0]!.id],
      excludeTestMode: true,
      window: 'last30Days',
    });
    const { dataSource: _omitted, ...withoutDataSource } = query;
    for (const body of [withoutDataSource, { ...query, dataSource: 'com.someoneelse' }]) {
      const response = await tql(token, body);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: true, reason: expect.stringMatching(/dataSource|namespace/) });
    }
  });

  it('answers 401 when the filter does not keep to the organization’s apps', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const query = buildAppsQuery({
      namespace: organization!.namespace!,
      appIds: [organization!.apps[0]!.id],
      excludeTestMode: true,
      window: 'last30Days',
    });
    const unfiltered = await tql(token, { ...query, filter: { type: 'selector', dimension: 'isTestMode', value: 'false' } });
    expect(unfiltered.status).toBe(401);
    expect((await unfiltered.json()).reason).toMatch(/appID/);
    const foreign = await tql(token, { ...query, filter: { type: 'selector', dimension: 'appID', value: 'SOMEONE-ELSES-APP' } });
    expect(foreign.status).toBe(401);
  });

  it('answers 400 for a body that is not a query, 401 without a token, 403 on a free plan', async () => {
    const token = ada();
    expect((await tql(token, '{"queryType":')).status).toBe(400);
    expect((await tql(undefined, {})).status).toBe(401);
    server.addUser({ email: 'free@example.com', plan: 'free' });
    expect((await tql(server.mintPat('free@example.com'), {})).status).toBe(403);
  });

  it('counts deterministic events per app, wrapped by default, the same on every call', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const appIds = organization!.apps.map((app) => app.id);
    const query = buildAppsQuery({ namespace: organization!.namespace!, appIds, excludeTestMode: true, window: 'last30Days' });
    const before = Date.now();
    const body = await (await tql(token, query)).json();
    expect(body).toMatchObject({ calculationDuration: expect.any(Number), result: { type: 'groupByResult' } });
    const rows = body.result.rows as { timestamp: string; event: { appID: string; Events: number; Users: number } }[];
    expect(rows.map((row) => row.event.appID).sort()).toEqual([...appIds].sort());
    // The 30 days: from midnight UTC 29 days ago, through the hours already begun today.
    const start = Math.floor(before / DAY_MS) * DAY_MS - 29 * DAY_MS;
    for (const row of rows) {
      let expected = 0;
      for (let hour = start / HOUR_MS; hour * HOUR_MS < before; hour += 1) expected += eventsInHour(row.event.appID, hour, false);
      expect(row.event.Events).toBe(expected);
      expect(row.event.Users).toBe(usersFor(expected));
      expect(row.event.Users).toBeLessThan(row.event.Events);
      expect(row.timestamp).toBe(new Date(start).toISOString());
    }
    expect((await (await tql(token, query)).json()).result.rows).toEqual(rows);
  });

  it('answers bare rows when told to, and gives daily rows that add up to the total', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const appId = organization!.apps[0]!.id;
    server.setQueryResultForm('bare');
    const total = await (
      await tql(
        token,
        buildAppsQuery({ namespace: organization!.namespace!, appIds: [appId], excludeTestMode: true, window: 'last30Days' }),
      )
    ).json();
    const daily = await (
      await tql(
        token,
        buildAppsQuery({ namespace: organization!.namespace!, appIds: [appId], excludeTestMode: true, window: 'daily30Days' }),
      )
    ).json();
    expect(Array.isArray(total) && Array.isArray(daily)).toBe(true);
    expect(daily).toHaveLength(30);
    expect(daily[0]).toEqual({
      version: 'v1',
      timestamp: expect.stringMatching(/T00:00:00\.000Z$/),
      event: { appID: appId, Events: expect.any(Number) },
    });
    expect(daily.reduce((sum: number, row: { event: { Events: number } }) => sum + row.event.Events, 0)).toBe(total[0].event.Events);
  });

  it('counts test-mode events only when the filter lets them through', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const appIds = [organization!.apps[0]!.id];
    const events = async (excludeTestMode: boolean) =>
      (
        await (
          await tql(token, buildAppsQuery({ namespace: organization!.namespace!, appIds, excludeTestMode, window: 'last30Days' }))
        ).json()
      ).result.rows[0].event.Events as number;
    expect(await events(false)).toBeGreaterThan(await events(true));
  });

  it('answers a timeseries over one app with zero-filled buckets', async () => {
    const token = ada();
    const [organization] = await organizations(token);
    const response = await tql(token, {
      queryType: 'timeseries',
      dataSource: organization!.namespace,
      granularity: 'hour',
      aggregations: [{ type: 'eventCount' }, { type: 'userCount' }],
      filter: { type: 'selector', dimension: 'appID', value: organization!.apps[0]!.id },
      relativeIntervals: [
        {
          beginningDate: { component: 'hour', offset: -24, position: 'beginning' },
          endDate: { component: 'hour', offset: 0, position: 'end' },
        },
      ],
    });
    const rows = (await response.json()).result.rows as { timestamp: string; result: { Events: number; Users: number } }[];
    expect(rows).toHaveLength(25);
    expect(Object.keys(rows[0]!.result).sort()).toEqual(['Events', 'Users']);
  });

  it('cannot query an organization without namespace', async () => {
    const token = ada([{ name: 'Babbage & Co', namespace: null }]);
    const [legacy] = await organizations(token);
    const response = await tql(token, {
      ...buildAppsQuery({ namespace: 'com.babbageco', appIds: [legacy!.apps[0]!.id], excludeTestMode: true, window: 'last24Hours' }),
    });
    expect(response.status).toBe(401);
  });

  it('plays faults on the query path like on any other', async () => {
    const token = ada();
    server.fault({ path: '/api/v4/query/tql', status: 503 });
    expect((await tql(token, {})).status).toBe(503);
  });
});
