import { describe, expect, it } from 'vitest';
import { apiError } from '../../lib/api/error';
import { classifyStatus, parseRetryAfter } from '../../lib/api/worker/http-status';

describe('classifyStatus', () => {
  it.each([
    [401, 'users-info', 'unauthorized'],
    [401, 'login', 'invalid-credentials'],
    [401, 'other', 'unexpected-response'],
    [403, 'users-info', 'forbidden'],
    [429, 'users-info', 'rate-limited'],
    [500, 'users-info', 'unavailable'],
    [502, 'login', 'unavailable'],
    [503, 'users-info', 'unavailable'],
    [400, 'users-info', 'unexpected-response'],
    [404, 'users-info', 'unexpected-response'],
    [418, 'other', 'unexpected-response'],
  ] as const)('%i from %s is %s', (status, endpoint, kind) => {
    expect(classifyStatus(status, endpoint)).toBe(kind);
  });
});

describe('error sentences', () => {
  it('say what to do', () => {
    expect(apiError('forbidden').message).toMatch(/paid TelemetryDeck plan/);
    expect(apiError('unauthorized').message).toMatch(/rejected|revoked|expired/);
    expect(apiError('invalid-credentials').message).toMatch(/Google, GitHub or Okta/);
    expect(apiError('invalid-credentials').message).toMatch(/personal access token/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 22, 8, 0, 0);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 22 Nov 2026 08:01:00 GMT', now)).toBe(60);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
