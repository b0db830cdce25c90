import { z } from 'zod';
import { parseTelemetryDeckDate } from './dates';

/**
 * Lenient schemas for what TelemetryDeck sends: unknown fields pass, every optional field may be missing
 * or null, and both the docs' examples and the live shapes parse.
 */
const optionalString = z
  .string()
  .nullish()
  .catch(undefined)
  .transform((value) => value ?? undefined);

const optionalBoolean = z
  .boolean()
  .nullish()
  .catch(undefined)
  .transform((value) => value ?? undefined);

/** A `+0000` date as epoch milliseconds; an unreadable date counts as absent rather than failing. */
const optionalServerDate = z
  .string()
  .nullish()
  .catch(undefined)
  .transform((value) => (value ? (parseTelemetryDeckDate(value) ?? undefined) : undefined));

const nonEmptyId = z.union([z.string().trim().min(1), z.number().transform(String)]);

export const userInfoSchema = z.looseObject({
  id: nonEmptyId,
  firstName: optionalString,
  lastName: optionalString,
  email: z.string().trim().min(1),
  emailIsVerified: optionalBoolean,
  receiveReports: optionalString,
  organization: z
    .looseObject({ name: optionalString, id: optionalString })
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined),
});
export type UserInfo = z.output<typeof userInfoSchema>;

export const loginResponseSchema = z.looseObject({
  value: z.string().trim().min(1),
  id: optionalString,
  createdAt: optionalServerDate,
  expiresAt: optionalServerDate,
  user: z
    .looseObject({ id: optionalString })
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined),
});
export type LoginResponse = z.output<typeof loginResponseSchema>;

/** Vapor answers `{"error": true, "reason": "…"}`; some clients see `{"detail": "…"}`. */
export const errorBodySchema = z.looseObject({
  reason: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
});
