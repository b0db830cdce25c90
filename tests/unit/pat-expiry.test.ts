import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dateInputFromExpiry, expiryFromDateInput } from '../../lib/time/screen/date-input';
import { DAY_MS } from '../../lib/time/units';
import { checkPatExpiry, DASHBOARD_EXPIRY_WINDOWS_DAYS, latestPatExpiry } from '../../lib/token/pat-expiry';
import { chosenExpiry } from '../../lib/token/screen/expiry-window';

const ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata'];
const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

/** `YYYY-MM-DD` of the local day `years` and `days` after `now`'s. */
function dayAfter(now: number, years: number, days = 0): string {
  const date = new Date(now);
  const later = new Date(date.getFullYear() + years, date.getMonth(), date.getDate() + days, 12);
  return dateInputFromExpiry(later.getTime());
}

// Whole seconds: in the day's very last millisecond, "today" has already ended.
const moments = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((ms) => ms - (ms % 1000));

describe('the expiry date of a personal access token', () => {
  it.each(ZONES)('in %s: today through a calendar year from today are taken, later days and past days are refused', (zone) => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(moments, (now) => {
        const check = (input: string) => checkPatExpiry(expiryFromDateInput(input), now);
        expect(check(dayAfter(now, 0)).ok).toBe(true);
        expect(check(dayAfter(now, 1)).ok).toBe(true);
        expect(check(dayAfter(now, 0, 365)).ok).toBe(true);
        expect(check(dayAfter(now, 1, 2))).toMatchObject({ ok: false, message: expect.stringContaining('one year') });
        expect(check(dayAfter(now, 0, -1))).toMatchObject({ ok: false, message: expect.stringContaining('already passed') });
      }),
      { numRuns: 300 },
    );
  });

  it('takes a date a year ahead across 29 February, which is 366 days and more away', () => {
    process.env.TZ = 'Europe/Berlin';
    const now = new Date(2027, 5, 15, 10).getTime();
    expect(checkPatExpiry(expiryFromDateInput('2028-06-15'), now).ok).toBe(true);
    expect(checkPatExpiry(expiryFromDateInput('2028-06-17'), now).ok).toBe(false);
    expect(latestPatExpiry(now)).toBe(new Date(2028, 5, 16, 23, 59, 59, 999).getTime());
  });

  it('refuses what is not a calendar date', () => {
    for (const input of [
      '',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '26-12-01',
      '2026/12/01',
      '2026-12-1',
      'tomorrow',
      '2026-12-01T10:00',
    ])
      expect(expiryFromDateInput(input), input).toBeNull();
    expect(checkPatExpiry(Number.NaN, Date.now())).toMatchObject({ ok: false, message: expect.stringContaining('not a valid date') });
    fc.assert(
      fc.property(fc.string(), (input) => {
        expect(() => expiryFromDateInput(input)).not.toThrow();
      }),
    );
  });

  it('means the end of the chosen day, and reads back as that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const input = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const expiresAt = expiryFromDateInput(input)!;
          expect(new Date(expiresAt).getHours()).toBe(23);
          expect(dateInputFromExpiry(expiresAt)).toBe(input);
        },
      ),
    );
  });

  it('leaves the expiry out when none is given', () => {
    expect(checkPatExpiry(null, Date.now())).toEqual({ ok: true, expiresAt: null });
    expect(checkPatExpiry(undefined, Date.now())).toEqual({ ok: true, expiresAt: null });
  });
});

describe('an expiry window chosen at sign-in ("30 days from now")', () => {
  it.each(ZONES)('in %s: for a token created 10 days ago, the stored expiry is never later than the real one', (zone) => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(
        moments,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...DASHBOARD_EXPIRY_WINDOWS_DAYS),
        (now, within, days) => {
          // Made at some moment of the day ten days back, local time; the dashboard counts from that moment.
          const dayStart = new Date(new Date(now).getFullYear(), new Date(now).getMonth(), new Date(now).getDate() - 10).getTime();
          const nextDayStart = new Date(
            new Date(dayStart).getFullYear(),
            new Date(dayStart).getMonth(),
            new Date(dayStart).getDate() + 1,
          ).getTime();
          const createdAt = Math.floor(dayStart + within * (nextDayStart - dayStart - 1));
          const realExpiry = createdAt + days * DAY_MS;
          const chosen = chosenExpiry(String(days) as `${number}`, { date: '', createdOn: dateInputFromExpiry(createdAt) }, now);
          if (realExpiry <= now) {
            // The 7-day window of a token made ten days ago is over: nothing to store.
            expect(chosen).toMatchObject({ ok: false, message: expect.stringContaining('already expired') });
            return;
          }
          expect(chosen.ok).toBe(true);
          if (!chosen.ok) return;
          expect(chosen.expiresAt).not.toBeNull();
          expect(chosen.expiresAt!).toBeLessThanOrEqual(realExpiry);
          // And not needlessly early: at most the one day the dashboard's moment of creation is unknown.
          expect(realExpiry - chosen.expiresAt!).toBeLessThan(DAY_MS + 2 * 3_600_000);
          expect(chosen.createdAt).toBe(dayStart);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts from today when the creation day is left as it is', () => {
    const now = new Date(2026, 10, 22, 15, 30).getTime();
    const today = new Date(2026, 10, 22).getTime();
    expect(chosenExpiry('30', { date: '', createdOn: dateInputFromExpiry(now) }, now)).toEqual({
      ok: true,
      expiresAt: today + 30 * DAY_MS,
      createdAt: today,
    });
  });

  it('refuses a creation day after today, more than a year ago, or missing', () => {
    const now = new Date(2026, 10, 22, 15, 30).getTime();
    expect(chosenExpiry('30', { date: '', createdOn: '2026-11-23' }, now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('after today'),
    });
    expect(chosenExpiry('365', { date: '', createdOn: '2025-11-20' }, now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('at most one year'),
    });
    expect(chosenExpiry('30', { date: '', createdOn: '' }, now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('was created'),
    });
  });
});
