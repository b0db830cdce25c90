import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/units';
import { type MessageKey, plural, t } from './i18n';

/** "15 seconds", "2 minutes": how long a request was given. */
export function describeWait(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return plural(ms / 60_000, 'durationMinuteOne', 'durationMinuteOther');
  return plural(Math.max(1, Math.round(ms / 1000)), 'durationSecondOne', 'durationSecondOther');
}

const LEAD_TIME_UNITS: [ms: number, one: MessageKey, other: MessageKey][] = [
  [DAY_MS, 'durationDayOne', 'durationDayOther'],
  [HOUR_MS, 'durationHourOne', 'durationHourOther'],
  [MINUTE_MS, 'durationMinuteOne', 'durationMinuteOther'],
];

/** A reminder's lead time in the largest whole unit: "30 days", "12 hours", "90 minutes", "at expiry". */
export function formatLeadTime(ms: number): string {
  if (ms === 0) return t('leadAtExpiry');
  const [unitMs, one, other] = LEAD_TIME_UNITS.find(([unitMs]) => ms % unitMs === 0) ?? LEAD_TIME_UNITS[2]!;
  return plural(Number((ms / unitMs).toFixed(2)), one, other);
}
