import { z } from 'zod/mini';
import { parseTelemetryDeckDate } from './dates';

/**
 * Lenient schemas for what TelemetryDeck sends: unknown fields pass, every optional field may be missing
 * or null (or of an unexpected type), and both the docs' examples and the live shapes parse.
 */
function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.pipe(z.nullish(schema), z.transform((value) => value ?? undefined)), undefined);
}

const optionalString = lenient(z.string());
const optionalBoolean = lenient(z.boolean());

/** A `+0000` date as epoch milliseconds; an unreadable date counts as absent rather than failing. */
const optionalServerDate = z.pipe(
  optionalString,
  z.transform((value) => (value ? (parseTelemetryDeckDate(value) ?? undefined) : undefined)),
);

const nonEmptyId = z.union([
  z.string().check(z.trim(), z.minLength(1)),
  z.pipe(z.number(), z.transform(String)),
]);

export const userInfoSchema = z.looseObject({
  id: nonEmptyId,
  firstName: optionalString,
  lastName: optionalString,
  email: z.string().check(z.trim(), z.minLength(1)),
  emailIsVerified: optionalBoolean,
  receiveReports: optionalString,
  organization: lenient(z.looseObject({ name: optionalString, id: optionalString })),
});
export type UserInfo = z.output<typeof userInfoSchema>;

export const loginResponseSchema = z.looseObject({
  value: z.string().check(z.trim(), z.minLength(1)),
  id: optionalString,
  createdAt: optionalServerDate,
  expiresAt: optionalServerDate,
  user: lenient(z.looseObject({ id: optionalString })),
});
export type LoginResponse = z.output<typeof loginResponseSchema>;

/** Vapor answers `{"error": true, "reason": "…"}`; some clients see `{"detail": "…"}`. */
export const errorBodySchema = z.looseObject({
  reason: optionalString,
  detail: optionalString,
});
