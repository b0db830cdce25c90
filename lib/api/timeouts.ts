/** How long a request to TelemetryDeck may take before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** TQL queries run synchronously on the server and may take up to two minutes. */
export const TQL_TIMEOUT_MS = 120_000;
