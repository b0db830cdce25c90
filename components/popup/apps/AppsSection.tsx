import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { appsForSignIn, appsRefreshDue } from '../../../lib/apps/refresh-policy';
import { selectShownApps } from '../../../lib/apps/selection';
import { isNoAnswer } from '../../../lib/protocol/intent-result';
import { sendIntent } from '../../../lib/protocol/screen/send-intent';
import type { AppsPreferences, AppsState, TokenState } from '../../../lib/state/types';
import { describeAge } from '../../../lib/text/expiry-wording';
import { t, uiLocale } from '../../../lib/text/i18n';
import { Alert } from '../../Alert';
import { OrganizationApps } from './OrganizationApps';
import './apps.css';

export interface AppsRefreshRequest {
  reason: 'user' | 'stale';
  /** A new request, even with the same reason, is a new object. */
  at: number;
}

/**
 * The user's organizations and apps with their numbers, painted from storage at once; fresh numbers are
 * asked for after the first paint, and only when the stored ones are due. Its errors stay in here.
 */
export function AppsSection({
  apps,
  preferences,
  tokenState,
  now,
  request,
}: {
  apps: AppsState | null;
  preferences: AppsPreferences;
  tokenState: TokenState;
  now: number;
  /**
   * When to ask for numbers: after the account's own check, so that a rejected token is known first.
   * `user` (the Refresh button) skips the 15-minute limit; `stale` asks only when the stored numbers are due.
   */
  request: AppsRefreshRequest | null;
}) {
  const [updating, setUpdating] = useState(false);
  const [noAnswer, setNoAnswer] = useState<string | null>(null);
  const addedAt = tokenState.token.addedAt;
  const rejected = tokenState.check.status === 'rejected';
  const mine = appsForSignIn(apps, addedAt);
  const locale = uiLocale();

  async function refresh(reason: 'user' | 'stale') {
    setUpdating(true);
    const result = await sendIntent({ type: 'refreshApps', reason });
    setUpdating(false);
    // Other failures are stored with the numbers and shown from there.
    setNoAnswer(isNoAnswer(result) ? result.error.message : null);
  }

  useEffect(() => {
    if (!request || rejected) return;
    if (request.reason === 'stale' && !appsRefreshDue(apps, addedAt, preferences, Date.now())) return;
    void refresh(request.reason);
  }, [request]);

  const shown = mine ? selectShownApps(mine.organizations, preferences) : [];
  const status = updating ? t('appsUpdating') : mine?.fetchedAt !== undefined ? t('appsFetched', describeAge(mine.fetchedAt, now)) : '';

  return (
    <section class="card apps" aria-labelledby="apps-heading" aria-busy={updating}>
      <div class="apps-head">
        <h2 id="apps-heading">{t('appsHeading')}</h2>
        <span class="apps-status" aria-live="polite">
          {status}
        </span>
      </div>
      {rejected && <p class="hint">{t('appsSignInAgain')}</p>}
      {noAnswer && <Alert>{noAnswer}</Alert>}
      {/* With a rejected token every call fails; the account's alert already says why. */}
      {mine?.error && !rejected && (
        <Alert>
          {mine.error.message}
          {mine.organizations.length > 0 && ` ${t('appsNumbersFromLastUpdate')}`}
        </Alert>
      )}
      {!mine && !rejected && <p class="muted apps-empty">{t(updating ? 'appsLoading' : 'appsAppearOnceLoaded')}</p>}
      {mine?.fetchedAt !== undefined && mine.organizations.length === 0 && <p class="muted apps-empty">{t('appsNoOrganizations')}</p>}
      {shown.map((organization) => (
        <OrganizationApps
          key={organization.organization.id}
          shown={organization}
          excludeTestMode={preferences.excludeTestMode}
          showErrors={!rejected}
          showName={shown.length > 1 || organization.organization.name !== tokenState.account?.organizationName}
          now={now}
          locale={locale}
        />
      ))}
      {shown.length > 0 && (
        <p class="hint apps-foot">
          {t('appsUsersAreEstimates')}{' '}
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('appsChoose')}
          </button>
        </p>
      )}
    </section>
  );
}
