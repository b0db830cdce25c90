import { z } from 'zod/mini';
import { integer, recordOf } from './lean-schemas';
import { DEFAULT_APPS_PREFERENCES, DEFAULT_LEAD_TIMES_MS, DEFAULT_REVALIDATE_EVERY_MS, DEFAULT_REVOCATION_REPEAT_MS } from '../defaults';
import { STORAGE_KEYS } from '../keys';

export { STORAGE_KEYS } from '../keys';
export {
  DEFAULT_APPS_PREFERENCES,
  EMPTY_REMINDERS,
  DEFAULT_REVALIDATE_EVERY_MS,
  DEFAULT_REVOCATION_REPEAT_MS,
  defaultApiOrigin,
  defaultSettings,
} from '../defaults';

/**
 * What the extension keeps, as strict schemas: our own data must be exactly what we wrote.
 * Every stored value carries `schemaVersion`; older versions are migrated, garbage is discarded.
 *
 * The secret lives alone under `credential`, read only by the background worker. Screens read
 * `tokenState` (masked token, account, last check) and `settings`, which hold nothing secret.
 */
export const CURRENT_SCHEMA_VERSION = 1;

const epochMs = integer().check(z.nonnegative());

export const credentialSchema = z.strictObject({
  schemaVersion: z.literal(1),
  token: z.string().check(z.minLength(1)),
});
export type StoredCredential = z.infer<typeof credentialSchema>;

export const tokenKindSchema = z.enum(['pat', 'session']);
export type TokenKind = z.infer<typeof tokenKindSchema>;

export const errorKindSchema = z.enum([
  'unauthorized',
  'invalid-credentials',
  'forbidden',
  'rate-limited',
  'unavailable',
  'timeout',
  'offline',
  'unexpected-response',
  'not-signed-in',
  'invalid-input',
]);

export const tokenInfoSchema = z.strictObject({
  kind: tokenKindSchema,
  /** `tdpat_…abcd`: all a screen ever sees of the secret. */
  masked: z.string().check(z.minLength(1)),
  name: z.optional(z.string().check(z.maxLength(200))),
  addedAt: epochMs,
  /** Given by the server for a signed-in session. */
  createdAt: z.optional(epochMs),
  /** null: nobody told us (the API never reveals a personal access token's expiry). */
  expiresAt: z.nullable(epochMs),
  serverTokenId: z.optional(z.string()),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const accountSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  email: z.string().check(z.minLength(1)),
  emailIsVerified: z.optional(z.boolean()),
  organizationName: z.optional(z.string()),
  fetchedAt: epochMs,
});
export type Account = z.infer<typeof accountSchema>;

export const storedErrorSchema = z.strictObject({
  kind: errorKindSchema,
  message: z.string(),
  at: epochMs,
});

export const checkSchema = z.strictObject({
  /** `rejected`: `users/info` answered 401, so the token no longer works. */
  status: z.enum(['unknown', 'valid', 'rejected']),
  lastSuccessAt: z.optional(epochMs),
  lastAttemptAt: z.optional(epochMs),
  /** The last refresh's failure; null after a success. */
  error: z.nullable(storedErrorSchema),
  /** The server's `Retry-After`, and back-off after repeated failures, for automatic checks. */
  retryNotBefore: z.optional(epochMs),
  consecutiveFailures: z.optional(integer().check(z.nonnegative())),
});
export type Check = z.infer<typeof checkSchema>;

export const tokenStateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  token: tokenInfoSchema,
  account: z.nullable(accountSchema),
  check: checkSchema,
});
export type TokenState = z.infer<typeof tokenStateSchema>;

export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** Before expiry; 0 is "at expiry". */
  leadTimesMs: z.array(integer().check(z.nonnegative())).check(z.maxLength(20)),
  revocationRepeatMs: integer().check(z.positive()),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** Which apps the popup shows, and whether test-mode data counts. */
export const appsPreferencesSchema = z.strictObject({
  /** null: every app, up to eight, most events first; otherwise exactly these app ids. */
  selectedAppIds: z.nullable(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500))),
  excludeTestMode: z.boolean(),
});
export type AppsPreferences = z.infer<typeof appsPreferencesSchema>;

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  // Any URL, as z.url() would accept, without the 0.4 kB gzipped that z.url() adds to the background.
  apiOrigin: z.string().check(z.refine((value) => URL.canParse(value))),
  /** Off: the token lives in `storage.session` and is gone when the browser closes. */
  keepSignedIn: z._default(z.boolean(), true),
  reminders: z._default(reminderSettingsSchema, {
    enabled: true,
    leadTimesMs: DEFAULT_LEAD_TIMES_MS,
    revocationRepeatMs: DEFAULT_REVOCATION_REPEAT_MS,
  }),
  /** How often the worker checks that TelemetryDeck still accepts the token. */
  revalidateEveryMs: z._default(integer().check(z.gte(15 * 60_000)), DEFAULT_REVALIDATE_EVERY_MS),
  apps: z._default(appsPreferencesSchema, DEFAULT_APPS_PREFERENCES),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A personal access token used elsewhere (a CI script, an assistant): only its name and expiry, never the secret. */
