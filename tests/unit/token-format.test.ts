import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonalAccessToken, maskToken } from '../../lib/token/format';

const VALID = 'tdpat_AbCdEf0123456789AbCdEf0123456789wxyz';

describe('checkPersonalAccessToken', () => {
  it('accepts a tdpat_ token and trims surrounding whitespace and newlines', () => {
    expect(checkPersonalAccessToken(`\n  ${VALID}\t\r\n`)).toEqual({ ok: true, token: VALID });
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['inner space', 'tdpat_abc def'],
    ['inner newline', 'tdpat_abc\ndef'],
    ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['Slack token', 'xoxb-1234-5678-abcdef'],
    ['prefix alone', 'tdpat_'],
    ['control character', 'tdpat_abc\u0007def'],
    ['right-to-left mark', 'tdpat_abc\u200fdef'],
    ['emoji', 'tdpat_abc🔑def'],
    ['one megabyte', `tdpat_${'a'.repeat(1_000_000)}`],
    ['uppercase prefix', 'TDPAT_abcdef'],
  ])('refuses %s, naming tdpat_', (_label, input) => {
    const result = checkPersonalAccessToken(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('tdpat_');
  });

  it('never accepts a value that does not start with tdpat_ once trimmed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (input) => {
        const result = checkPersonalAccessToken(input);
        if (result.ok) {
          expect(result.token.startsWith('tdpat_')).toBe(true);
          expect(result.token).not.toMatch(/\s/);
        } else {
          expect(result.message).toContain('tdpat_');
        }
      }),
    );
  });
});

describe('maskToken', () => {
  it('shows only the prefix and the last four characters', () => {
    expect(maskToken(VALID)).toBe('tdpat_…wxyz');
    expect(maskToken('opaque-session-value-1234')).toBe('…1234');
  });
});
