import { formatLeadTime } from '../text/duration-wording';
import { t } from '../text/i18n';
import { DAY_MS, HOUR_MS } from '../time/units';

const MIN_LEAD_MS = HOUR_MS;
export const MAX_LEAD_MS = 365 * DAY_MS;
const MAX_LEAD_TIMES = 20;

export type LeadTimesValidation = { ok: true; value: number[] } | { ok: false; message: string };

/** Lead times in force: no duplicates, none after expiry, longest first. */
export function usableLeadTimes(leadTimesMs: readonly number[]): number[] {
  return [...new Set(leadTimesMs)].filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => b - a);
}

function leadTimeProblem(ms: number): string | null {
  if (!Number.isInteger(ms)) return t('leadNotWhole');
  if (ms < 0) return t('leadAfterExpiry');
  if (ms === 0) return null;
  if (ms < MIN_LEAD_MS) return t('leadTooClose', formatLeadTime(ms));
  if (ms > MAX_LEAD_MS) return t('leadTooEarly', formatLeadTime(ms));
  return null;
}

/** Each lead time is 0 (at expiry) or between 1 hour and 365 days; the result is deduplicated, longest first. */
export function validateLeadTimes(leadTimesMs: readonly number[]): LeadTimesValidation {
  for (const ms of leadTimesMs) {
    const problem = leadTimeProblem(ms);
    if (problem) return { ok: false, message: problem };
  }
  const value = usableLeadTimes(leadTimesMs);
  if (value.length > MAX_LEAD_TIMES) return { ok: false, message: t('leadTooMany', MAX_LEAD_TIMES) };
  return { ok: true, value };
}
