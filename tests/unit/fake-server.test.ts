// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../fake-server/demo-data.ts';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';

const SERVER_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;
const UPPERCASE_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

function basic(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`, 'utf8').toString('base64')}`;
}

function login(email: string, password: string, path = '/api/v3/users/login'): Promise<Response> {
  return fetch(server.origin + path, { method: 'POST', headers: { Authorization: basic(email, password) } });
}

function get(path: string, token?: string, origin = server.origin): Promise<Response> {
  return fetch(origin + path, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });
}

function serverTime(text: string): number {
  return Date.parse(text.replace('+0000', 'Z'));
}

describe('POST /api/v3/users/login', () => {
  it('opens a 30-day session for a UTF-8 password containing a colon', async () => {
    const user = server.addUser({ email: 'ada@example.com', password: 'pässwörd 🔑:x' });

    const response = await login('ada@example.com', 'pässwörd 🔑:x');

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'user', 'value']);
    expect(body.createdAt).toMatch(SERVER_DATE);
    expect(body.expiresAt).toMatch(SERVER_DATE);
    expect(serverTime(body.expiresAt) - serverTime(body.createdAt)).toBe(30 * DAY_MS);
    expect(body.id).toMatch(UPPERCASE_UUID);
    expect(body.user).toEqual({ id: user.id });
    expect(user.id).toMatch(UPPERCASE_UUID);
    expect(body.value).toEqual(expect.any(String));
    expect(body.value).not.toMatch(/^tdpat_/);
  });

  it('ignores a trailing slash and the case of the email', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    expect((await login('Ada@Example.com', 'secret', '/api/v3/users/login/')).status).toBe(200);
  });

  it('uses the session lifetime set on the server', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    server.setSessionLifetimeMs(2 * 60 * 60 * 1000);

    const body = await (await login('ada@example.com', 'secret')).json();

    expect(serverTime(body.expiresAt) - serverTime(body.createdAt)).toBe(2 * 60 * 60 * 1000);
  });

  it.each([
    ['a wrong password', 'ada@example.com', 'pässwörd 🔑'],
    ['an unknown email', 'nobody@example.com', 'pässwörd 🔑:x'],
    ['an SSO account, which has no password', 'sso@example.com', ''],
  ])('answers 401 for %s', async (_, email, password) => {
    server.addUser({ email: 'ada@example.com', password: 'pässwörd 🔑:x' });
    server.addUser({ email: 'sso@example.com' });

    const response = await login(email, password);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: true, reason: 'Invalid email or password.' });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Bearer token', 'Bearer abc'],
    ['credentials without a colon', `Basic ${Buffer.from('ada@example.com').toString('base64')}`],
  ])('answers 401 for %s', async (_, authorization) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
    const response = await fetch(`${server.origin}/api/v3/users/login`, { method: 'POST', headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: true });
  });
});

