import type { TqlRow } from '../../api/worker/response-schemas';
import type { AppStats } from '../../state/types';
import { DAY_MS } from '../../time/units';
import { type AppsQueryWindow, DAYS } from './query';

/** A metric as TQL writes it: a number, a numeric string, `"Infinity"` or null. Anything unusable counts as 0. */
export function metricValue(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number > 0 ? number : 0;
}

/** Midnight UTC of the sparkline's first day: 29 days before today's. */
export function firstDayStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - (DAYS - 1) * DAY_MS;
}

/** Which of our apps a row speaks of; a row without `appID` belongs to the only app asked about, if there was one. */
function appOf(row: TqlRow, byUpperCaseId: Map<string, string>, onlyApp: string | undefined): string | undefined {
  const id = row.values.appID;
  if (typeof id === 'string') return byUpperCaseId.get(id.trim().toUpperCase());
  return onlyApp;
}

/**
 * The rows of an organization's three queries as numbers per app. Apps without a row had no events
 * (a groupBy answer leaves out empty groups), so every app asked about gets zeros rather than nothing.
 */
export function statsFromResults(
  results: Record<AppsQueryWindow, readonly TqlRow[]>,
  appIds: readonly string[],
  now: number,
): Record<string, AppStats> {
  const byUpperCaseId = new Map(appIds.map((id) => [id.toUpperCase(), id]));
  const onlyApp = appIds.length === 1 ? appIds[0] : undefined;
  const stats: Record<string, AppStats> = {};
  for (const id of appIds) {
    stats[id] = { events24h: 0, users24h: 0, events30d: 0, users30d: 0, daily: Array.from({ length: DAYS }, () => 0) };
  }
  for (const row of results.last24Hours) {
    const app = stats[appOf(row, byUpperCaseId, onlyApp) ?? ''];
    if (!app) continue;
    app.events24h += metricValue(row.values.Events);
    app.users24h += metricValue(row.values.Users);
  }
  for (const row of results.last30Days) {
    const app = stats[appOf(row, byUpperCaseId, onlyApp) ?? ''];
    if (!app) continue;
    app.events30d += metricValue(row.values.Events);
    app.users30d += metricValue(row.values.Users);
  }
  const start = firstDayStart(now);
  for (const row of results.daily30Days) {
    const app = stats[appOf(row, byUpperCaseId, onlyApp) ?? ''];
    if (!app || row.timestamp === undefined) continue;
    // Rounded, so that a server counting days in another time zone (buckets at 22:00Z, say) still lands in place.
    const day = Math.round((row.timestamp - start) / DAY_MS);
    if (day >= 0 && day < DAYS) app.daily[day]! += metricValue(row.values.Events);
  }
  return stats;
}
