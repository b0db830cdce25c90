import { describe, expect, it } from 'vitest';
import { loginResponseSchema, userInfoSchema } from '../../lib/api/worker/response-schemas';

describe('userInfoSchema', () => {
  it('accepts the docs’ example verbatim, with its placeholder id', () => {
    const parsed = userInfoSchema.parse({
      email: 'you@example.com',
      emailIsVerified: true,
      firstName: 'Daniel',
      id: 'BADA55-BADGE5',
      isFoundingUser: true,
      lastName: 'Jilg',
      organization: { createdAt: '2020-12-31T23:00:00+0000', name: 'TelemetryDeck', updatedAt: '2022-07-11T01:27:20+0000' },
      receiveReports: 'weekly',
    });
    expect(parsed).toMatchObject({ id: 'BADA55-BADGE5', firstName: 'Daniel', organization: { name: 'TelemetryDeck' } });
  });

  it('accepts the live shape: uppercase UUID, null marketing flag, no organization, unknown fields', () => {
    const parsed = userInfoSchema.parse({
      id: '624B60A4-73F2-4835-97BD-585A10BCD0A3',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      emailIsVerified: false,
      receiveMarketingEmails: null,
      receiveReports: 'never',
      somethingNew: { nested: true },
    });
    expect(parsed.organization).toBeUndefined();
    expect(parsed.emailIsVerified).toBe(false);
  });

  it('never fails because an optional field is null or of another type', () => {
    const parsed = userInfoSchema.parse({
      id: 'X',
      email: 'x@example.com',
      firstName: null,
      lastName: 42,
      emailIsVerified: 'yes',
      organization: null,
    });
    expect(parsed).toMatchObject({
      id: 'X',
      email: 'x@example.com',
      firstName: undefined,
      lastName: undefined,
      emailIsVerified: undefined,
    });
  });

  it('refuses a response without an id or email', () => {
    expect(userInfoSchema.safeParse({ email: 'x@example.com' }).success).toBe(false);
    expect(userInfoSchema.safeParse({ id: '', email: 'x@example.com' }).success).toBe(false);
    expect(userInfoSchema.safeParse({ id: 'X' }).success).toBe(false);
    expect(userInfoSchema.safeParse('<html>').success).toBe(false);
  });
});

describe('loginResponseSchema', () => {
  it('accepts the live response with createdAt', () => {
    const parsed = loginResponseSchema.parse({
      createdAt: '2026-11-22T08:00:00+0000',
      expiresAt: '2026-12-22T08:00:00+0000',
      id: 'A5811BD5-87E6-4915-B419-9E48A2C39470',
      user: { id: '624B60A4-73F2-4835-97BD-585A10BCD0A3' },
      value: 'opaque',
    });
    expect(parsed).toMatchObject({ value: 'opaque', createdAt: Date.UTC(2026, 10, 22, 8), expiresAt: Date.UTC(2026, 11, 22, 8) });
  });

  it('accepts the docs’ example without createdAt, and treats everything but value as optional', () => {
    const minimal = loginResponseSchema.parse({ value: 'opaque' });
    expect(minimal.value).toBe('opaque');
    expect(minimal.expiresAt).toBeUndefined();
    expect(minimal.createdAt).toBeUndefined();
    expect(loginResponseSchema.parse({ value: 'opaque', expiresAt: 'not a date' }).expiresAt).toBeUndefined();
  });

  it('refuses a response without a token value', () => {
    expect(loginResponseSchema.safeParse({ expiresAt: '2026-12-22T08:00:00+0000' }).success).toBe(false);
  });
});
