import { formatDate } from './format.ts';
import type { FakeOrganization } from './payloads.ts';
import { DAY_MS, eventsInHour, HOUR_MS, usersFor } from './signals.ts';

/** `wrapped`: `{ calculationDuration, result: { type, rows } }`; `bare`: the rows alone. Both occur. */
export type QueryResultForm = 'wrapped' | 'bare';

export interface TqlAnswer {
  status: number;
  body: unknown;
}

class QueryProblem extends Error {
  readonly status: number;
  // No parameter properties: the fake runs under Node's type stripping, which does not support them.
  constructor(status: number, reason: string) {
    super(reason);
    this.status = status;
  }
}

const fail = (status: number, reason: string): never => {
  throw new QueryProblem(status, reason);
};

type Row = { appID: string; isTestMode: 'true' | 'false' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Does `filter` let events of this app and test mode through? Only the dimensions the fake knows. */
function matches(filter: unknown, row: Row, mentionedApps: Set<string>): boolean {
  if (!isObject(filter)) return fail(400, 'Every filter must be an object with a type.');
  const dimension = filter.dimension;
  const known = (name: unknown): name is keyof Row => name === 'appID' || name === 'isTestMode';
  const valueIn = (name: keyof Row, value: unknown) => (name === 'isTestMode' ? String(value).toLowerCase() : String(value));
  switch (filter.type) {
    case 'and':
    case 'or': {
      if (!Array.isArray(filter.fields)) return fail(400, `An "${filter.type}" filter needs "fields".`);
      const results = filter.fields.map((field) => matches(field, row, mentionedApps));
      return filter.type === 'and' ? results.every(Boolean) : results.some(Boolean);
    }
    case 'not':
      return !matches(filter.field, row, mentionedApps);
    case 'selector': {
      if (!known(dimension)) return fail(400, `The fake server cannot filter on "${String(dimension)}".`);
      if (dimension === 'appID') mentionedApps.add(String(filter.value));
      return row[dimension] === valueIn(dimension, filter.value);
    }
    case 'in': {
      if (!known(dimension) || !Array.isArray(filter.values)) return fail(400, 'An "in" filter needs a known dimension and "values".');
      if (dimension === 'appID') for (const value of filter.values) mentionedApps.add(String(value));
      return filter.values.some((value) => row[dimension] === valueIn(dimension, value));
    }
    default:
      return fail(400, `The fake server does not know the filter type "${String(filter.type)}".`);
  }
}

type Component = 'hour' | 'day' | 'week' | 'month' | 'year';

/** The start of the `component` that lies `offset` components from now (UTC), and the start of the next one. */
function componentBounds(component: Component, offset: number, now: number): [number, number] {
  const date = new Date(now);
  switch (component) {
    case 'hour': {
      const start = Math.floor(now / HOUR_MS) * HOUR_MS + offset * HOUR_MS;
      return [start, start + HOUR_MS];
    }
    case 'day': {
      const start = Math.floor(now / DAY_MS) * DAY_MS + offset * DAY_MS;
      return [start, start + DAY_MS];
    }
    case 'week': {
      const day = Math.floor(now / DAY_MS) * DAY_MS;
      const monday = day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
      const start = monday + offset * 7 * DAY_MS;
      return [start, start + 7 * DAY_MS];
    }
    case 'month':
      return [
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1),
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset + 1, 1),
      ];
    case 'year':
      return [Date.UTC(date.getUTCFullYear() + offset, 0, 1), Date.UTC(date.getUTCFullYear() + offset + 1, 0, 1)];
  }
}

function relativeDate(spec: unknown, now: number): number {
  if (!isObject(spec)) return fail(400, 'A relative date needs component, offset and position.');
  const { component, offset, position } = spec;
  if (!['hour', 'day', 'week', 'month', 'year'].includes(String(component)))
    return fail(400, `Unknown date component "${String(component)}".`);
  if (typeof offset !== 'number' || !Number.isInteger(offset)) return fail(400, 'A relative date needs an integer offset.');
  if (position !== 'beginning' && position !== 'end') return fail(400, 'A relative date’s position is "beginning" or "end".');
  const [start, next] = componentBounds(component as Component, offset, now);
  return position === 'beginning' ? start : next;
}

function intervalsOf(query: Record<string, unknown>, now: number): [number, number][] {
  if (Array.isArray(query.relativeIntervals) && query.relativeIntervals.length > 0) {
    return query.relativeIntervals.map((interval) => {
      if (!isObject(interval)) return fail(400, 'A relative interval needs beginningDate and endDate.');
      return [relativeDate(interval.beginningDate, now), relativeDate(interval.endDate, now)];
    });
  }
  if (Array.isArray(query.intervals) && query.intervals.length > 0) {
    return query.intervals.map((interval) => {
      const [from, to] = String(interval)
        .split('/')
        .map((part) => Date.parse(part));
      if (!Number.isFinite(from) || !Number.isFinite(to)) return fail(400, `Unreadable interval "${String(interval)}".`);
      return [from!, to!];
    });
  }
  return fail(400, 'A query needs relativeIntervals or intervals.');
}

const DEFAULT_AGGREGATION_NAMES: Record<string, string> = { eventCount: 'Events', userCount: 'Users' };

function aggregationsOf(query: Record<string, unknown>): { type: 'eventCount' | 'userCount'; name: string }[] {
  if (!Array.isArray(query.aggregations) || query.aggregations.length === 0) return fail(400, 'A query needs aggregations.');
  return query.aggregations.map((aggregation) => {
    if (!isObject(aggregation) || (aggregation.type !== 'eventCount' && aggregation.type !== 'userCount')) {
      return fail(400, 'The fake server knows only the eventCount and userCount aggregations.');
    }
    return {
      type: aggregation.type,
      name: typeof aggregation.name === 'string' ? aggregation.name : DEFAULT_AGGREGATION_NAMES[aggregation.type]!,
    };
  });
}

