import { z } from 'zod';
import { CURRENT_API_ORIGIN } from './api-origins';

/**
 * What the extension keeps, as strict schemas: our own data must be exactly what we wrote.
 * Every stored value carries `schemaVersion`; older versions are migrated, garbage is discarded.
 *
 * The secret lives alone under `credential`, read only by the background worker. Screens read
 * `tokenState` (masked token, account, last check) and `settings`, which hold nothing secret.
 */
export const STORAGE_KEYS = {
  credential: 'credential',
  tokenState: 'tokenState',
  settings: 'settings',
  notice: 'notice',
} as const;

export const CURRENT_SCHEMA_VERSION = 1;

const epochMs = z.number().int().nonnegative();

export const credentialSchema = z.strictObject({
  schemaVersion: z.literal(1),
  token: z.string().min(1),
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
  masked: z.string().min(1),
  name: z.string().max(200).optional(),
  addedAt: epochMs,
  /** Given by the server for a signed-in session. */
  createdAt: epochMs.optional(),
  /** null: nobody told us (the API never reveals a personal access token's expiry). */
  expiresAt: epochMs.nullable(),
  serverTokenId: z.string().optional(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

export const accountSchema = z.strictObject({
  id: z.string().min(1),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().min(1),
  emailIsVerified: z.boolean().optional(),
  organizationName: z.string().optional(),
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
  lastSuccessAt: epochMs.optional(),
  lastAttemptAt: epochMs.optional(),
  /** The last refresh's failure; null after a success. */
  error: storedErrorSchema.nullable(),
  /** The server's `Retry-After`, and back-off after repeated failures, for automatic checks. */
  retryNotBefore: epochMs.optional(),
  consecutiveFailures: z.number().int().nonnegative().optional(),
});
export type Check = z.infer<typeof checkSchema>;

export const tokenStateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  token: tokenInfoSchema,
  account: accountSchema.nullable(),
  check: checkSchema,
});
export type TokenState = z.infer<typeof tokenStateSchema>;

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  apiOrigin: z.url(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const noticeSchema = z.strictObject({ message: z.string(), at: epochMs });
export type Notice = z.infer<typeof noticeSchema>;

/** The build-time `WXT_API_BASE_URL`, else TelemetryDeck's current host. */
export function defaultApiOrigin(buildOrigin: string): string {
  return buildOrigin || CURRENT_API_ORIGIN;
}

export function defaultSettings(buildOrigin: string): Settings {
  return { schemaVersion: 1, apiOrigin: defaultApiOrigin(buildOrigin) };
}

type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/**
 * Numbered migrations per stored key: `migrations[n]` turns version n into n + 1.
 * Version 0 is the unversioned shape some pre-release builds wrote (no `schemaVersion`).
 */
const MIGRATIONS: Record<keyof typeof STORAGE_KEYS, Record<number, Migration>> = {
  credential: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  tokenState: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  settings: { 0: (value) => ({ ...value, schemaVersion: 1 }) },
  notice: {},
};

export type ParseOutcome<T> =
  | { status: 'absent' }
  | { status: 'valid'; value: T; migrated: boolean }
  | { status: 'invalid' };

/** Migrates, then validates strictly. Anything that does not fit is reported as invalid, never thrown. */
export function parseStored<T>(
  key: keyof typeof STORAGE_KEYS,
  schema: z.ZodType<T>,
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

export const DISCARDED_NOTICE =
  'Some saved data could not be read and was reset. If you were signed in, sign in again.';