describe('GET /api/v3/users/info', () => {
  it('describes the user of a session token in the live shape', async () => {
    const user = server.addUser({
      email: 'ada@example.com',
      password: 'secret',
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: 'Analytical Engines',
      emailIsVerified: false,
    });
    const { value } = await (await login('ada@example.com', 'secret')).json();

    const response = await get('/api/v3/users/info', value);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id: user.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      emailIsVerified: false,
      receiveMarketingEmails: null,
      receiveReports: 'weekly',
      isFoundingUser: false,
      organization: { name: 'Analytical Engines', createdAt: expect.any(String), updatedAt: expect.any(String) },
    });
    expect(body.organization.createdAt).toMatch(SERVER_DATE);
    expect(body.organization.updatedAt).toMatch(SERVER_DATE);
  });

  it('accepts a personal access token, also for an SSO account, and ignores a trailing slash', async () => {
    server.addUser({ email: 'sso@example.com', organizationName: null });
    const pat = server.mintPat('sso@example.com');
    expect(pat).toMatch(/^tdpat_[0-9A-Za-z]{40}$/);

    const response = await get('/api/v3/users/info/', pat);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.email).toBe('sso@example.com');
    expect(body).not.toHaveProperty('organization');
  });

  it('rejects revoked and expired tokens at once', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    const revoked = server.mintPat('ada@example.com');
    const expired = (await (await login('ada@example.com', 'secret')).json()).value;
    const lapsed = server.mintPat('ada@example.com', { expiresAt: new Date(Date.now() - 1000) });
    expect((await get('/api/v3/users/info', revoked)).status).toBe(200);
    expect((await get('/api/v3/users/info', expired)).status).toBe(200);

    server.revoke(revoked);
    server.expire(expired);

    for (const token of [revoked, expired, lapsed]) {
      const response = await get('/api/v3/users/info', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: true, reason: 'Unauthorized' });
    }
  });

  it('lets a session lapse at its expiry', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    server.setSessionLifetimeMs(300);
    const { value } = await (await login('ada@example.com', 'secret')).json();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await get('/api/v3/users/info', value)).status).toBe(401);
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { Authorization: 'Bearer tdpat_unknown' }],
    ['an empty Bearer', { Authorization: 'Bearer ' }],
    ['Basic credentials', { Authorization: basic('ada@example.com', 'secret') }],
  ])('answers 401 for %s', async (_, headers: Record<string, string>) => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    const response = await fetch(`${server.origin}/api/v3/users/info`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: true, reason: 'Unauthorized' });
  });
});

describe('free plan', () => {
  it('signs in, but every call with its token answers 403', async () => {
    server.addUser({ email: 'free@example.com', password: 'free-plan-pass', plan: 'free' });
    const response = await login('free@example.com', 'free-plan-pass');
    expect(response.status).toBe(200);
    const { value } = await response.json();

    for (const path of ['/api/v3/users/info', '/api/v3/organizations/']) {
      const answer = await get(path, value);
      expect(answer.status).toBe(403);
      expect(await answer.json()).toEqual({ error: true, reason: 'API access requires a paid plan.' });
    }
  });
});

describe('GET /api/v3/organizations/', () => {
  it("lists the user's organization and its apps, the same on every call", async () => {
    server.addUser({ email: 'ada@example.com', organizationName: 'Analytical Engines' });
    const pat = server.mintPat('ada@example.com');

    const response = await get('/api/v3/organizations/', pat);

    expect(response.status).toBe(200);
    const organizations = await response.json();
    expect(organizations).toHaveLength(1);
    const [organization] = organizations;
    expect(organization).toMatchObject({
      id: expect.stringMatching(UPPERCASE_UUID),
      name: 'Analytical Engines',
      namespace: 'com.analyticalengines',
      maxSignals: expect.any(Number),
      usagePercentage: expect.any(Number),
      createdAt: expect.stringMatching(SERVER_DATE),
    });
    expect(organization.apps.length).toBeGreaterThan(0);
    for (const app of organization.apps) {
      expect(app).toEqual({ id: expect.stringMatching(UPPERCASE_UUID), name: expect.any(String), organizationID: organization.id });
    }
    expect(await (await get('/api/v3/organizations', pat)).json()).toEqual(organizations);
  });

  it('is empty for a user without an organization', async () => {
    server.addUser({ email: 'solo@example.com', organizationName: null });
    expect(await (await get('/api/v3/organizations/', server.mintPat('solo@example.com'))).json()).toEqual([]);
  });
});

