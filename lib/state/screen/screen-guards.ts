import type { ReadOutcome } from '../snapshot';
import { type AppsState, CURRENT_SCHEMA_VERSION, type Notice, type Reminders, type Settings, type TokenState } from '../types';

/**
 * Light hand-written checks for what the screens read from storage. The background worker is the only
 * writer and checks everything with the strict zod schemas of `lib/state/worker/schemas.ts`, repairing storage
 * each time it starts; these only keep a screen from rendering something of another shape: the containers a
 * screen walks through and the fields it branches on. zod itself would be the largest part of the popup's
 * bundle. A version-0 value (no `schemaVersion`), which the worker migrates when it
 * starts, reads as version 1.
 */
type Guard = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Guard = (value) => typeof value === 'string';
const isNumber: Guard = (value) => typeof value === 'number' && Number.isFinite(value);
const optional =
  (guard: Guard): Guard =>
  (value) =>
    value === undefined || guard(value);
const nullable =
  (guard: Guard): Guard =>
  (value) =>
    value === null || guard(value);
const oneOf =
  (...allowed: unknown[]): Guard =>
  (value) =>
    allowed.includes(value);
const arrayOf =
  (guard: Guard): Guard =>
  (value) =>
    Array.isArray(value) && value.every(guard);
const valuesOf =
  (guard: Guard): Guard =>
  (value) =>
    isRecord(value) && Object.values(value).every(guard);
const shape =
  (fields: Record<string, Guard>): Guard =>
  (value) =>
    isRecord(value) && Object.keys(fields).every((key) => fields[key]!(value[key]));
/** Any version the worker reads: older ones differ only in fields no screen reads, and the worker migrates them. */
const knownVersion: Guard = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= CURRENT_SCHEMA_VERSION;
/** Any known version, or the unversioned shape that preceded version 1. */
const knownOrNoVersion = optional(knownVersion);

const isStoredError = shape({ kind: isString, message: isString });

const isTokenState = shape({
  schemaVersion: knownOrNoVersion,
  token: shape({ kind: oneOf('pat', 'session'), masked: isString, addedAt: isNumber, expiresAt: nullable(isNumber) }),
  account: nullable(shape({ email: isString, fetchedAt: isNumber })),
  check: shape({ status: oneOf('unknown', 'valid', 'rejected'), error: nullable(isStoredError) }),
});

/** Settings may lack the fields added after version 0; `defaults` fills them in, as the zod schema does. */
const isSettings = shape({
  schemaVersion: knownOrNoVersion,
  apiOrigin: isString,
  reminders: optional(shape({ leadTimesMs: arrayOf(isNumber) })),
  apps: optional(shape({ selectedAppIds: nullable(arrayOf(isString)) })),
  clipboardClearAfterMs: optional(nullable(isNumber)),
});

const isReminders = shape({ schemaVersion: knownVersion, tracked: arrayOf(isRecord), revocations: arrayOf(isRecord), log: isRecord });

const isNotice = shape({ message: isString, at: isNumber });

const isAppsState = shape({
  schemaVersion: knownVersion,
  tokenAddedAt: isNumber,
  error: nullable(isStoredError),
  organizations: arrayOf(
    shape({
      name: isString,
      apps: arrayOf(isRecord),
      stats: nullable(shape({ byApp: valuesOf(shape({ daily: arrayOf(isNumber) })) })),
      error: nullable(isStoredError),
    }),
  ),
});

function checked<T>(guard: Guard, raw: unknown): ReadOutcome<T> {
  if (raw === undefined || raw === null) return { status: 'absent' };
  return guard(raw) ? { status: 'valid', value: raw as T } : { status: 'invalid' };
}

export const checkTokenState = (raw: unknown) => checked<TokenState>(isTokenState, raw);
export const checkReminders = (raw: unknown) => checked<Reminders>(isReminders, raw);
export const checkNotice = (raw: unknown) => checked<Notice>(isNotice, raw);
export const checkAppsState = (raw: unknown) => checked<AppsState>(isAppsState, raw);

export function checkSettings(raw: unknown, defaults: Settings): ReadOutcome<Settings> {
  const outcome = checked<Partial<Settings>>(isSettings, raw);
  return outcome.status === 'valid'
    ? { status: 'valid', value: { ...defaults, ...outcome.value, schemaVersion: CURRENT_SCHEMA_VERSION } }
    : outcome;
}
