import { describe, expect, it } from 'vitest';
import { describeAge, describeExpiry } from '../../lib/text/expiry-wording';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../lib/time/units';
import { NOW } from './state-fixtures';

describe('describeExpiry', () => {
  it.each([
    [null, 'No expiry date recorded'],
    [NOW + 5 * DAY_MS + 3 * HOUR_MS, 'Expires in 5 days'],
    [NOW + DAY_MS, 'Expires in 1 day'],
    [NOW + 23 * HOUR_MS + 59 * MINUTE_MS, 'Expires in 23 hours'],
    [NOW + 42 * MINUTE_MS, 'Expires in 42 minutes'],
    [NOW + 20_000, 'Expires in less than a minute'],
    [NOW, 'Expired just now'],
    [NOW - 2 * HOUR_MS - 5 * MINUTE_MS, 'Expired 2 hours ago'],
    [NOW - 3 * DAY_MS, 'Expired 3 days ago'],
  ])('%s → %s', (expiresAt, words) => {
    expect(describeExpiry(expiresAt, NOW)).toBe(words);
  });
});

describe('describeAge', () => {
  it('reads naturally', () => {
    expect(describeAge(NOW - 10_000, NOW)).toBe('just now');
    expect(describeAge(NOW - 3 * MINUTE_MS, NOW)).toBe('3 minutes ago');
    expect(describeAge(NOW + 5000, NOW)).toBe('just now');
  });
});
