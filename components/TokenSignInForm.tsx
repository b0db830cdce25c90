import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../lib/api/origins';
import { sendIntent } from '../lib/protocol/send-intent';
import { t } from '../lib/text/i18n';
import { expiryFromDateInput } from '../lib/time/date-input';
import { DAY_MS } from '../lib/time/units';
import { checkPersonalAccessToken } from '../lib/token/format';
import { checkPatExpiry, DASHBOARD_EXPIRY_WINDOWS_DAYS, expiryWindowLabel } from '../lib/token/pat-expiry';
import { Alert } from './Alert';
import { TextWithLink } from './TextWithLink';

type ExpiryChoice = 'unknown' | 'date' | `${number}`;

/** Where the user gave one, the expiry they picked in the dashboard: the API never tells us. */
function chosenExpiry(
  choice: ExpiryChoice,
  date: string,
  now: number,
): { ok: true; expiresAt: number | null } | { ok: false; message: string } {
  if (choice === 'unknown') return { ok: true, expiresAt: null };
  if (choice === 'date') {
    const expiresAt = expiryFromDateInput(date);
    if (expiresAt === null) return { ok: false, message: t('patPickDayOrUnknown') };
    return checkPatExpiry(expiresAt, now);
  }
  return { ok: true, expiresAt: now + Number(choice) * DAY_MS };
}

export function TokenSignInForm() {
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [expiryChoice, setExpiryChoice] = useState<ExpiryChoice>('unknown');
  const [expiryDate, setExpiryDate] = useState('');
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
    const expiry = chosenExpiry(expiryChoice, expiryDate, Date.now());
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
        <p class="hint">{t('patExpiryHint')}</p>
      </details>
      {error && <Alert>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
