import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PERSONAL_ACCESS_TOKENS_URL } from '../../lib/api/origins';
import { isNoAnswer } from '../../lib/protocol/intent-result';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import type { AppsPreferences, AppsState, TokenState } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { isStale } from '../../lib/token/refresh-policy';
import { AccountCard } from '../AccountCard';
import { Alert } from '../Alert';
import { type AppsRefreshRequest, AppsSection } from './apps/AppsSection';
import { CopyTokenPanel } from './CopyTokenPanel';
import { TextWithLink } from './TextWithLink';

export function SignedInView({
  state,
  apps,
  appsPreferences,
  now,
  onSignedOut,
  onSignInAgain,
}: {
  state: TokenState;
  apps: AppsState | null;
  appsPreferences: AppsPreferences;
  now: number;
  onSignedOut: (wasPat: boolean) => void;
  /** A session has ended: the popup shows the email form instead, with the account's email filled in. */
  onSignInAgain: () => void;
}) {
  const [refreshing, setRefreshing] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // Stale-while-revalidate: what is stored is already on screen; ask for fresh data only when it is old.
  // The apps' numbers follow the account's check, so that a token found rejected is not asked again. With a
  // fresh account they may be asked at once: the first render carries the request, and no second one follows.
  const [accountStale] = useState(() => isStale(state.account?.fetchedAt, Date.now()));
  const [appsRequest, setAppsRequest] = useState<AppsRefreshRequest | null>(() =>
    accountStale ? null : { reason: 'stale', at: Date.now() },
  );
  useEffect(() => {
    if (!accountStale) return;
    void sendIntent({ type: 'refresh', reason: 'stale' }).then(() => setAppsRequest({ reason: 'stale', at: Date.now() }));
  }, []);

  async function refresh() {
    setRefreshing(true);
    setActionError(null);
    const result = await sendIntent({ type: 'refresh', reason: 'user' });
    setRefreshing(false);
    // A refresh's failure is stored with the state and shown from there; only a silent background is not,
    // and a background that did not answer is not asked for the apps' numbers on top.
    if (isNoAnswer(result)) setActionError(result.error.message);
    else setAppsRequest({ reason: 'user', at: Date.now() });
  }

  async function signOut() {
    setSigningOut(true);
    const result = await sendIntent({ type: 'signOut' });
    setSigningOut(false);
    // A rejected token no longer works, so there is nothing left to revoke.
    if (result.ok) onSignedOut(state.token.kind === 'pat' && state.check.status !== 'rejected');
    else setActionError(result.error.message);
  }

  const error = state.check.error;
  const rejected = state.check.status === 'rejected';
  // A session is a sign-in that ends: once it has, or TelemetryDeck refused it, the way on is to sign in again.
  const sessionOver = state.token.kind === 'session' && (rejected || (state.token.expiresAt !== null && state.token.expiresAt <= now));
  return (
    <>
      {error && (
        <Alert>
          {error.message}
          {state.account && error.kind !== 'unauthorized' && ` ${t('detailsFromLastCheck')}`}
        </Alert>
      )}
      {actionError && <Alert>{actionError}</Alert>}
      {sessionOver && (
        <div class="sign-in-again">
          <p class="hint">{t(rejected ? 'sessionRejectedHint' : 'sessionEndedHint')}</p>
          <button type="button" class="primary" onClick={onSignInAgain}>
            {t('signInAgain')}
          </button>
        </div>
      )}
      <AccountCard state={state} now={now} />
      <CopyTokenPanel state={state} now={now} />
      {state.token.kind === 'pat' && state.token.expiresAt === null && !rejected && (
        <p class="hint">
          {t('patNoExpiryHint')}{' '}
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('addExpiryDate')}
          </button>
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          {t('refresh')}
        </button>
        <button type="button" onClick={signOut} disabled={signingOut} aria-busy={signingOut}>
          {t('signOut')}
        </button>
      </div>
      {/* A rejected token no longer works: there is nothing left to revoke. */}
      {state.token.kind === 'pat' && !rejected && (
        <p class="hint">
          <TextWithLink text={t('signOutPatHint')} href={PERSONAL_ACCESS_TOKENS_URL} />
        </p>
      )}
      <AppsSection apps={apps} preferences={appsPreferences} tokenState={state} now={now} request={appsRequest} />
    </>
  );
}
