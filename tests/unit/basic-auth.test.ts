import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBasicCredentials, encodeBasicCredentials } from '../../lib/api/worker/basic-auth';

describe('Basic credentials', () => {
  it('encodes UTF-8 before base64, where btoa alone would throw', () => {
    const header = encodeBasicCredentials('ada@example.com', 'pässwörd 🔑:x');
    expect(header).toBe(`Basic ${Buffer.from('ada@example.com:pässwörd 🔑:x', 'utf8').toString('base64')}`);
  });

  it('splits only on the first colon, so a password may contain colons', () => {
    expect(decodeBasicCredentials(encodeBasicCredentials('a@b.c', ':x:y:'))).toEqual({ email: 'a@b.c', password: ':x:y:' });
  });

  it('round-trips any Unicode email (without colon) and password', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }).filter((email) => !email.includes(':')),
        fc.string({ unit: 'grapheme' }),
        (email, password) => {
          expect(decodeBasicCredentials(encodeBasicCredentials(email, password))).toEqual({ email, password });
        },
      ),
    );
  });

  it('matches Node’s own UTF-8 base64 for arbitrary full Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (password) => {
        const expected = Buffer.from(`me@example.com:${password}`, 'utf8').toString('base64');
        expect(encodeBasicCredentials('me@example.com', password)).toBe(`Basic ${expected}`);
      }),
    );
  });
});
