/** The hosts TelemetryDeck's API has answered on; both always carry a host permission. */
export const CURRENT_API_ORIGIN = 'https://api.telemetrydeckapi.com';
export const LEGACY_API_ORIGIN = 'https://api.telemetrydeck.com';
export const OFFICIAL_API_ORIGINS = [CURRENT_API_ORIGIN, LEGACY_API_ORIGIN] as const;
export const DASHBOARD_ORIGIN = 'https://dashboard.telemetrydeck.com';
export const PERSONAL_ACCESS_TOKENS_URL = `${DASHBOARD_ORIGIN}/`;
