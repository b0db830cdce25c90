import type { TokenState } from '../lib/state/types';
import { describeAge, describeExpiry, formatDateTime } from '../lib/text/expiry-wording';
import { t } from '../lib/text/i18n';

export function tokenKindLabel(kind: TokenState['token']['kind']): string {
  return t(kind === 'pat' ? 'tokenKindPat' : 'tokenKindSession');
}

export function fullName(account: { firstName?: string; lastName?: string; email: string }): string {
  return [account.firstName, account.lastName].filter(Boolean).join(' ') || account.email;
}

function describeLastCheck(check: TokenState['check'], now: number): string {
  if (check.status === 'rejected' && check.lastAttemptAt !== undefined) return t('checkRejected', describeAge(check.lastAttemptAt, now));
  if (check.lastSuccessAt === undefined) return t('checkNever');
  const updated = describeAge(check.lastSuccessAt, now);
  return check.error && check.lastAttemptAt !== undefined
    ? t('checkUpdatedLastFailed', updated, describeAge(check.lastAttemptAt, now))
    : t('checkUpdated', updated);
}

/** Who the token belongs to and what it is, at a glance. Shows only the masked token. */
export function AccountCard({ state, now }: { state: TokenState; now: number }) {
  const { account, token, check } = state;
  const expired = token.expiresAt !== null && token.expiresAt <= now;
  return (
    <section class="card" aria-label={t('accountRegion')}>
      {account ? (
        <>
          <h2 class="account-name">{fullName(account)}</h2>
          <p class="account-email">
            {account.email}{' '}
            {account.emailIsVerified !== undefined && (
              <span class={account.emailIsVerified ? 'pill ok' : 'pill warn'}>
                {t(account.emailIsVerified ? 'emailVerified' : 'emailNotVerified')}
              </span>
            )}
          </p>
          {account.organizationName && <p class="account-org">{account.organizationName}</p>}
        </>
      ) : (
        <h2 class="account-name">{t('accountNotLoaded')}</h2>
      )}
      <dl class="facts">
        <dt>{t('factToken')}</dt>
        <dd>
          {tokenKindLabel(token.kind)}
          {token.name && <> · {t('quoted', token.name)}</>}
        </dd>
        <dt>{t('factValue')}</dt>
        <dd>
          <code>{token.masked}</code>
        </dd>
        <dt>{t('factExpiry')}</dt>
        <dd class={expired ? 'danger' : undefined}>
          {describeExpiry(token.expiresAt, now)}
          {token.expiresAt !== null && <span class="muted"> ({formatDateTime(token.expiresAt)})</span>}
        </dd>
        <dt>{t('factChecked')}</dt>
        <dd>{describeLastCheck(check, now)}</dd>
      </dl>
    </section>
  );
}
