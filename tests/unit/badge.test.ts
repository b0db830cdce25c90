import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../lib/time/units';
import { badgeForState, nextBadgeChangeAt } from '../../lib/toolbar/badge';
import { NOW, signedInState } from './state-fixtures';

const at = (remaining: number) => badgeForState(signedInState({ expiresAt: NOW + remaining }), NOW);

describe('badgeForState, row by row of the UI contract', () => {
  it('is empty when signed out', () => {
    expect(badgeForState(null, NOW)).toMatchObject({ text: '', tone: 'none' });
    expect(badgeForState(null, NOW).title).toMatch(/not signed in/);
  });

  it('is empty when the expiry is unknown', () => {
    expect(badgeForState(signedInState({ expiresAt: null }), NOW)).toMatchObject({ text: '', tone: 'none' });
    expect(badgeForState(signedInState({ expiresAt: null }), NOW).title).toMatch(/No expiry date recorded/i);
  });

  it('counts whole days, rounded down, green beyond the first reminder lead time', () => {
    expect(at(29 * DAY_MS + 23 * HOUR_MS)).toMatchObject({ text: '29d', tone: 'green' });
    expect(at(8 * DAY_MS)).toMatchObject({ text: '8d', tone: 'green' });
    expect(at(7 * DAY_MS + 1)).toMatchObject({ text: '7d', tone: 'green' });
  });

  it('turns amber from 7 days left', () => {
    expect(at(7 * DAY_MS)).toMatchObject({ text: '7d', tone: 'amber' });
    expect(at(2 * DAY_MS)).toMatchObject({ text: '2d', tone: 'amber' });
  });

  it('reads 1d, amber, at exactly one day', () => {
    expect(at(DAY_MS)).toMatchObject({ text: '1d', tone: 'amber' });
  });

  it('counts hours in red under one day', () => {
    expect(at(DAY_MS - 1)).toMatchObject({ text: '23h', tone: 'red' });
    expect(at(HOUR_MS)).toMatchObject({ text: '1h', tone: 'red' });
  });

  it('counts minutes in red under one hour', () => {
    expect(at(HOUR_MS - 1)).toMatchObject({ text: '59m', tone: 'red' });
    expect(at(5 * MINUTE_MS)).toMatchObject({ text: '5m', tone: 'red' });
    expect(at(30_000)).toMatchObject({ text: '1m', tone: 'red' });
  });

  it('reads EXP at and after expiry', () => {
    expect(at(0)).toMatchObject({ text: 'EXP', tone: 'red' });
    expect(at(-DAY_MS)).toMatchObject({ text: 'EXP', tone: 'red' });
  });

  it('reads ! when the API rejected the token, whatever the expiry', () => {
    const badge = badgeForState(signedInState({ expiresAt: NOW + 20 * DAY_MS, status: 'rejected' }), NOW);
    expect(badge).toMatchObject({ text: '!', tone: 'red' });
    expect(badge.title).toMatch(/rejected/);
  });

  it('says the same in the tooltip, so colour is never the only signal', () => {
    expect(at(5 * DAY_MS).title).toMatch(/Expires in 5 days/);
    expect(at(-2 * HOUR_MS).title).toMatch(/Expired 2 hours ago/);
  });
});

describe('nextBadgeChangeAt', () => {
  const state = (remaining: number) => signedInState({ expiresAt: NOW + remaining });

  it('is null when nothing will change without a change of state', () => {
    expect(nextBadgeChangeAt(null, NOW)).toBeNull();
    expect(nextBadgeChangeAt(signedInState({ expiresAt: null }), NOW)).toBeNull();
    expect(nextBadgeChangeAt(state(-1), NOW)).toBeNull();
    expect(nextBadgeChangeAt(signedInState({ expiresAt: NOW + DAY_MS, status: 'rejected' }), NOW)).toBeNull();
  });

  it('wakes for the amber threshold, not only for the day count', () => {
    expect(nextBadgeChangeAt(state(7 * DAY_MS + 5 * HOUR_MS), NOW)).toBe(NOW + 5 * HOUR_MS);
  });

  it('is the first moment the badge differs, and the badge stays the same until then', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * DAY_MS }), (remaining) => {
        const s = state(remaining);
        const next = nextBadgeChangeAt(s, NOW);
        expect(next).not.toBeNull();
        expect(next!).toBeGreaterThan(NOW);
        const before = badgeForState(s, NOW);
        const justBefore = badgeForState(s, next! - 1);
        const after = badgeForState(s, next!);
        expect({ text: justBefore.text, tone: justBefore.tone }).toEqual({ text: before.text, tone: before.tone });
        // Under two minutes the text stays "1m" until expiry, which is the next real change.
        if (remaining >= 2 * MINUTE_MS || next === NOW + remaining) {
          expect({ text: after.text, tone: after.tone }).not.toEqual({ text: before.text, tone: before.tone });
        }
      }),
    );
  });
});
