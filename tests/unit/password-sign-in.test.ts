import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBasicCredentials, encodeBasicCredentials } from '../../lib/api/worker/basic-auth';
import { checkPasswordSignIn, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '../../lib/token/password-sign-in';

const emailChars = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((text) => !text.includes(':') && text.trim() !== '');
const passwords = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 250 });

describe('email and password before they travel', () => {
  it('takes any Unicode within the limits, and the Basic header carries exactly it, within 8 kB', () => {
    fc.assert(
      fc.property(emailChars, passwords, (email, password) => {
        const checked = checkPasswordSignIn(email, password);
        if (!checked.ok) return expect(checked.ok).toBe(true);
        const header = encodeBasicCredentials(checked.email, checked.password);
        expect(decodeBasicCredentials(header)).toEqual({ email: email.trim(), password });
        expect(header.length).toBeLessThan(8_000);
      }),
    );
  });

  it('sends a password at the length limit in under 8 kB, even in four-byte characters', () => {
    const checked = checkPasswordSignIn('a@example.com', '🔑'.repeat(MAX_PASSWORD_LENGTH / 2));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(encodeBasicCredentials(checked.email, checked.password).length).toBeLessThan(8_000);
  });

  it('keeps a colon in the password, where only the first colon separates', () => {
    const checked = checkPasswordSignIn(' ada@example.com ', 'pässwörd 🔑:x');
    expect(checked).toEqual({ ok: true, email: 'ada@example.com', password: 'pässwörd 🔑:x' });
  });

  it('refuses clearly what cannot travel: a colon in the email, 10 000 characters, nothing at all', () => {
    expect(checkPasswordSignIn('ada:lovelace@example.com', 'x')).toMatchObject({ ok: false, message: expect.stringContaining('colon') });
    expect(checkPasswordSignIn(`${'a'.repeat(10_000)}@example.com`, 'x')).toMatchObject({
      ok: false,
      message: expect.stringContaining(String(MAX_EMAIL_LENGTH)),
    });
    expect(checkPasswordSignIn('ada@example.com', 'p'.repeat(10_000))).toMatchObject({
      ok: false,
      message: expect.stringContaining('too long'),
    });
    expect(checkPasswordSignIn('  ', 'x')).toMatchObject({ ok: false, message: expect.stringContaining('email address') });
    expect(checkPasswordSignIn('ada@example.com', '')).toMatchObject({ ok: false, message: expect.stringContaining('password') });
  });
});
