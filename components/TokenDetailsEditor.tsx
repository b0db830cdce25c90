import { useEffect, useState } from 'preact/hooks';
import { sendIntent } from '../lib/messages';
import { checkPatExpiry, dateInputFromExpiry, expiryFromDateInput } from '../lib/pat-expiry';
import { describeAge, describeExpiry, formatDate, formatDateTime } from '../lib/expiry-wording';
import type { TokenState } from '../lib/stored-state';
import { TOKEN_KIND_LABELS, fullName } from './AccountCard';
import { Alert } from './Alert';

export type TokenStatus = 'valid' | 'rejected' | 'expired' | 'unknown';

export function tokenStatus(state: TokenState, now: number): TokenStatus {
  if (state.check.status === 'rejected') return 'rejected';
  if (state.token.expiresAt !== null && state.token.expiresAt <= now) return 'expired';
  return state.check.status;
}

const STATUS_WORDS: Record<TokenStatus, string> = {
  valid: 'Valid: TelemetryDeck accepted it at the last check',
  rejected: 'Rejected: TelemetryDeck no longer accepts it (revoked, expired or mistyped)',
  expired: 'Expired',
  unknown: 'Unknown: not checked yet',
};

/** The options page's view of the current token: name and expiry are editable, the secret never shown. */
export function TokenDetailsEditor({ state, now, onRemove }: { state: TokenState; now: number; onRemove: () => void }) {
  const { token, account, check } = state;
  const [name, setName] = useState(token.name ?? '');
  const [expiryDate, setExpiryDate] = useState(token.expiresAt !== null ? dateInputFromExpiry(token.expiresAt) : '');
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);

  useEffect(() => setName(token.name ?? ''), [token.name]);
  useEffect(() => setExpiryDate(token.expiresAt !== null ? dateInputFromExpiry(token.expiresAt) : ''), [token.expiresAt]);

  async function save(event: Event) {
    event.preventDefault();
    let expiresAt: number | null | undefined;
    if (token.kind === 'pat') {
      expiresAt = expiryDate ? expiryFromDateInput(expiryDate) : null;
      if (expiryDate && expiresAt === null) {
        setMessage({ kind: 'error', text: 'That expiry date is not a valid date.' });
        return;
      }
      const checked = checkPatExpiry(expiresAt, Date.now());
      if (!checked.ok) {
        setMessage({ kind: 'error', text: checked.message });
        return;
      }
    }
    const result = await sendIntent({ type: 'setTokenDetails', name, ...(token.kind === 'pat' ? { expiresAt } : {}) });
    setMessage(result.ok ? { kind: 'saved', text: 'Saved.' } : { kind: 'error', text: result.error.message });
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="current-token-heading" noValidate>
      <h2 id="current-token-heading">Current token</h2>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{TOKEN_KIND_LABELS[token.kind]}</dd>
        <dt>Account</dt>
        <dd>{account ? `${fullName(account)} (${account.email})` : 'Not loaded yet'}</dd>
        <dt>Value</dt>
        <dd>
          <code>{token.masked}</code>
        </dd>
        <dt>Added</dt>
        <dd>{formatDateTime(token.addedAt)}</dd>
        <dt>Last check</dt>
        <dd>{check.lastSuccessAt !== undefined ? `${formatDateTime(check.lastSuccessAt)} (${describeAge(check.lastSuccessAt, now)})` : 'Never'}</dd>
        <dt>Status</dt>
        <dd data-status={tokenStatus(state, now)}>{STATUS_WORDS[tokenStatus(state, now)]}</dd>
      </dl>
      <label for="token-name">Name</label>
      <input id="token-name" type="text" maxLength={200} value={name} onInput={(event) => setName(event.currentTarget.value)} placeholder="e.g. Browser toolbar" />
      {token.kind === 'pat' ? (
        <>
          <label for="expiry-date">Expiry date</label>
          <input
            id="expiry-date"
            type="date"
            value={expiryDate}
            min={dateInputFromExpiry(now)}
            onInput={(event) => setExpiryDate(event.currentTarget.value)}
            aria-describedby="expiry-hint"
          />
          <p id="expiry-hint" class="hint">
            {describeExpiry(token.expiresAt, now)}. The date you picked when creating the token in the dashboard; it
            counts as expiring at the end of that day.
          </p>
        </>
      ) : (
        <p class="hint">
          Expiry (set by TelemetryDeck): {token.expiresAt !== null ? `${formatDate(token.expiresAt)}, ${describeExpiry(token.expiresAt, now).toLowerCase()}` : 'not given'}.
        </p>
      )}
      {message?.kind === 'error' && <Alert>{message.text}</Alert>}
      {message?.kind === 'saved' && <p role="status" class="saved">{message.text}</p>}
      <div class="actions">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" class="danger" onClick={onRemove}>
          Remove
        </button>
      </div>
    </form>
  );
}
