import { z } from 'zod/mini';
import { parseTelemetryDeckDate } from './telemetrydeck-date';

/**
 * Lenient schemas for what TelemetryDeck sends: unknown fields pass, every optional field may be missing
 * or null (or of an unexpected type), and both the docs' examples and the live shapes parse.
 */
function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(
    z.pipe(
      z.nullish(schema),
      z.transform((value) => value ?? undefined),
    ),
    undefined,
  );
}

const optionalString = lenient(z.string());
const optionalBoolean = lenient(z.boolean());
const optionalNumber = lenient(z.number());

/** A `+0000` date as epoch milliseconds; an unreadable date counts as absent rather than failing. */
const optionalServerDate = z.pipe(
  optionalString,
  z.transform((value) => (value ? (parseTelemetryDeckDate(value) ?? undefined) : undefined)),
);

const nonEmptyId = z.union([z.string().check(z.trim(), z.minLength(1)), z.pipe(z.number(), z.transform(String))]);

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

/** The items of a list that parse; one odd entry never costs the others. */
function keepParsed<S extends z.ZodMiniType>(items: readonly unknown[], schema: S): z.output<S>[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const organizationAppSchema = z.looseObject({ id: nonEmptyId, name: optionalString });

/** One of `GET /api/v3/organizations/`. Older payloads lack `namespace`/`maxSignals` and carry `resolvedMaxSignals`. */
const organizationSchema = z.looseObject({
  id: nonEmptyId,
  name: optionalString,
  namespace: optionalString,
  apps: z.pipe(
    lenient(z.array(z.unknown())),
    z.transform((items) => keepParsed(items ?? [], organizationAppSchema)),
  ),
  maxSignals: optionalNumber,
  resolvedMaxSignals: optionalNumber,
  /** A fraction: 0.109 is 10.9 %. */
  usagePercentage: optionalNumber,
});
export type Organization = z.output<typeof organizationSchema>;

export const organizationsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((items) => keepParsed(items, organizationSchema)),
);

/**
 * One result row of `POST /api/v4/query/tql`. Timeseries rows carry their numbers in `result`
 * (`{ timestamp, result: { Events, Users } }`); groupBy rows, as in Druid, carry the dimension values and
 * the numbers together in `event` (`{ version, timestamp, event: { appID, Events, Users } }`). Assumption,
 * since no public capture shows a groupBy answer of this endpoint: either key holds a flat object.
 */
const tqlRowSchema = z.looseObject({
  timestamp: optionalServerDate,
  // Any object: the values are read one by one, where each is used.
  result: lenient(z.looseObject({})),
  event: lenient(z.looseObject({})),
});

export interface TqlRow {
  /** Epoch milliseconds of the row's bucket, when the server gave a readable one. */
  timestamp: number | undefined;
  /** Dimension values and metrics by name; metrics may be numbers, numeric strings, `"Infinity"` or null. */
  values: Record<string, unknown>;
}

const tqlRowsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((items): TqlRow[] =>
    keepParsed(items, tqlRowSchema).flatMap((row) => {
      const values = row.event ?? row.result;
      return values ? [{ timestamp: row.timestamp, values }] : [];
    }),
  ),
);

/**
 * A TQL answer comes bare (`[{ timestamp, result }]`) or wrapped
 * (`{ calculationDuration, result: { type: "timeSeriesResult", rows: [...] } }`): both become the rows.
 */
export const tqlResultSchema = z.union([
  tqlRowsSchema,
  z.pipe(
    z.looseObject({ result: z.union([z.looseObject({ rows: tqlRowsSchema }), tqlRowsSchema]) }),
    z.transform((wrapped): TqlRow[] => (Array.isArray(wrapped.result) ? wrapped.result : wrapped.result.rows)),
  ),
]);
