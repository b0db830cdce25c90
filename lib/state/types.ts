import type { ApiErrorKind } from '../api/error';

/**
 * What the extension keeps in storage, as types the screens may import: no schema, no zod. The worker's
 * strict zod schemas (`worker/schemas.ts`) must describe exactly these types; `tsc` checks that they do.
 *
 * Every stored value carries `schemaVersion`, the version of the whole store. The secret lives alone under
 * `credential`, read only by the background worker; the screens read the other keys, none of them secret.
 */
export const CURRENT_SCHEMA_VERSION = 3;
type Version = typeof CURRENT_SCHEMA_VERSION;

export interface StoredCredential {
  schemaVersion: Version;
  token: string;
  /** The API origin that accepted the token: the only one it is ever sent to. */
  origin: string;
}

export type TokenKind = 'pat' | 'session';

export interface TokenInfo {
  kind: TokenKind;
  /** `tdpat_…abcd`: all a screen ever sees of the secret. */
  masked: string;
  name?: string;
  addedAt: number;
  /**
   * When the token was made: the server says so for a signed-in session; for a personal access token, the
   * start of the day the user said they created it, which its expiry window counts from.
   */
  createdAt?: number;
  /** null: nobody told us (the API never reveals a personal access token's expiry). */
  expiresAt: number | null;
}

export interface Account {
  id: string;
  firstName?: string;
  lastName?: string;
  email: string;
  emailIsVerified?: boolean;
  organizationName?: string;
  fetchedAt: number;
}

export interface StoredError {
  kind: ApiErrorKind;
  message: string;
  at: number;
}

export interface Check {
  /** `rejected`: `users/info` answered 401, so the token no longer works. */
  status: 'unknown' | 'valid' | 'rejected';
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** The last refresh's failure; null after a success. */
  error: StoredError | null;
  /** The server's `Retry-After`, and back-off after repeated failures, for automatic checks. */
  retryNotBefore?: number;
  consecutiveFailures?: number;
}

export interface TokenState {
  schemaVersion: Version;
  token: TokenInfo;
  account: Account | null;
  check: Check;
}

export interface ReminderSettings {
  enabled: boolean;
  /** How long before expiry to remind; 0 is "at expiry". */
  leadTimesMs: number[];
  revocationRepeatMs: number;
}

/** Which apps the popup shows, and whether test-mode data counts. */
export interface AppsPreferences {
  /** null: every app, up to eight, most events first; otherwise exactly these app ids. */
  selectedAppIds: string[] | null;
  excludeTestMode: boolean;
}

export interface Settings {
  schemaVersion: Version;
  apiOrigin: string;
  /** Off: the token lives in `storage.session` and is gone when the browser closes. */
  keepSignedIn: boolean;
  reminders: ReminderSettings;
  /** How often the worker checks that TelemetryDeck still accepts the token. */
  revalidateEveryMs: number;
  apps: AppsPreferences;
  /** How long a copied token may stay in the clipboard; null: never cleared. */
  clipboardClearAfterMs: number | null;
}

/** A personal access token used elsewhere (a CI script, an assistant): only its name and expiry, never the secret. */
export interface TrackedToken {
  id: string;
  name: string;
  expiresAt: number;
}

/** A removed personal access token that may still work until it is revoked in the dashboard. */
export interface RevocationReminder {
  id: string;
  name: string;
  last4: string;
  removedAt: number;
  confirmed: boolean;
  lastNotifiedAt: number | null;
  snoozedUntil?: number | null;
}

export interface ReminderLog {
  /** Expiry reminder id → when it was sent or deliberately skipped. */
  sent: Record<string, number>;
  /** Expiry reminder id → snoozed until. */
  snoozed: Record<string, number>;
}

export interface Reminders {
  schemaVersion: Version;
  tracked: TrackedToken[];
  revocations: RevocationReminder[];
  log: ReminderLog;
}

export interface Notice {
  message: string;
  at: number;
}

export interface AppStats {
  events24h: number;
  /** Users are an estimate, so a fraction is possible. */
  users24h: number;
  events30d: number;
  users30d: number;
  /** Events per day, oldest first, today last. */
  daily: number[];
}

export interface OrganizationStats {
  fetchedAt: number;
  excludesTestMode: boolean;
  byApp: Record<string, AppStats>;
}

export interface StoredOrganization {
  id: string;
  name: string;
  /** The TQL data source; older organizations have none, and then no numbers. */
  namespace?: string;
  /** `maxSignals`, or `resolvedMaxSignals` in older payloads. */
  maxSignals?: number;
  /** A fraction: 0.109 is 10.9 %. */
  usagePercentage?: number;
  apps: { id: string; name: string }[];
  /** The last numbers fetched; kept when a later query fails. */
  stats: OrganizationStats | null;
  /** The last query's failure for this organization; null after a success. */
  error: StoredError | null;
}

export interface AppsState {
  schemaVersion: Version;
  /** The sign-in these numbers belong to (`token.addedAt`): another sign-in never shows them. */
  tokenAddedAt: number;
  /** The preferences of the last refresh, so that a change of them refreshes at once. */
  preferencesKey: string;
  /** Last time the organization list arrived. */
  fetchedAt?: number;
  lastAttemptAt?: number;
  /** The organization list's last failure; null after a success. */
  error: StoredError | null;
  retryNotBefore?: number;
  consecutiveFailures?: number;
  organizations: StoredOrganization[];
}

/** Where in the worker a failure happened: a step of a wake-up, a background task, or an intent's work. */
export type FailureStep =
  | 'start-up'
  | 'badge'
  | 'reminders'
  | 'alarms'
  | 'revocation-watch'
  | 'refresh'
  | 'apps'
  | 'clipboard'
  | 'intent'
  | 'background';

/** One failure, for a bug report: never a secret (the worker redacts the token and password first). */
export interface FailureRecord {
  at: number;
  step: FailureStep;
  /** An error kind (`timeout`, `offline`…), or the name of what was thrown (`TypeError`). */
  kind: string;
  /** One line. */
  message: string;
}

/** The worker's last failures, oldest first; the options page shows them. */
export interface Diagnostics {
  schemaVersion: Version;
  failures: FailureRecord[];
}
