import { useEffect, useState } from 'preact/hooks';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import type { TokenState } from '../../lib/state/types';
import { formatDate } from '../../lib/text/calendar-date';
import { describeAge, describeExpiry, formatDateTime } from '../../lib/text/expiry-wording';
import { type MessageKey, t } from '../../lib/text/i18n';
import { dateInputFromExpiry, expiryFromDateInput } from '../../lib/time/screen/date-input';
import { checkPatExpiry } from '../../lib/token/pat-expiry';
import { fullName, tokenKindLabel } from '../AccountCard';
import { Alert } from '../Alert';

export type TokenStatus = 'valid' | 'rejected' | 'expired' | 'unknown';

function tokenStatus(state: TokenState, now: number): TokenStatus {
  if (state.check.status === 'rejected') return 'rejected';
  if (state.token.expiresAt !== null && state.token.expiresAt <= now) return 'expired';
  return state.check.status;
}

const STATUS_WORDS: Record<TokenStatus, MessageKey> = {
  valid: 'statusValid',
  rejected: 'statusRejected',
  expired: 'statusExpired',
  unknown: 'statusUnknown',
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
        setMessage({ kind: 'error', text: t('dateInvalid') });
        return;
      }
      const checked = checkPatExpiry(expiresAt, Date.now());
      if (!checked.ok) {
        setMessage({ kind: 'error', text: checked.message });
        return;
      }
    }
    const result = await sendIntent({ type: 'setTokenDetails', name, ...(token.kind === 'pat' ? { expiresAt } : {}) });
    setMessage(result.ok ? { kind: 'saved', text: t('saved') } : { kind: 'error', text: result.error.message });
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="current-token-heading" noValidate>
      <h2 id="current-token-heading">{t(token.kind === 'session' ? 'currentSessionHeading' : 'currentTokenHeading')}</h2>
      <dl class="facts">
        <dt>{t('factKind')}</dt>
        <dd>{tokenKindLabel(token.kind)}</dd>
        <dt>{t('factAccount')}</dt>
        <dd>{account ? t('accountWithEmail', fullName(account), account.email) : t('notLoadedYet')}</dd>
        <dt>{t('factValue')}</dt>
        <dd>
          <code>{token.masked}</code>
        </dd>
        {token.createdAt !== undefined && (
          <>
            <dt>{t('factCreated')}</dt>
            <dd>{formatDate(token.createdAt)}</dd>
          </>
        )}
        <dt>{t('factAdded')}</dt>
        <dd>{formatDateTime(token.addedAt)}</dd>
        <dt>{t('factLastCheck')}</dt>
        <dd>
          {check.lastSuccessAt !== undefined
            ? t('dateWithAge', formatDateTime(check.lastSuccessAt), describeAge(check.lastSuccessAt, now))
            : t('never')}
        </dd>
        <dt>{t('factStatus')}</dt>
        <dd data-status={tokenStatus(state, now)}>{t(STATUS_WORDS[tokenStatus(state, now)])}</dd>
      </dl>
      <label for="token-name">{t('nameLabel')}</label>
      <input
        id="token-name"
        type="text"
        maxLength={200}
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
        placeholder={t('tokenNamePlaceholder')}
      />
      {token.kind === 'pat' ? (
        <>
          <label for="expiry-date">{t('expiryDateLabel')}</label>
          <input
            id="expiry-date"
            type="date"
            value={expiryDate}
            min={dateInputFromExpiry(now)}
            onInput={(event) => setExpiryDate(event.currentTarget.value)}
            aria-describedby="expiry-hint"
          />
          <p id="expiry-hint" class="hint">
            {t('expiryDateHint', describeExpiry(token.expiresAt, now))}
          </p>
        </>
      ) : (
        <p class="hint">
          {token.expiresAt !== null
            ? t('sessionExpiryGiven', formatDate(token.expiresAt), describeExpiry(token.expiresAt, now))
            : t('sessionExpiryNotGiven')}
        </p>
      )}
      {message?.kind === 'error' && <Alert>{message.text}</Alert>}
      {message?.kind === 'saved' && (
        <p role="status" class="saved">
          {message.text}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <button type="button" class="danger" onClick={onRemove}>
          {t('remove')}
        </button>
      </div>
    </form>
  );
}