export const trackedTokenSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  expiresAt: epochMs,
  addedAt: epochMs,
});
export type TrackedToken = z.infer<typeof trackedTokenSchema>;

/** A removed personal access token that may still work until it is revoked in the dashboard. */
export const revocationReminderSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  last4: z.string().check(z.maxLength(4)),
  removedAt: epochMs,
  confirmed: z.boolean(),
  lastNotifiedAt: z.nullable(epochMs),
  snoozedUntil: z.optional(z.nullable(epochMs)),
});
export type RevocationReminderRecord = z.infer<typeof revocationReminderSchema>;

export const reminderLogSchema = z.strictObject({
  sent: recordOf(epochMs),
  snoozed: recordOf(epochMs),
});

export const remindersSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tracked: z.array(trackedTokenSchema).check(z.maxLength(200)),
  revocations: z.array(revocationReminderSchema).check(z.maxLength(200)),
  log: reminderLogSchema,
});
export type Reminders = z.infer<typeof remindersSchema>;

export const noticeSchema = z.strictObject({ message: z.string(), at: epochMs });
export type Notice = z.infer<typeof noticeSchema>;

const count = z.number().check(z.nonnegative());

export const appStatsSchema = z.strictObject({
  events24h: count,
  /** Users are an estimate, so a fraction is possible. */
  users24h: count,
  events30d: count,
  users30d: count,
  /** Events per day, oldest first, today last. */
  daily: z.array(count).check(z.maxLength(31)),
});
export type AppStats = z.infer<typeof appStatsSchema>;

export const organizationStatsSchema = z.strictObject({
  fetchedAt: epochMs,
  excludesTestMode: z.boolean(),
  byApp: recordOf(appStatsSchema),
});
export type OrganizationStats = z.infer<typeof organizationStatsSchema>;

export const storedOrganizationSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  /** The TQL data source; older organizations have none, and then no numbers. */
  namespace: z.optional(z.string().check(z.minLength(1))),
  /** `maxSignals`, or `resolvedMaxSignals` in older payloads. */
  maxSignals: z.optional(count),
  /** A fraction: 0.109 is 10.9 %. */
  usagePercentage: z.optional(count),
  apps: z.array(z.strictObject({ id: z.string().check(z.minLength(1)), name: z.string() })).check(z.maxLength(500)),
  /** The last numbers fetched; kept when a later query fails. */
  stats: z.nullable(organizationStatsSchema),
  /** The last query's failure for this organization; null after a success. */
  error: z.nullable(storedErrorSchema),
});
export type StoredOrganization = z.infer<typeof storedOrganizationSchema>;

export const appsStateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** The sign-in these numbers belong to (`token.addedAt`): another sign-in never shows them. */
  tokenAddedAt: epochMs,
  /** The preferences of the last refresh, so that a change of them refreshes at once. */
  preferencesKey: z.string().check(z.maxLength(60_000)),
  /** Last time the organization list arrived. */
  fetchedAt: z.optional(epochMs),
  lastAttemptAt: z.optional(epochMs),
  /** The organization list's last failure; null after a success. */
  error: z.nullable(storedErrorSchema),
  retryNotBefore: z.optional(epochMs),
  consecutiveFailures: z.optional(integer().check(z.nonnegative())),
  organizations: z.array(storedOrganizationSchema).check(z.maxLength(100)),
});
export type AppsState = z.infer<typeof appsStateSchema>;

type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Numbered migrations per stored key: `migrations[n]` turns version n into n + 1.
 * Version 0 is the unversioned shape some pre-release builds wrote (no `schemaVersion`).
 */
const MIGRATIONS: Record<keyof typeof STORAGE_KEYS, Record<number, Migration>> = {
  credential: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  tokenState: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  settings: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  reminders: {},
  notice: {},
  apps: {},
};

export type ParseOutcome<T> =
  | { status: 'absent' }
  | { status: 'valid'; value: T; migrated: boolean }
  | { status: 'invalid' };

/** Migrates, then validates strictly. Anything that does not fit is reported as invalid, never thrown. */
export function parseStored<T>(
  key: keyof typeof STORAGE_KEYS,
  schema: z.ZodMiniType<T>,
  raw: unknown,
): ParseOutcome<T> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { status: 'invalid' };
  let value = raw as Record<string, unknown>;
  let version = typeof value.schemaVersion === 'number' ? value.schemaVersion : 0;
  const migrations = MIGRATIONS[key];
  const startVersion = version;
  while (version < CURRENT_SCHEMA_VERSION && migrations[version]) {
    value = migrations[version]!(value);
    version += 1;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { status: 'valid', value: parsed.data, migrated: version !== startVersion } : { status: 'invalid' };
}

/** True when a change of the stored token state is TelemetryDeck starting to reject the token. */
export function becameRejected(oldValue: unknown, newValue: unknown): boolean {
  const before = parseStored('tokenState', tokenStateSchema, oldValue);
  const after = parseStored('tokenState', tokenStateSchema, newValue);
  if (after.status !== 'valid' || after.value.check.status !== 'rejected') return false;
  return before.status !== 'valid' || before.value.check.status !== 'rejected' || before.value.token.addedAt !== after.value.token.addedAt;
}
