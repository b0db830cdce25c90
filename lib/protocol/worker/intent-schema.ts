import { z } from 'zod/mini';
import { integer } from '../../state/worker/lean-schemas';
import { COPY_FORMATS } from '../copy-formats';

/**
 * The worker's side of the protocol (../intents.ts): every message is checked against this schema before it is
 * routed. Worker only, so that the screens send intents without bundling zod. It accepts exactly the protocol's
 * intents: tests/types/schemas-match-types.ts has tsc check that each is assignable to the other.
 */
// A plain union of strict objects: each accepts one `type`, so it refuses as much as a discriminated union
// would, and the background bundles no discriminated-union code of zod's.
export const intentSchema = z.union([
  z.strictObject({
    type: z.literal('signInWithToken'),
    token: z.string().check(z.maxLength(1_000_000)),
    name: z.optional(z.string().check(z.maxLength(200))),
    expiresAt: z.optional(z.nullable(integer().check(z.nonnegative()))),
    createdAt: z.optional(integer().check(z.nonnegative())),
  }),
  z.strictObject({
    type: z.literal('signInWithPassword'),
    email: z.string().check(z.maxLength(10_000)),
    password: z.string().check(z.maxLength(10_000)),
  }),
  z.strictObject({ type: z.literal('refresh'), reason: z.enum(['user', 'stale']) }),
  z.strictObject({ type: z.literal('signOut') }),
  z.strictObject({
    type: z.literal('setTokenDetails'),
    name: z.optional(z.string().check(z.maxLength(200))),
    expiresAt: z.optional(z.nullable(integer().check(z.nonnegative()))),
  }),
  z.strictObject({
    type: z.literal('setReminderSettings'),
    enabled: z.boolean(),
    leadTimesMs: z.array(integer()).check(z.maxLength(20)),
    revocationRepeatMs: integer(),
  }),
  z.strictObject({ type: z.literal('addTrackedToken'), name: z.string().check(z.maxLength(10_000)), expiresAt: integer() }),
  z.strictObject({
    type: z.literal('updateTrackedToken'),
    id: z.string().check(z.maxLength(100)),
    name: z.string().check(z.maxLength(10_000)),
    expiresAt: integer(),
  }),
  z.strictObject({ type: z.literal('deleteTrackedToken'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('confirmRevoked'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('setApiServer'), origin: z.string().check(z.maxLength(10_000)) }),
  z.strictObject({ type: z.literal('setKeepSignedIn'), keepSignedIn: z.boolean() }),
  z.strictObject({ type: z.literal('setRevalidateEvery'), everyMs: integer() }),
  z.strictObject({ type: z.literal('forgetEverything') }),
  z.strictObject({ type: z.literal('dismissNotice') }),
  z.strictObject({ type: z.literal('refreshApps'), reason: z.enum(['user', 'stale']) }),
  z.strictObject({
    type: z.literal('setAppsPreferences'),
    /** null: the apps with the most events; a list: exactly these. Omitted: unchanged. */
    selectedAppIds: z.optional(z.nullable(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500)))),
    excludeTestMode: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('copyToken'), format: z.enum(COPY_FORMATS) }),
  z.strictObject({ type: z.literal('revealToken') }),
  z.strictObject({ type: z.literal('setClipboardClearAfter'), afterMs: z.nullable(integer()) }),
  z.strictObject({ type: z.literal('clearDiagnostics') }),
]);