function groupsByApp(query: Record<string, unknown>): boolean {
  if (query.queryType !== 'groupBy') return false;
  const dimensions = query.dimensions;
  const names = Array.isArray(dimensions) ? dimensions.map((spec) => (isObject(spec) ? spec.dimension : spec)) : [];
  if (names.length !== 1 || names[0] !== 'appID') return fail(400, 'The fake server groups only by the appID dimension.');
  const spec = (dimensions as unknown[])[0];
  if (isObject(spec) && spec.outputName !== undefined && spec.outputName !== 'appID')
    return fail(400, 'The fake server keeps the outputName "appID".');
  return true;
}

/**
 * `POST /api/v4/query/tql` for one user's organizations, the way the real server checks a query: its
 * `dataSource` must be one of the organization namespaces (else 401 with a reason), and its filter must
 * keep to that organization's apps. Numbers come from `eventsInHour`, counted for hours already begun.
 */
export function runTql(body: string, organizations: FakeOrganization[], now: number, form: QueryResultForm): TqlAnswer {
  try {
    let query: unknown;
    try {
      query = JSON.parse(body);
    } catch {
      return fail(400, 'The query is not valid JSON.');
    }
    if (!isObject(query)) return fail(400, 'The query must be a JSON object.');
    if (typeof query.dataSource !== 'string' || !query.dataSource) {
      return fail(401, 'The query must name its dataSource: the namespace of your organization.');
    }
    const organization = organizations.find((candidate) => candidate.namespace !== null && candidate.namespace === query.dataSource);
    if (!organization) return fail(401, `"${query.dataSource}" is not the namespace of an organization you belong to.`);
    if (query.queryType !== 'timeseries' && query.queryType !== 'groupBy') {
      return fail(400, 'The fake server answers only timeseries and groupBy queries.');
    }
    const byApp = groupsByApp(query);
    const granularity = query.granularity;
    if (granularity !== 'all' && granularity !== 'day' && granularity !== 'hour') {
      return fail(400, 'The fake server knows only the granularities all, day and hour.');
    }
    const aggregations = aggregationsOf(query);
    const intervals = intervalsOf(query, now);

    if (query.filter === undefined || query.filter === null) return fail(401, 'The query must filter on appID.');
    const mentioned = new Set<string>();
    const outsider = 'NOT-AN-APP-OF-THIS-ORGANIZATION';
    const appIds = organization.apps.map((app) => app.id);
    const passes: { appID: string; testMode: boolean }[] = [];
    for (const appID of [...appIds, outsider]) {
      for (const testMode of [false, true]) {
        if (matches(query.filter, { appID, isTestMode: testMode ? 'true' : 'false' }, mentioned)) passes.push({ appID, testMode });
      }
    }
    if (passes.some((pass) => pass.appID === outsider)) return fail(401, 'The query must filter on appID, with apps of this organization.');
    const stranger = [...mentioned].find((id) => !appIds.includes(id));
    if (stranger) return fail(401, `App "${stranger}" is not an app of this organization.`);

    const bucketOf = (at: number) =>
      granularity === 'all'
        ? intervals[0]![0]
        : granularity === 'day'
          ? Math.floor(at / DAY_MS) * DAY_MS
          : Math.floor(at / HOUR_MS) * HOUR_MS;
    // events[bucket][appID]
    const events = new Map<number, Map<string, number>>();
    for (const [from, to] of intervals) {
      const step = granularity === 'hour' ? HOUR_MS : granularity === 'day' ? DAY_MS : to - from;
      // Buckets a timeseries answers even when empty, as Druid does.
      if (!byApp) for (let at = bucketOf(from); at < to && step > 0; at += step) events.set(at, events.get(at) ?? new Map());
      for (let hour = Math.ceil(from / HOUR_MS); hour * HOUR_MS < Math.min(to, now); hour += 1) {
        const bucket = bucketOf(hour * HOUR_MS);
        const perApp = events.get(bucket) ?? new Map<string, number>();
        events.set(bucket, perApp);
        for (const { appID, testMode } of passes) perApp.set(appID, (perApp.get(appID) ?? 0) + eventsInHour(appID, hour, testMode));
      }
    }

    const metrics = (count: number) =>
      Object.fromEntries(aggregations.map(({ type, name }) => [name, type === 'eventCount' ? count : usersFor(count)]));
    const timestamp = (at: number) => new Date(at).toISOString();
    const buckets = [...events.keys()].sort((a, b) => a - b);
    const rows = byApp
      ? buckets.flatMap((at) =>
          [...events.get(at)!.entries()]
            .filter(([, count]) => count > 0)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([appID, count]) => ({ version: 'v1', timestamp: timestamp(at), event: { appID, ...metrics(count) } })),
        )
      : buckets.map((at) => ({
          timestamp: timestamp(at),
          result: metrics([...events.get(at)!.values()].reduce((sum, count) => sum + count, 0)),
        }));

    if (form === 'bare') return { status: 200, body: rows };
    return {
      status: 200,
      body: {
        calculationDuration: 0.042,
        calculationFinishedAt: formatDate(new Date(now)),
        result: { type: byApp ? 'groupByResult' : 'timeSeriesResult', rows },
      },
    };
  } catch (error) {
    if (error instanceof QueryProblem) return { status: error.status, body: { error: true, reason: error.message } };
    throw error;
  }
}
