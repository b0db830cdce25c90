import { apiError } from '../../api/error';
import { type ApiResult, type BoundToken, createApiClient } from '../../api/worker/client';
import type { UserInfo } from '../../api/worker/response-schemas';
import { recordFailure } from '../../diagnostics/worker/failure-log';
import { refused } from '../../protocol/intent-result';
import type { Done, IntentOf, Refused } from '../../protocol/intents';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { revocationReminderFor } from '../../reminders/revocation-reminder';
import { type Account, CURRENT_SCHEMA_VERSION, type TokenInfo, type TokenState } from '../../state/types';
import { readCredential, readStoredSnapshot, saveNotice, saveSignedIn, signOutStored, updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { checkPersonalAccessToken, maskToken } from '../format';
import { checkPasswordSignIn } from '../password-sign-in';
import { checkCreatedAt, checkPatExpiry } from '../pat-expiry';
import { mayCheckAutomatically, retryNotBeforeAfterFailure } from '../refresh-policy';

/** `user`: the Refresh button. `stale`: a screen found old data. `watch`: the periodic revocation check. */
export type RefreshReason = 'user' | 'stale' | 'watch';

export interface TokenServiceOptions {
  now: () => number;
  newId?: () => string;
  fetch?: typeof fetch;
}

function accountFromUserInfo(info: UserInfo, fetchedAt: number): Account {
  const account: Account = { id: info.id, email: info.email, fetchedAt };
  if (info.firstName) account.firstName = info.firstName;
  if (info.lastName) account.lastName = info.lastName;
  if (info.emailIsVerified !== undefined) account.emailIsVerified = info.emailIsVerified;
  if (info.organization?.name) account.organizationName = info.organization.name;
  return account;
}

/** The answer to a sign-in that the change of the API server overtook. */
function serverChanged(): Refused {
  return refused(apiError('invalid-input', { message: t('errorServerChangedDuringSignIn') }));
}

/**
 * Everything the background does on the user's behalf. The only writer of the secret: screens send intents,
 * this validates them, talks to TelemetryDeck, and writes the outcome to storage in one step.
 */
export function createTokenService(options: TokenServiceOptions) {
  const { now } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let refreshInFlight: Promise<Done | Refused> | null = null;
  /** One controller per sign-in under way, so that changing the server can call them off. */
  const signIns = new Set<AbortController>();

  /** A personal access token that leaves this browser gets a reminder to revoke it. */
  const revocationFor = (state: TokenState) => revocationReminderFor(state.token, state.check, now(), newId());

  /** Signs out; the background's other services build on it (changing the server signs out too). */
  async function signOut(): Promise<void> {
    await signOutStored(revocationFor);
    // A refresh still under way belongs to the token just forgotten: the next one must not join it.
    refreshInFlight = null;
  }

  /**
   * Calls off every sign-in under way: none of them stores its token, and their requests stop. A sign-in
   * that has already stored its token is signed out by whoever changes the server.
   */
  function cancelSignIns(): void {
    for (const controller of signIns) controller.abort();
  }

  /**
   * Runs a sign-in against the server of the settings, with a client bound to that origin and cancellable by
   * `cancelSignIns`; the token is stored only while the settings still name that origin.
   */
  async function signIn(
    run: (api: ReturnType<typeof createApiClient>) => Promise<{ token: string; info: TokenInfo; userInfo: UserInfo } | Refused>,
  ): Promise<Done | Refused> {
    const controller = new AbortController();
    signIns.add(controller);
    try {
      const { settings } = await readStoredSnapshot();
      const api = createApiClient({ origin: settings.apiOrigin, fetch: options.fetch, now, signal: controller.signal });
      const outcome = await run(api);
      if (controller.signal.aborted) return serverChanged();
      // A sign-in's failure is shown in its form, where the user can act on it.
      if ('ok' in outcome) return outcome;
      const at = now();
      const tokenState: TokenState = {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        token: outcome.info,
        account: accountFromUserInfo(outcome.userInfo, at),
        check: { status: 'valid', lastSuccessAt: at, lastAttemptAt: at, error: null },
      };
      const stored = await saveSignedIn(
        { schemaVersion: CURRENT_SCHEMA_VERSION, token: outcome.token, origin: api.origin },
        tokenState,
        (latest) => latest.apiOrigin === api.origin,
        revocationFor,
      );
      if (!stored) return serverChanged();
      refreshInFlight = null;
      await saveNotice(null);
      return { ok: true };
    } finally {
      signIns.delete(controller);
    }
  }

  async function signInWithToken(intent: IntentOf<'signInWithToken'>): Promise<Done | Refused> {
    const checked = checkPersonalAccessToken(intent.token);
    if (!checked.ok) return refused(apiError('invalid-input', { message: checked.message }));
    const expiry = checkPatExpiry(intent.expiresAt, now());
    if (!expiry.ok) return refused(apiError('invalid-input', { message: expiry.message }));
    if (intent.createdAt !== undefined) {
      const created = checkCreatedAt(intent.createdAt, now());
      if (!created.ok) return refused(apiError('invalid-input', { message: created.message }));
    }
    return signIn(async (api) => {
      const result = await api.userInfo({ token: checked.token, origin: api.origin });
      if (!result.ok) return refused(result.error);
      const info: TokenInfo = { kind: 'pat', masked: maskToken(checked.token), addedAt: now(), expiresAt: expiry.expiresAt };
      if (intent.createdAt !== undefined) info.createdAt = intent.createdAt;
      const name = intent.name?.trim();
      if (name) info.name = name;
      return { token: checked.token, info, userInfo: result.value };
    });
  }

  async function signInWithPassword(email: string, password: string): Promise<Done | Refused> {
    const checked = checkPasswordSignIn(email, password);
    if (!checked.ok) return refused(apiError('invalid-input', { message: checked.message }));
    return signIn(async (api) => {
      const login = await api.login(checked.email, checked.password);
      if (!login.ok) return refused(login.error);
      const token = login.value.value;
      const result = await api.userInfo({ token, origin: api.origin });
      if (!result.ok) return refused(result.error);
      const info: TokenInfo = {
        kind: 'session',
        masked: maskToken(token),
        addedAt: now(),
        expiresAt: login.value.expiresAt ?? null,
      };
      if (login.value.createdAt !== undefined) info.createdAt = login.value.createdAt;
      return { token, info, userInfo: result.value };
    });
  }

  async function refreshOnce(reason: RefreshReason): Promise<Done | Refused> {
    const credential = await readCredential();
    const { tokenState } = await readStoredSnapshot();
    if (!credential || !tokenState) return refused(apiError('not-signed-in'));
    // A rejected token stays rejected until the user signs in again or presses Refresh: no automatic check.
    if (reason !== 'user' && (tokenState.check.status === 'rejected' || !mayCheckAutomatically(tokenState.check, now()))) {
      return { ok: true };
    }
    const bound: BoundToken = { token: credential.token, origin: credential.origin };
    const result: ApiResult<UserInfo> = await createApiClient({ origin: credential.origin, fetch: options.fetch, now }).userInfo(bound);
    // The user may have signed out or swapped tokens while we waited: never write over their choice.
    const current = await readCredential();
    if (current?.token !== credential.token) return { ok: true };
    const at = now();
    await updateStored('tokenState', (latest) => {
      if (!latest || latest.token.addedAt !== tokenState.token.addedAt) return undefined;
      if (result.ok) {
        return {
          ...latest,
          account: accountFromUserInfo(result.value, at),
          check: { status: 'valid', lastSuccessAt: at, lastAttemptAt: at, error: null },
        };
      }
      const failures = (latest.check.consecutiveFailures ?? 0) + 1;
      return {
        ...latest,
        check: {
          ...latest.check,
          status: result.error.kind === 'unauthorized' ? 'rejected' : latest.check.status,
          lastAttemptAt: at,
          error: { kind: result.error.kind, message: result.error.message, at },
          consecutiveFailures: failures,
          retryNotBefore: retryNotBeforeAfterFailure(at, failures, result.error.retryAfterSeconds),
        },
      };
    });
    if (result.ok) return { ok: true };
    void recordFailure('refresh', result.error, [], at);
    return refused(result.error);
  }

  /** Concurrent refreshes share one request. */
  function refresh(reason: RefreshReason): Promise<Done | Refused> {
    if (refreshInFlight) return refreshInFlight;
    const shared = refreshOnce(reason).finally(() => {
      if (refreshInFlight === shared) refreshInFlight = null;
    });
    refreshInFlight = shared;
    return shared;
  }

  async function setTokenDetails(intent: IntentOf<'setTokenDetails'>): Promise<Done | Refused> {
    const { tokenState } = await readStoredSnapshot();
    if (!tokenState) return refused(apiError('not-signed-in'));
    let expiresAt = tokenState.token.expiresAt;
    if (intent.expiresAt !== undefined) {
      if (tokenState.token.kind !== 'pat') {
        return refused(apiError('invalid-input', { message: t('sessionExpiryFixed') }));
      }
      const expiry = checkPatExpiry(intent.expiresAt, now());
      if (!expiry.ok) return refused(apiError('invalid-input', { message: expiry.message }));
      expiresAt = expiry.expiresAt;
    }
    await updateStored('tokenState', (latest) => {
      if (!latest || latest.token.addedAt !== tokenState.token.addedAt) return undefined;
      const token = { ...latest.token, expiresAt };
      const name = intent.name?.trim();
      if (name) token.name = name;
      else if (intent.name !== undefined) delete token.name;
      return { ...latest, token };
    });
    return { ok: true };
  }

  const handlers = {
    signInWithToken,
    signInWithPassword: (intent) => signInWithPassword(intent.email, intent.password),
    refresh: (intent) => refresh(intent.reason),
    signOut: async () => {
      await signOut();
      return { ok: true };
    },
    setTokenDetails,
  } satisfies Partial<IntentHandlers>;

  return { handlers, refresh, signOut, cancelSignIns };
}
