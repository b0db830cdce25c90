/** How long a request to TelemetryDeck may take before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 15_000;
/**
 * TQL queries run synchronously on the server and may take minutes, but Chrome stops an extension's service
 * worker when a `fetch()` answer takes more than 30 seconds to arrive: a query gives up well before that.
 */
export const TQL_TIMEOUT_MS = 25_000;
