import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from '../../lib/apps/screen/number-format';

// Intl puts a narrow no-break space before "%" in German; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting', () => {
  it('writes counts in English: whole below ten thousand, compact above', () => {
    expect(formatCount(0, 'en')).toBe('0');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(9999, 'en')).toBe('9,999');
    expect(formatCount(12_345, 'en')).toBe('12.3K');
    expect(formatCount(1_234_567, 'en')).toBe('1.2M');
  });

  it('writes counts in German', () => {
    expect(formatCount(1234, 'de')).toBe('1.234');
    // German has no short word for thousands, so compact notation keeps the digits.
    expect(formatCount(12_345, 'de')).toBe('12.345');
    expect(plain(formatCount(1_234_567, 'de'))).toBe('1,2 Mio.');
  });

  it('rounds the users estimate to a whole person', () => {
    expect(formatCount(55.6, 'en')).toBe('56');
    expect(formatCount(1234.4, 'de')).toBe('1.234');
    expect(formatCount(0.4, 'en')).toBe('0');
  });

  it('writes a fraction as a percentage with at most one decimal', () => {
    expect(formatPercent(0.109, 'en')).toBe('10.9%');
    expect(plain(formatPercent(0.109, 'de'))).toBe('10,9 %');
    expect(formatPercent(1.5, 'en')).toBe('150%');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatCount(Number.NaN, 'en')).toBe('0');
    expect(formatCount(Number.POSITIVE_INFINITY, 'en')).toBe('0');
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
  });
});
