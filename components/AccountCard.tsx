import { describeAge, describeExpiry, formatDateTime } from '../lib/expiry-wording';
import type { TokenState } from '../lib/stored-state';

export const TOKEN_KIND_LABELS = { pat: 'Personal access token', session: 'Signed-in session' } as const;

export function fullName(account: { firstName?: string; lastName?: string; email: string }): string {
  return [account.firstName, account.lastName].filter(Boolean).join(' ') || account.email;
}

function describeLastCheck(check: TokenState['check'], now: number): string {
  if (check.status === 'rejected' && check.lastAttemptAt !== undefined) return `Rejected ${describeAge(check.lastAttemptAt, now)}`;
  if (check.lastSuccessAt === undefined) return 'Not checked yet';
  const updated = `Updated ${describeAge(check.lastSuccessAt, now)}`;
  return check.error && check.lastAttemptAt !== undefined ? `${updated}; last try failed ${describeAge(check.lastAttemptAt, now)}` : updated;
}

/** Who the token belongs to and what it is, at a glance. Shows only the masked token. */
export function AccountCard({ state, now }: { state: TokenState; now: number }) {
  const { account, token, check } = state;
  const expired = token.expiresAt !== null && token.expiresAt <= now;
  return (
    <section class="card" aria-label="Account">
      {account ? (
        <>
          <h2 class="account-name">{fullName(account)}</h2>
          <p class="account-email">
            {account.email}{' '}
            {account.emailIsVerified !== undefined && (
              <span class={account.emailIsVerified ? 'pill ok' : 'pill warn'}>
                {account.emailIsVerified ? 'verified' : 'not verified'}
              </span>
            )}
          </p>
          {account.organizationName && <p class="account-org">{account.organizationName}</p>}
        </>
      ) : (
        <h2 class="account-name">Account details not loaded yet</h2>
      )}
      <dl class="facts">
        <dt>Token</dt>
        <dd>
          {TOKEN_KIND_LABELS[token.kind]}
          {token.name && <> · “{token.name}”</>}
        </dd>
        <dt>Value</dt>
        <dd>
          <code>{token.masked}</code>
        </dd>
        <dt>Expiry</dt>
        <dd class={expired ? 'danger' : undefined}>
          {describeExpiry(token.expiresAt, now)}
          {token.expiresAt !== null && <span class="muted"> ({formatDateTime(token.expiresAt)})</span>}
        </dd>
        <dt>Checked</dt>
        <dd>{describeLastCheck(check, now)}</dd>
      </dl>
    </section>
  );
}
