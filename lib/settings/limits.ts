import { DAY_MS, HOUR_MS } from '../time/units';

/** How often a token still to revoke is brought up again: the options page offers whole days in this range. */
export const MIN_REVOCATION_REPEAT_MS = DAY_MS;
export const MAX_REVOCATION_REPEAT_MS = 30 * DAY_MS;

/** How often the revocation watch asks TelemetryDeck whether the token still works: whole hours. */
export const MIN_REVALIDATE_EVERY_MS = HOUR_MS;
export const MAX_REVALIDATE_EVERY_MS = 7 * DAY_MS;
