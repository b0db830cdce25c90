/** The hosts TelemetryDeck's API has answered on; both always carry a host permission. */
export const CURRENT_API_ORIGIN = 'https://api.telemetrydeckapi.com';
export const LEGACY_API_ORIGIN = 'https://api.telemetrydeck.com';
export const OFFICIAL_API_ORIGINS = [CURRENT_API_ORIGIN, LEGACY_API_ORIGIN] as const;
export const DASHBOARD_ORIGIN = 'https://dashboard.telemetrydeck.com';
export const PERSONAL_ACCESS_TOKENS_URL = `${DASHBOARD_ORIGIN}/`;

/**
 * The host permission that covers one API origin in a browser's manifest or `permissions` calls. Chrome
 * matches a pattern's port, so there the pattern is exactly the origin. Firefox's match patterns cannot name
 * a port (Firefox bugs 1362809 and 1468162): one that does is accepted and even listed as granted, yet matches
 * no request, so the server's answers are held to CORS and fail. There the pattern covers the host on any port.
 */
export function hostPermissionFor(origin: string, browser: 'chrome' | 'firefox'): string {
  const url = new URL(origin);
  return browser === 'firefox' ? `${url.protocol}//${url.hostname}/*` : `${url.origin}/*`;
}
