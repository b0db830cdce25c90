import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../../lib/api/origins';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { t } from '../../lib/text/i18n';
import { checkPersonalAccessToken } from '../../lib/token/format';
import { DASHBOARD_EXPIRY_WINDOWS_DAYS, expiryWindowLabel } from '../../lib/token/pat-expiry';
import { chosenExpiry, type ExpiryChoice, todayForDateInput } from '../../lib/token/screen/expiry-window';
import { Alert } from '../Alert';
import { TextWithLink } from './TextWithLink';

export function TokenSignInForm() {
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [expiryChoice, setExpiryChoice] = useState<ExpiryChoice>('unknown');
  const [expiryDate, setExpiryDate] = useState('');
  const [createdOn, setCreatedOn] = useState(() => todayForDateInput(Date.now()));
  const [tokenFocused, setTokenFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const checked = checkPersonalAccessToken(token);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    // The API never tells us a token's expiry: where the user gave one, it is what they picked in the dashboard.
    const expiry = chosenExpiry(expiryChoice, { date: expiryDate, createdOn }, Date.now());
    if (!expiry.ok) {
      setError(expiry.message);
      return;
    }
    setError(null);
    setBusy(true);
    const result = await sendIntent({
      type: 'signInWithToken',
      token: checked.token,
      name: name.trim() || undefined,
      expiresAt: expiry.expiresAt,
      createdAt: expiry.createdAt,
    });
    setBusy(false);
    if (result.ok) setToken('');
    else setError(result.error.message);
  }

  return (
    <form onSubmit={onSubmit} aria-busy={busy} noValidate>
      <label for="pat">{t('patFieldLabel')}</label>
      <input
        id="pat"
        name="pat"
        type="text"
        class={tokenFocused || !token ? '' : 'concealed'}
        value={token}
        onInput={(event) => setToken(event.currentTarget.value)}
        onFocus={() => setTokenFocused(true)}
        onBlur={() => setTokenFocused(false)}
        placeholder="tdpat_…"
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        aria-invalid={error !== null}
        aria-describedby="pat-hint"
        // biome-ignore lint/a11y/noAutofocus: the popup opens to sign in, so focus starts in its first field (UI contract)
        autoFocus
      />
      <p id="pat-hint" class="hint">
        <TextWithLink text={t('patHint')} href={PERSONAL_ACCESS_TOKENS_URL} />
      </p>
      <details class="optional-details">
        <summary>{t('patOptional')}</summary>
        <label for="pat-name">{t('tokenNameLabel')}</label>
        <input
          id="pat-name"
          type="text"
          value={name}
          maxLength={200}
          onInput={(event) => setName(event.currentTarget.value)}
          placeholder={t('tokenNamePlaceholder')}
          autocomplete="off"
        />
        <label for="pat-expiry">{t('patExpiresLabel')}</label>
        <select id="pat-expiry" value={expiryChoice} onChange={(event) => setExpiryChoice(event.currentTarget.value as ExpiryChoice)}>
          <option value="unknown">{t('patExpiryUnknown')}</option>
          {DASHBOARD_EXPIRY_WINDOWS_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {expiryWindowLabel(days)}
            </option>
          ))}
          <option value="date">{t('patExpiryOnDate')}</option>
        </select>
        {expiryChoice === 'date' && (
          <>
            <label for="pat-expiry-date">{t('expiresOnLabel')}</label>
            <input id="pat-expiry-date" type="date" value={expiryDate} onInput={(event) => setExpiryDate(event.currentTarget.value)} />
          </>
        )}
        {expiryChoice !== 'date' && expiryChoice !== 'unknown' && (
          <>
            <label for="pat-created">{t('createdOnLabel')}</label>
            <input
              id="pat-created"
              type="date"
              value={createdOn}
              max={todayForDateInput(Date.now())}
              onInput={(event) => setCreatedOn(event.currentTarget.value)}
            />
          </>
        )}
        <p class="hint">{t('patExpiryHint')}</p>
      </details>
      {error && <Alert>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
