import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../lib/api/worker/client';
import { fakeFetch, json } from './fake-fetch';

const ORIGIN = 'https://api.example.test';
const TOKEN = 'tdpat_SECRETsecretSECRETsecret1234';
/** The token, bound to the origin that accepted it. */
const BOUND = { token: TOKEN, origin: ORIGIN };
const QUERY = { queryType: 'groupBy', dataSource: 'com.example' };

describe('api client: organizations and queries', () => {
  it('lists organizations leniently: odd entries are skipped, older payloads read', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(200, [
        {
          id: 'ORG',
          name: 'Org',
          namespace: 'com.org',
          apps: [{ id: 'APP', name: 'App', settings: {} }, { name: 'no id' }],
          maxSignals: 100,
          usagePercentage: 0.5,
          billingModel: 'x',
        },
        { id: 'OLD', name: 'Old', apps: null, resolvedMaxSignals: 7 },
        { name: 'no id at all' },
      ]),
    );
    const result = await createApiClient({ origin: ORIGIN, fetch }).organizations(BOUND);
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v3/organizations/`);
    expect(result).toEqual({
      ok: true,
      value: [
        expect.objectContaining({
          id: 'ORG',
          namespace: 'com.org',
          apps: [expect.objectContaining({ id: 'APP', name: 'App' })],
          maxSignals: 100,
          usagePercentage: 0.5,
        }),
        expect.objectContaining({ id: 'OLD', apps: [], resolvedMaxSignals: 7 }),
      ],
    });
    if (result.ok) expect(result.value[1]!.namespace).toBeUndefined();
  });

  it('posts a query as JSON, the token only in the Authorization header, and never follows a redirect', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { result: { type: 'groupByResult', rows: [] } }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).tql(BOUND, QUERY);
    expect(result).toEqual({ ok: true, value: [] });
    const [call] = calls;
    expect(call!.url).toBe(`${ORIGIN}/api/v4/query/tql`);
    expect(call!.init.method).toBe('POST');
    expect(call!.init.redirect).toBe('manual');
    expect(call!.init.credentials).toBe('omit');
    expect(JSON.parse(String(call!.init.body))).toEqual(QUERY);
    const headers = call!.init.headers as Record<string, string>;
    expect(headers).toEqual({ Authorization: `Bearer ${TOKEN}`, Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(String(call!.init.body)).not.toContain(TOKEN);
  });

  it('calls a 401 from a query an unexpected answer with the server’s reason, never a rejected token', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: true, reason: 'Missing dataSource' }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).tql(BOUND, QUERY);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unexpected-response', message: expect.stringContaining('Missing dataSource') },
    });
  });

  it('waits for a query longer than for other calls, and says how long it waited', async () => {
    const { fetch } = fakeFetch(
      ({ init }) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const started = Date.now();
    const result = await createApiClient({ origin: ORIGIN, fetch, timeoutMs: 10, tqlTimeoutMs: 120 }).tql(BOUND, QUERY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: expect.stringMatching(/^TelemetryDeck did not answer within 1 second\./) },
    });
  });
});
