import type { z } from 'zod/mini';
import type { STORAGE_KEYS } from '../keys';
import { CURRENT_SCHEMA_VERSION } from '../types';

type StoredKey = keyof typeof STORAGE_KEYS;

/** What a migration may need from other keys: the API server of the settings (or the default one). */
export interface MigrationContext {
  apiOrigin: string;
}
type Migration = (value: Record<string, unknown>, context: MigrationContext | undefined) => Record<string, unknown>;

const toVersion =
  (schemaVersion: number): Migration =>
  (value) => ({ ...value, schemaVersion });

/** Drops one field of an object nested in a stored value, where there is one. */
function without<T>(value: T, field: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { [field]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest as T;
}

/**
 * Numbered migrations per stored key: `MIGRATIONS[key][n]` turns version n into n + 1. Version 0 is the
 * unversioned shape some pre-release builds wrote (no `schemaVersion`). Version 2 stopped storing what
 * nothing read: a session's server-side id, and when a tracked token was added. Version 3 binds the token to
 * the server that accepted it: until then that was always the server of the settings.
 */
const MIGRATIONS: Record<StoredKey, Record<number, Migration>> = {
  credential: {
    0: toVersion(1),
    1: toVersion(2),
    // Without a context there is no origin to give, and the schema refuses the credential.
    2: (value, context) => ({ ...value, schemaVersion: 3, ...(context ? { origin: context.apiOrigin } : {}) }),
  },
  tokenState: {
    0: toVersion(1),
    1: (value) => ({ ...value, schemaVersion: 2, token: without(value.token, 'serverTokenId') }),
    2: toVersion(3),
  },
  settings: { 0: toVersion(1), 1: toVersion(2), 2: toVersion(3) },
  reminders: {
    1: (value) => ({
      ...value,
      schemaVersion: 2,
      tracked: Array.isArray(value.tracked) ? value.tracked.map((tracked) => without(tracked, 'addedAt')) : value.tracked,
    }),
    2: toVersion(3),
  },
  notice: {},
  apps: { 1: toVersion(2), 2: toVersion(3) },
  diagnostics: {},
};

export type ParseOutcome<T> = { status: 'absent' } | { status: 'valid'; value: T; migrated: boolean } | { status: 'invalid' };

/** Migrates, then validates strictly. Anything that does not fit is reported as invalid, never thrown. */
export function parseStored<T>(key: StoredKey, schema: z.ZodMiniType<T>, raw: unknown, context?: MigrationContext): ParseOutcome<T> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { status: 'invalid' };
  let value = raw as Record<string, unknown>;
  let version = typeof value.schemaVersion === 'number' ? value.schemaVersion : 0;
  const migrations = MIGRATIONS[key];
  const startVersion = version;
  while (version < CURRENT_SCHEMA_VERSION && migrations[version]) {
    value = migrations[version]!(value, context);
    version += 1;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { status: 'valid', value: parsed.data, migrated: version !== startVersion } : { status: 'invalid' };
}
