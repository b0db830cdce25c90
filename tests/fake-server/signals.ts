/**
 * Deterministic traffic for the fake's apps: the same app and hour always give the same numbers, so
 * tests can compute what a query must answer, and the demo shows lively but stable sparklines.
 */

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** FNV-1a: a small, stable 32-bit hash. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Events an app received in hour `hourIndex` (hours since the epoch), in test mode or not. */
export function eventsInHour(appId: string, hourIndex: number, testMode: boolean): number {
  const base = 4 + (hash(appId) % 90);
  const hourOfDay = hourIndex % 24;
  const daily = 1 + 0.6 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  // Epoch day 0 was a Thursday: days 2 and 3 of each week are the weekend.
  const dayOfWeek = Math.floor(hourIndex / 24) % 7;
  const weekly = dayOfWeek === 2 || dayOfWeek === 3 ? 0.55 : 1;
  const noise = 0.7 + (hash(`${appId}:${hourIndex}`) % 601) / 1000;
  const events = Math.round(base * daily * weekly * noise);
  return testMode ? Math.round(events * 0.08) : events;
}

/** An estimate of distinct users behind `events` events, as a float the way TQL's `userCount` gives one. */
export function usersFor(events: number): number {
  return events > 0 ? Math.round(events ** 0.8 * 0.9 * 100) / 100 : 0;
}
