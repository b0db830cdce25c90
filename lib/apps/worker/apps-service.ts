import { type ApiError, apiError } from '../../api/error';
import { type ApiClient, type BoundToken, createApiClient } from '../../api/worker/client';
import type { Organization } from '../../api/worker/response-schemas';
import { recordFailure } from '../../diagnostics/worker/failure-log';
import { refused } from '../../protocol/intent-result';
import type { Done, IntentOf, Refused } from '../../protocol/intents';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { type AppsPreferences, type AppsState, CURRENT_SCHEMA_VERSION, type StoredOrganization } from '../../state/types';
import { readCredential, readStoredSnapshot, updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { retryNotBeforeAfterFailure } from '../../token/refresh-policy';
import { appsForSignIn, appsPreferencesKey, appsRefreshDue } from '../refresh-policy';
import { appIdsToQuery } from '../selection';
import { appsError } from './apps-error';
import { buildAppsQueries } from './query';
import { createLimit } from './query-limit';
import { statsFromResults } from './query-result';

/** Queries under way at once, across all organizations. */
const QUERIES_AT_ONCE = 4;

/** `user`: the Refresh button, which skips the 15-minute limit. `stale`: a screen found old numbers. */
export type AppsRefreshReason = 'user' | 'stale';

function stored(error: ApiError, at: number) {
  return { kind: error.kind, message: error.message, at };
}

/** The organization as we keep it; every field beyond the id may be missing in what the API sent. */
function organizationFromApi(organization: Organization): Omit<StoredOrganization, 'stats' | 'error'> {
  const result: Omit<StoredOrganization, 'stats' | 'error'> = {
    id: organization.id,
    name: organization.name?.trim() || t('unnamedOrganization'),
    apps: organization.apps.slice(0, 500).map((app) => ({ id: app.id, name: app.name?.trim() || app.id })),
  };
  const namespace = organization.namespace?.trim();
  if (namespace) result.namespace = namespace;
  const maxSignals = organization.maxSignals ?? organization.resolvedMaxSignals;
  if (maxSignals !== undefined && Number.isFinite(maxSignals) && maxSignals >= 0) result.maxSignals = maxSignals;
  const usage = organization.usagePercentage;
  if (usage !== undefined && Number.isFinite(usage) && usage >= 0) result.usagePercentage = usage;
  return result;
}

/** The longest `Retry-After` among answers that gave one, in seconds; undefined when none did. */
function longestWait(answers: readonly { retryAfterSeconds?: number }[]): number | undefined {
  const waits = answers.flatMap((answer) => (answer.retryAfterSeconds === undefined ? [] : [answer.retryAfterSeconds]));
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

/**
 * The popup's organizations, apps and numbers: fetched in the background, cached under `apps`, shown
 * from there. Nothing here touches the token's state: a failed query is this section's business only.
 */
export function createAppsService(options: { now: () => number; fetch?: typeof fetch; tqlTimeoutMs?: number }) {
  const { now } = options;
  let inFlight: { signIn: string; done: Promise<Done | Refused> } | null = null;

  /**
   * One organization's numbers: three queries, each when `limit` lets it run, or the reason there are none,
   * with how long the server asked us to wait when it was too busy.
   */
  async function loadOrganization(
    api: ApiClient,
    limit: ReturnType<typeof createLimit>,
    token: BoundToken,
    organization: Organization,
    previous: StoredOrganization | undefined,
    preferences: AppsPreferences,
  ): Promise<{ organization: StoredOrganization; retryAfterSeconds?: number }> {
    const base = organizationFromApi(organization);
    const keptStats = previous?.stats ?? null;
    const appIds = appIdsToQuery(base.apps, preferences);
    // Without a namespace there is no data source to ask; the screen explains why.
    if (!base.namespace || appIds.length === 0) return { organization: { ...base, stats: keptStats, error: null } };
    const queries = buildAppsQueries({ namespace: base.namespace, appIds, excludeTestMode: preferences.excludeTestMode });
    const ask = (query: object) => limit(() => api.tql(token, query));
    const [last24Hours, last30Days, daily30Days] = await Promise.all([
      ask(queries.last24Hours),
      ask(queries.last30Days),
      ask(queries.daily30Days),
    ]);
    const at = now();
    if (!last24Hours.ok || !last30Days.ok || !daily30Days.ok) {
      const errors = [last24Hours, last30Days, daily30Days].flatMap((result) => (result.ok ? [] : [result.error]));
      const retryAfterSeconds = longestWait(errors);
      void recordFailure('apps', { kind: errors[0]!.kind, message: `${base.name}: ${errors[0]!.message}` }, [], at);
      return {
        organization: { ...base, stats: keptStats, error: stored(appsError(errors[0]!), at) },
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      };
    }
    const byApp = statsFromResults(
      { last24Hours: last24Hours.value, last30Days: last30Days.value, daily30Days: daily30Days.value },
      appIds,
      at,
    );
    return { organization: { ...base, stats: { fetchedAt: at, excludesTestMode: preferences.excludeTestMode, byApp }, error: null } };
  }

  async function refreshOnce(reason: AppsRefreshReason): Promise<Done | Refused> {
    const credential = await readCredential();
    const { tokenState, settings, apps } = await readStoredSnapshot();
    if (!credential || !tokenState) return refused(apiError('not-signed-in'));
    // A rejected token gets nothing but 401s; the account section already says so.
    if (tokenState.check.status === 'rejected') return { ok: true };
    const tokenAddedAt = tokenState.token.addedAt;
    const preferences = settings.apps;
    if (reason !== 'user' && !appsRefreshDue(apps, tokenAddedAt, preferences, now())) return { ok: true };
    const previous = appsForSignIn(apps, tokenAddedAt);
    const api = createApiClient({ origin: credential.origin, fetch: options.fetch, now, tqlTimeoutMs: options.tqlTimeoutMs });
    const token: BoundToken = { token: credential.token, origin: credential.origin };
    const preferencesKey = appsPreferencesKey(preferences);

    const listed = await api.organizations(token);
    let next: (latest: AppsState | null) => AppsState;
    let outcome: Done | Refused = { ok: true };
    if (!listed.ok) {
      const at = now();
      const error = appsError(listed.error);
      void recordFailure('apps', error, [], at);
      outcome = refused(error);
      next = (latest) => {
        const base = latest ?? { schemaVersion: CURRENT_SCHEMA_VERSION, tokenAddedAt, preferencesKey, error: null, organizations: [] };
        const failures = (base.consecutiveFailures ?? 0) + 1;
        return {
          ...base,
          lastAttemptAt: at,
          error: stored(error, at),
          consecutiveFailures: failures,
          retryNotBefore: retryNotBeforeAfterFailure(at, failures, error.retryAfterSeconds),
        };
      };
    } else {
      const previousById = new Map(previous?.organizations.map((organization) => [organization.id, organization]));
      const limit = createLimit(QUERIES_AT_ONCE);
      const loaded = await Promise.all(
        listed.value
          .slice(0, 100)
          .map((organization) => loadOrganization(api, limit, token, organization, previousById.get(organization.id), preferences)),
      );
      const at = now();
      const organizations = loaded.map((result) => result.organization);
      // A busy server's Retry-After holds for the next automatic refresh too, even past the usual 15 minutes.
      const wait = longestWait(loaded);
      const retryNotBefore = wait === undefined ? undefined : at + wait * 1000;
      next = () => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        tokenAddedAt,
        preferencesKey,
        fetchedAt: at,
        lastAttemptAt: at,
        error: null,
        organizations,
        ...(retryNotBefore === undefined ? {} : { retryNotBefore }),
      });
    }

    // The user may have signed out or swapped tokens while we waited: their choice wins.
    const current = await readCredential();
    if (current?.token !== credential.token) return { ok: true };
    await updateStored('apps', (latest, { tokenState: latestToken }) => {
      if (latestToken?.token.addedAt !== tokenAddedAt) return undefined;
      return next(appsForSignIn(latest, tokenAddedAt));
    });
    return outcome;
  }

  /** Which sign-in a refresh works for: the token, and the moment it was added. */
  async function signInNow(): Promise<string> {
    const [credential, { tokenState }] = await Promise.all([readCredential(), readStoredSnapshot()]);
    return `${credential?.token ?? ''} ${tokenState?.token.addedAt ?? ''}`;
  }

  /** Concurrent refreshes for the same sign-in share one round of requests; the next sign-in never joins it. */
  async function refresh(reason: AppsRefreshReason): Promise<Done | Refused> {
    const signIn = await signInNow();
    if (inFlight?.signIn === signIn) return inFlight.done;
    const round = {
      signIn,
      done: refreshOnce(reason).finally(() => {
        if (inFlight === round) inFlight = null;
      }),
    };
    inFlight = round;
    return round.done;
  }

  async function setPreferences(intent: IntentOf<'setAppsPreferences'>): Promise<Done | Refused> {
    if (intent.selectedAppIds && new Set(intent.selectedAppIds).size !== intent.selectedAppIds.length) {
      return refused(apiError('invalid-input', { message: t('appsChosenOnce') }));
    }
    await updateStored('settings', (settings) => {
      const apps = { ...settings.apps };
      if (intent.selectedAppIds !== undefined) apps.selectedAppIds = intent.selectedAppIds;
      if (intent.excludeTestMode !== undefined) apps.excludeTestMode = intent.excludeTestMode;
      return { ...settings, apps };
    });
    // New numbers for the new choice, without making the options page wait for the queries; after any
    // refresh under way, which still asks with the old preferences.
    void (inFlight?.done ?? Promise.resolve()).then(() => refresh('stale')).catch(() => {});
    return { ok: true };
  }

  const handlers = {
    refreshApps: (intent) => refresh(intent.reason),
    setAppsPreferences: setPreferences,
  } satisfies Partial<IntentHandlers>;

  return { handlers, refresh };
}
