/**
 * TQL queries for the popup's numbers: per organization, grouped by app, so that one query answers for
 * all of its apps. Three windows, because unique users do not add up: the users of 30 days are not the
 * sum of each day's users, so the daily query (the sparkline) cannot give the 30-day user count.
 */

export type AppsQueryWindow = 'last24Hours' | 'last30Days' | 'daily30Days';

/** Days in the sparkline and in the 30-day totals, today included. */
export const DAYS = 30;

export interface AppsQueryInput {
  /** The organization's `namespace`, which TQL needs as `dataSource`. */
  namespace: string;
  appIds: readonly string[];
  excludeTestMode: boolean;
  window: AppsQueryWindow;
}

type Filter = { type: 'selector'; dimension: string; value: string } | { type: 'or' | 'and'; fields: Filter[] };

function selector(dimension: string, value: string): Filter {
  return { type: 'selector', dimension, value };
}

/** The filter TelemetryDeck insists on: the apps themselves, and (by default) no test-mode data. */
export function appsFilter(appIds: readonly string[], excludeTestMode: boolean): Filter {
  const apps =
    appIds.length === 1 ? selector('appID', appIds[0]!) : { type: 'or' as const, fields: appIds.map((id) => selector('appID', id)) };
  return excludeTestMode ? { type: 'and', fields: [apps, selector('isTestMode', 'false')] } : apps;
}

function relativeInterval(window: AppsQueryWindow) {
  const [component, offset] = window === 'last24Hours' ? (['hour', -24] as const) : (['day', -(DAYS - 1)] as const);
  return {
    beginningDate: { component, offset, position: 'beginning' },
    endDate: { component, offset: 0, position: 'end' },
  };
}

export function buildAppsQuery({ namespace, appIds, excludeTestMode, window }: AppsQueryInput) {
  if (appIds.length === 0) throw new Error('buildAppsQuery: a query needs at least one app');
  const aggregations: { type: 'eventCount' | 'userCount'; name: string }[] = [{ type: 'eventCount', name: 'Events' }];
  // The sparkline shows events only; users per day would cost the server for nothing.
  if (window !== 'daily30Days') aggregations.push({ type: 'userCount', name: 'Users' });
  return {
    queryType: 'groupBy',
    dataSource: namespace,
    granularity: window === 'daily30Days' ? 'day' : 'all',
    dimensions: [{ type: 'default', dimension: 'appID', outputName: 'appID' }],
    aggregations,
    filter: appsFilter(appIds, excludeTestMode),
    relativeIntervals: [relativeInterval(window)],
  };
}
export type AppsQuery = ReturnType<typeof buildAppsQuery>;

/** The three queries of one organization, by window. */
export function buildAppsQueries(input: Omit<AppsQueryInput, 'window'>): Record<AppsQueryWindow, AppsQuery> {
  return {
    last24Hours: buildAppsQuery({ ...input, window: 'last24Hours' }),
    last30Days: buildAppsQuery({ ...input, window: 'last30Days' }),
    daily30Days: buildAppsQuery({ ...input, window: 'daily30Days' }),
  };
}