describe('routing', () => {
  it('answers 404 with a Vapor body for an unknown path', async () => {
    const response = await get('/api/v3/nothing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: true, reason: 'Not Found' });
  });

  it('answers 405 for a wrong method', async () => {
    const response = await get('/api/v3/users/login');
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ error: true, reason: 'Method Not Allowed' });
  });

  it('never sends CORS headers, not even to a preflight', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    const preflightHeaders = {
      Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    };
    const responses = [
      await fetch(`${server.origin}/api/v3/users/info`, { method: 'OPTIONS', headers: preflightHeaders }),
      await fetch(`${server.origin}/api/v3/nothing`, { method: 'OPTIONS', headers: preflightHeaders }),
      await fetch(`${server.origin}/api/v3/users/login`, {
        method: 'POST',
        headers: { Origin: preflightHeaders.Origin, Authorization: basic('ada@example.com', 'secret') },
      }),
      await get('/api/v3/users/info', server.mintPat('ada@example.com')),
    ];

    expect(responses.map((response) => response.status)).toEqual([405, 404, 200, 200]);
    for (const response of responses) {
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('recorded requests', () => {
  it('records every request in order, with its headers and body', async () => {
    await fetch(`${server.origin}/api/v3/users/login/?x=1`, {
      method: 'POST',
      headers: { Authorization: 'Basic Zm9vOmJhcg==', 'X-Test': 'yes' },
      body: 'hello',
    });
    await get('/api/v3/users/info');

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v3/users/login',
      url: '/api/v3/users/login/?x=1',
      body: 'hello',
      headers: expect.objectContaining({ authorization: 'Basic Zm9vOmJhcg==', 'x-test': 'yes' }),
    });
    expect(server.requests[1]).toMatchObject({ method: 'GET', path: '/api/v3/users/info', body: '' });
    const times = server.requests.map((request) => request.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('faults', () => {
  it('answers a status with a Vapor body and extra headers, for as many requests as asked', async () => {
    server.fault({ path: '/api/v3/users/info/', status: 429, headers: { 'Retry-After': '120' }, times: 2 });

    for (let i = 0; i < 2; i++) {
      const response = await get('/api/v3/users/info');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('120');
      expect(await response.json()).toEqual({ error: true, reason: 'Too Many Requests' });
    }
    expect((await get('/api/v3/users/info')).status).toBe(401);
    expect(server.requests).toHaveLength(3);
  });

  it('only touches the path it names', async () => {
    server.fault({ path: '/api/v3/organizations', status: 500 });
    expect((await get('/api/v3/users/info')).status).toBe(401);
    expect((await get('/api/v3/organizations/')).status).toBe(500);
    expect((await get('/api/v3/organizations/')).status).toBe(401);
  });

  it('serves an HTML body, e.g. from a captive portal', async () => {
    server.fault({ status: 200, body: '<html>Sign in to the Wi-Fi</html>', contentType: 'text/html' });
    const response = await get('/api/v3/users/info');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html>Sign in to the Wi-Fi</html>');
  });

  it('serves an empty body below 400', async () => {
    server.fault({ status: 204 });
    const response = await get('/api/v3/users/info');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('applies forever with times: Infinity, until cleared', async () => {
    server.fault({ status: 503, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await get('/api/v3/users/info')).status).toBe(503);
    server.clearFaults();
    expect((await get('/api/v3/users/info')).status).toBe(401);
  });

  it('delays the normal answer', async () => {
    server.fault({ delayMs: 300 });
    const started = Date.now();
    const response = await get('/api/v3/users/info');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(401);
  });

  it('drops the connection without an answer, and records the request', async () => {
    server.fault({ drop: true });
    await expect(get('/api/v3/users/info')).rejects.toThrow();
    expect(server.requests.map((request) => request.path)).toEqual(['/api/v3/users/info']);
    expect((await get('/api/v3/users/info')).status).toBe(401);
  });

  it('streams a body of the given size', async () => {
    server.fault({ bodyBytes: 10 * 1024 * 1024, body: '{"value":"x"}' });
    const response = await get('/api/v3/users/info');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(10 * 1024 * 1024);
    expect(new TextDecoder().decode(bytes.subarray(0, 13))).toBe('{"value":"x"}');
  });

  it('redirects to another, independent fake server', async () => {
    const other = await startFakeServer();
    try {
      server.addUser({ email: 'ada@example.com' });
      const pat = server.mintPat('ada@example.com');
      server.fault({ redirectTo: `${other.origin}/api/v3/users/info` });

      const manual = await fetch(`${server.origin}/api/v3/users/info`, { redirect: 'manual' });
      expect(manual.status).toBe(302);
      expect(manual.headers.get('location')).toBe(`${other.origin}/api/v3/users/info`);

      server.fault({ redirectTo: `${other.origin}/api/v3/users/info` });
      const followed = await get('/api/v3/users/info', pat);
      expect(followed.status).toBe(401);
      expect(other.port).not.toBe(server.port);
      expect(other.requests.map((request) => request.path)).toEqual(['/api/v3/users/info']);
    } finally {
      await other.close();
    }
  });

  it('does not keep close() waiting on a stalled request', async () => {
    const stalled = await startFakeServer();
    stalled.fault({ delayMs: 10 * 60 * 1000 });
    const pending = fetch(`${stalled.origin}/api/v3/users/info`);
    await expect.poll(() => stalled.requests.length).toBe(1);

    const started = Date.now();
    await stalled.close();

    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('control API', () => {
  it('reset forgets users, tokens, faults and requests', async () => {
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    const pat = server.mintPat('ada@example.com');
    server.fault({ path: '/api/v3/organizations', status: 500 });
    server.setSessionLifetimeMs(1000);
    await get('/api/v3/users/info', pat);

    server.reset();

    expect(server.requests).toEqual([]);
    expect((await get('/api/v3/users/info', pat)).status).toBe(401);
    expect((await get('/api/v3/organizations')).status).toBe(401);
    server.addUser({ email: 'ada@example.com', password: 'secret' });
    const body = await (await login('ada@example.com', 'secret')).json();
    expect(serverTime(body.expiresAt) - serverTime(body.createdAt)).toBe(30 * DAY_MS);
  });

  it('refuses a duplicate user, a PAT for nobody, and revoking an unknown token', () => {
    server.addUser({ email: 'ada@example.com' });
    expect(() => server.addUser({ email: 'ada@example.com' })).toThrow();
    expect(() => server.mintPat('nobody@example.com')).toThrow();
    expect(() => server.revoke('tdpat_unknown')).toThrow();
  });

  it('keeps two servers apart', async () => {
    const other = await startFakeServer();
    try {
      server.addUser({ email: 'ada@example.com' });
      const pat = server.mintPat('ada@example.com');
      other.fault({ status: 500, times: Infinity });

      expect((await get('/api/v3/users/info', pat)).status).toBe(200);
      expect((await get('/api/v3/users/info', pat, other.origin)).status).toBe(500);
      expect(server.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('demo data', () => {
  it('seeds a paid user with password and PAT, an SSO user and a free-plan user', async () => {
    const demo = seedDemo(server);
    expect(demo.paid).toMatchObject({ email: 'ada@example.com', password: 'pässwörd 🔑:x', organizationName: 'Analytical Engines' });
    const daysLeft = (demo.paid.patExpiresAt.getTime() - Date.now()) / DAY_MS;
    expect(daysLeft).toBeGreaterThan(11.9);
    expect(daysLeft).toBeLessThanOrEqual(12);

    const info = await (await get('/api/v3/users/info', demo.paid.pat)).json();
    expect(info).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', organization: { name: 'Analytical Engines' } });
    expect((await login(demo.paid.email, demo.paid.password)).status).toBe(200);
    expect((await login(demo.sso.email, '')).status).toBe(401);
    const { value } = await (await login(demo.free.email, demo.free.password)).json();
    expect((await get('/api/v3/users/info', value)).status).toBe(403);
  });
});

describe('cli', () => {
  it('runs under plain Node and prints the origin and the demo credentials', async () => {
    const cli = fileURLToPath(new URL('../fake-server/cli.ts', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout) {
        output += chunk;
        if (output.includes('Ctrl-C')) break;
      }
      const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      expect(origin).toBeDefined();
      expect(output).toContain('ada@example.com');
      expect(output).toContain('pässwörd 🔑:x');
      expect(output).toContain('free@example.com');
      const pat = /tdpat_[0-9A-Za-z]{40}/.exec(output)?.[0];
      expect((await get('/api/v3/users/info', pat, origin)).status).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      expect((await exited)[0]).toBe(0);
    }
  });
});
