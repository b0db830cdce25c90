import { CURRENT_API_ORIGIN } from '../api/origins';
import { DAY_MS, HOUR_MS, SECOND_MS } from '../time/units';
import { type AppsPreferences, CURRENT_SCHEMA_VERSION, type Reminders, type Settings } from './types';

/** The defaults of stored values, free of schemas, so that the screens can fill them in without zod. */
export const DEFAULT_LEAD_TIMES_MS = [30 * DAY_MS, 7 * DAY_MS, DAY_MS, 0];
export const DEFAULT_REVOCATION_REPEAT_MS = DAY_MS;
export const DEFAULT_REVALIDATE_EVERY_MS = 6 * HOUR_MS;
/** How long a copied token stays in the clipboard unless the user chose (one of lib/clipboard/clear-delay.ts's). */
export const DEFAULT_CLEAR_DELAY_MS = 30 * SECOND_MS;
export const DEFAULT_APPS_PREFERENCES: AppsPreferences = { selectedAppIds: null, excludeTestMode: true };

/** The build-time `WXT_API_BASE_URL`, else TelemetryDeck's current host. */
function defaultApiOrigin(buildOrigin: string): string {
  return buildOrigin || CURRENT_API_ORIGIN;
}

/** Settings with every default; each call returns new objects, so a caller may change them. */
export function defaultSettings(buildOrigin: string): Settings {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    apiOrigin: defaultApiOrigin(buildOrigin),
    keepSignedIn: true,
    reminders: { enabled: true, leadTimesMs: [...DEFAULT_LEAD_TIMES_MS], revocationRepeatMs: DEFAULT_REVOCATION_REPEAT_MS },
    revalidateEveryMs: DEFAULT_REVALIDATE_EVERY_MS,
    apps: { ...DEFAULT_APPS_PREFERENCES },
    clipboardClearAfterMs: DEFAULT_CLEAR_DELAY_MS,
  };
}

export const EMPTY_REMINDERS: Reminders = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  tracked: [],
  revocations: [],
  log: { sent: {}, snoozed: {} },
};
