import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../lib/api/worker/client';
import { fakeFetch, json } from './fake-fetch';

const ORIGIN = 'https://api.example.test';
const TOKEN = 'tdpat_SECRETsecretSECRETsecret1234';
/** The token, bound to the origin that accepted it. */
const BOUND = { token: TOKEN, origin: ORIGIN };

const USER_INFO_DOCS = {
  email: 'you@example.com',
  emailIsVerified: true,
  firstName: 'Daniel',
  id: 'BADA55-BADGE5',
  isFoundingUser: true,
  lastName: 'Jilg',
  organization: { createdAt: '2020-12-31T23:00:00+0000', name: 'TelemetryDeck', updatedAt: '2022-07-11T01:27:20+0000' },
  receiveReports: 'weekly',
};

describe('api client', () => {
  it('sends the token only in the Authorization header, to the configured origin', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, USER_INFO_DOCS));
    const result = await createApiClient({ origin: `${ORIGIN}/some/path`, fetch }).userInfo(BOUND);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v3/users/info`);
    expect(calls[0]!.url).not.toContain(TOKEN);
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.init.redirect).toBe('manual');
    expect(calls[0]!.init.credentials).toBe('omit');
  });

  it('refuses to send a token to any origin but the one that accepted it, before anything is sent', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, USER_INFO_DOCS));
    const client = createApiClient({ origin: 'https://td.example.org', fetch });
    for (const result of [
      await client.userInfo(BOUND),
      await client.organizations(BOUND),
      await client.tql(BOUND, { queryType: 'timeseries' }),
      await client.userInfo({ token: TOKEN, origin: 'not a URL' }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'not-signed-in', message: expect.stringMatching(/another API server/) } });
    }
    expect(calls).toEqual([]);
  });

  it('logs in with UTF-8 Basic credentials and no body', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(200, {
        value: 'opaque',
        expiresAt: '2026-12-22T08:00:00+0000',
        createdAt: '2026-11-22T08:00:00+0000',
        id: 'A5811BD5',
        user: { id: 'U' },
      }),
    );
    const result = await createApiClient({ origin: ORIGIN, fetch }).login('ada@example.com', 'pässwörd 🔑:x');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBeUndefined();
    const header = (calls[0]!.init.headers as Record<string, string>).Authorization!;
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8')).toBe('ada@example.com:pässwörd 🔑:x');
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ value: 'opaque', expiresAt: Date.UTC(2026, 11, 22, 8), createdAt: Date.UTC(2026, 10, 22, 8) }),
    });
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [400, 'unexpected-response'],
    [404, 'unexpected-response'],
  ])('classifies %i from users/info as %s', async (status, kind) => {
    const { fetch } = fakeFetch(() => json(status, { error: true, reason: 'Nope' }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).userInfo(BOUND);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind }) });
  });

  it('calls a 401 from login wrong credentials, and points SSO users to a token', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: true, reason: 'Invalid email or password.' }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).login('a@b.c', 'x');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid-credentials');
      expect(result.error.message).toMatch(/Google, GitHub or Okta/);
    }
  });

  it('keeps the status and Retry-After of a failure whose body is huge or breaks off', async () => {
    const broken = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<html>'));
        controller.error(new Error('connection reset'));
      },
    });
    const answers = [
      () => new Response('x'.repeat(2_000_000), { status: 429, headers: { 'Retry-After': '120' } }),
      () => new Response(broken, { status: 503, headers: { 'Retry-After': '30' } }),
    ];
    const { fetch } = fakeFetch(() => answers.shift()!());
    const client = createApiClient({ origin: ORIGIN, fetch });
    expect(await client.userInfo(BOUND)).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'rate-limited', retryAfterSeconds: 120 }),
    });
    expect(await client.userInfo(BOUND)).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'unavailable', retryAfterSeconds: 30 }),
    });
  });

  it('reads Retry-After', async () => {
    const { fetch } = fakeFetch(() => json(429, {}, { 'Retry-After': '90' }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).userInfo(BOUND);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'rate-limited', retryAfterSeconds: 90 }) });
  });

  it.each([
    ['an empty 200', () => new Response('', { status: 200 })],
    [
      'an HTML 200',
      () => new Response('<html><body>Captive portal</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ],
    ['JSON of the wrong shape', () => json(200, { hello: 'world' })],
    ['a body over the size limit', () => new Response('x'.repeat(2_000_000), { status: 200 })],
    ['a redirect', () => new Response(null, { status: 302, headers: { Location: 'https://evil.test/' } })],
  ])('calls %s an unexpected response', async (_label, respond) => {
    const { fetch } = fakeFetch(respond);
    const result = await createApiClient({ origin: ORIGIN, fetch }).userInfo(BOUND);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'unexpected-response' }) });
  });

  it('calls a network failure offline', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createApiClient({ origin: ORIGIN, fetch }).userInfo(BOUND);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'offline' }) });
  });

  it('gives up after the timeout', async () => {
    const { fetch } = fakeFetch(
      ({ init }) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const result = await createApiClient({ origin: ORIGIN, fetch, timeoutMs: 20 }).userInfo(BOUND);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'timeout' }) });
  });

  it('quotes the server’s reason where our own sentence cannot be specific, without echoing the token', async () => {
    const { fetch } = fakeFetch(() => json(400, { error: true, reason: `Bad query for ${TOKEN}` }));
    const result = await createApiClient({ origin: ORIGIN, fetch }).userInfo(BOUND);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('Bad query for');
      expect(result.error.message).not.toContain(TOKEN);
    }
  });
});
