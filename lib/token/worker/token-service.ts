import { apiError } from '../../api/error';
import { type ApiResult, createApiClient } from '../../api/worker/client';
import type { UserInfo } from '../../api/worker/response-schemas';
import { refused } from '../../protocol/intent-result';
import type { Done, IntentOf, Refused } from '../../protocol/intents';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { revocationReminderFor } from '../../reminders/revocation-reminder';
import { type Account, CURRENT_SCHEMA_VERSION, type TokenInfo, type TokenState } from '../../state/types';
import { forgetToken, readCredential, readStoredSnapshot, saveNotice, saveSignedIn, updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { checkPersonalAccessToken, maskToken } from '../format';
import { checkPasswordSignIn } from '../password-sign-in';
import { checkPatExpiry } from '../pat-expiry';
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

/**
 * Everything the background does on the user's behalf. The only writer of the secret: screens send intents,
 * this validates them, talks to TelemetryDeck, and writes the outcome to storage in one step.
 */
export function createTokenService(options: TokenServiceOptions) {
  const { now } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let refreshInFlight: Promise<Done | Refused> | null = null;

  async function client() {
    const { settings } = await readStoredSnapshot();
    return createApiClient({ origin: settings.apiOrigin, fetch: options.fetch, now });
  }

  /** Before a personal access token leaves this browser, keep a reminder to revoke it. */
  async function rememberToRevoke(): Promise<void> {
    const { tokenState } = await readStoredSnapshot();
    if (!tokenState) return;
    const reminder = revocationReminderFor(tokenState.token, tokenState.check, now(), newId());
    if (reminder) await updateStored('reminders', (reminders) => ({ ...reminders, revocations: [...reminders.revocations, reminder] }));
  }

  /** Signs out; the background's other services build on it (changing the server signs out too). */
  async function signOut(): Promise<void> {
    await rememberToRevoke();
    await forgetToken();
    // A refresh still under way belongs to the token just forgotten: the next one must not join it.
    refreshInFlight = null;
  }

  async function storeSignIn(token: string, info: TokenInfo, userInfo: UserInfo): Promise<Done | Refused> {
    const at = now();
    const { settings } = await readStoredSnapshot();
    const previous = await readCredential();
    if (previous && previous.token !== token) await rememberToRevoke();
    const tokenState: TokenState = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      token: info,
      account: accountFromUserInfo(userInfo, at),
      check: { status: 'valid', lastSuccessAt: at, lastAttemptAt: at, error: null },
    };
    await saveSignedIn({ schemaVersion: CURRENT_SCHEMA_VERSION, token }, tokenState, settings.keepSignedIn);
    refreshInFlight = null;
    await saveNotice(null);
    return { ok: true };
  }

  async function signInWithToken(intent: IntentOf<'signInWithToken'>): Promise<Done | Refused> {
    const checked = checkPersonalAccessToken(intent.token);
    if (!checked.ok) return refused(apiError('invalid-input', { message: checked.message }));
    const expiry = checkPatExpiry(intent.expiresAt, now());
    if (!expiry.ok) return refused(apiError('invalid-input', { message: expiry.message }));
    const result = await (await client()).userInfo(checked.token);
    if (!result.ok) return refused(result.error);
    const info: TokenInfo = { kind: 'pat', masked: maskToken(checked.token), addedAt: now(), expiresAt: expiry.expiresAt };
    const name = intent.name?.trim();
    if (name) info.name = name;
    return storeSignIn(checked.token, info, result.value);
  }

  async function signInWithPassword(email: string, password: string): Promise<Done | Refused> {
    const checked = checkPasswordSignIn(email, password);
    if (!checked.ok) return refused(apiError('invalid-input', { message: checked.message }));
    const api = await client();
    const login = await api.login(checked.email, checked.password);
    if (!login.ok) return refused(login.error);
    const token = login.value.value;
    const result = await api.userInfo(token);
    if (!result.ok) return refused(result.error);
    const info: TokenInfo = {
      kind: 'session',
      masked: maskToken(token),
      addedAt: now(),
      expiresAt: login.value.expiresAt ?? null,
    };
    if (login.value.createdAt !== undefined) info.createdAt = login.value.createdAt;
    return storeSignIn(token, info, result.value);
  }

  async function refreshOnce(reason: RefreshReason): Promise<Done | Refused> {
    const credential = await readCredential();
    const { tokenState } = await readStoredSnapshot();
    if (!credential || !tokenState) return refused(apiError('not-signed-in'));
    if (reason !== 'user' && !mayCheckAutomatically(tokenState.check, now())) return { ok: true };
    const result: ApiResult<UserInfo> = await (await client()).userInfo(credential.token);
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
    return result.ok ? { ok: true } : refused(result.error);
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

  return { handlers, refresh, signOut };
}
