import { z } from 'zod/mini';
import { ERROR_KINDS } from '../../api/error';
import {
  DEFAULT_APPS_PREFERENCES,
  DEFAULT_CLEAR_DELAY_MS,
  DEFAULT_LEAD_TIMES_MS,
  DEFAULT_REVALIDATE_EVERY_MS,
  DEFAULT_REVOCATION_REPEAT_MS,
} from '../defaults';
import { CURRENT_SCHEMA_VERSION } from '../types';
import { integer, recordOf } from './lean-schemas';

/**
 * What the extension keeps, as strict schemas: our own data must be exactly what we wrote. Each describes
 * one type of `../types.ts`, and `tsc` fails when the two part (tests/types/schemas-match-types.ts).
 */
const version = z.literal(CURRENT_SCHEMA_VERSION);
const epochMs = integer().check(z.nonnegative());

// Any URL, as z.url() would accept, without the code z.url() would add to the background.
const origin = z.string().check(z.refine((value) => URL.canParse(value)));

export const credentialSchema = z.strictObject({
  schemaVersion: version,
  token: z.string().check(z.minLength(1)),
  origin,
});

const storedErrorSchema = z.strictObject({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  at: epochMs,
});

export const tokenStateSchema = z.strictObject({
  schemaVersion: version,
  token: z.strictObject({
    kind: z.enum(['pat', 'session']),
    masked: z.string().check(z.minLength(1)),
    name: z.optional(z.string().check(z.maxLength(200))),
    addedAt: epochMs,
    createdAt: z.optional(epochMs),
    expiresAt: z.nullable(epochMs),
  }),
  account: z.nullable(
    z.strictObject({
      id: z.string().check(z.minLength(1)),
      firstName: z.optional(z.string()),
      lastName: z.optional(z.string()),
      email: z.string().check(z.minLength(1)),
      emailIsVerified: z.optional(z.boolean()),
      organizationName: z.optional(z.string()),
      fetchedAt: epochMs,
    }),
  ),
  check: z.strictObject({
    status: z.enum(['unknown', 'valid', 'rejected']),
    lastSuccessAt: z.optional(epochMs),
    lastAttemptAt: z.optional(epochMs),
    error: z.nullable(storedErrorSchema),
    retryNotBefore: z.optional(epochMs),
    consecutiveFailures: z.optional(integer().check(z.nonnegative())),
  }),
});

const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  leadTimesMs: z.array(integer().check(z.nonnegative())).check(z.maxLength(20)),
  revocationRepeatMs: integer().check(z.positive()),
});

const appsPreferencesSchema = z.strictObject({
  selectedAppIds: z.nullable(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500))),
  excludeTestMode: z.boolean(),
});

export const settingsSchema = z.strictObject({
  schemaVersion: version,
  apiOrigin: origin,
  keepSignedIn: z._default(z.boolean(), true),
  reminders: z._default(reminderSettingsSchema, {
    enabled: true,
    leadTimesMs: DEFAULT_LEAD_TIMES_MS,
    revocationRepeatMs: DEFAULT_REVOCATION_REPEAT_MS,
  }),
  revalidateEveryMs: z._default(integer().check(z.gte(15 * 60_000)), DEFAULT_REVALIDATE_EVERY_MS),
  apps: z._default(appsPreferencesSchema, DEFAULT_APPS_PREFERENCES),
  clipboardClearAfterMs: z._default(z.nullable(integer().check(z.positive())), DEFAULT_CLEAR_DELAY_MS),
});

export const remindersSchema = z.strictObject({
  schemaVersion: version,
  tracked: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        expiresAt: epochMs,
      }),
    )
    .check(z.maxLength(200)),
  revocations: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        name: z.string(),
        last4: z.string().check(z.maxLength(4)),
        removedAt: epochMs,
        confirmed: z.boolean(),
        lastNotifiedAt: z.nullable(epochMs),
        snoozedUntil: z.optional(z.nullable(epochMs)),
      }),
    )
    .check(z.maxLength(200)),
  log: z.strictObject({ sent: recordOf(epochMs), snoozed: recordOf(epochMs) }),
});

export const noticeSchema = z.strictObject({ message: z.string(), at: epochMs });

const count = z.number().check(z.nonnegative());

const appStatsSchema = z.strictObject({
  events24h: count,
  users24h: count,
  events30d: count,
  users30d: count,
  daily: z.array(count).check(z.maxLength(31)),
});

const storedOrganizationSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  namespace: z.optional(z.string().check(z.minLength(1))),
  maxSignals: z.optional(count),
  usagePercentage: z.optional(count),
  apps: z.array(z.strictObject({ id: z.string().check(z.minLength(1)), name: z.string() })).check(z.maxLength(500)),
  stats: z.nullable(z.strictObject({ fetchedAt: epochMs, excludesTestMode: z.boolean(), byApp: recordOf(appStatsSchema) })),
  error: z.nullable(storedErrorSchema),
});

export const appsStateSchema = z.strictObject({
  schemaVersion: version,
  tokenAddedAt: epochMs,
  preferencesKey: z.string().check(z.maxLength(60_000)),
  fetchedAt: z.optional(epochMs),
  lastAttemptAt: z.optional(epochMs),
  error: z.nullable(storedErrorSchema),
  retryNotBefore: z.optional(epochMs),
  consecutiveFailures: z.optional(integer().check(z.nonnegative())),
  organizations: z.array(storedOrganizationSchema).check(z.maxLength(100)),
});

export const diagnosticsSchema = z.strictObject({
  schemaVersion: version,
  failures: z
    .array(
      z.strictObject({
        at: epochMs,
        step: z.enum([
          'start-up',
          'badge',
          'reminders',
          'alarms',
          'revocation-watch',
          'refresh',
          'apps',
          'clipboard',
          'intent',
          'background',
        ]),
        kind: z.string().check(z.maxLength(100)),
        message: z.string().check(z.maxLength(1000)),
      }),
    )
    .check(z.maxLength(100)),
});
