import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../lib/api-origins';
import { DAY_MS } from '../lib/dates';
import { sendIntent } from '../lib/messages';
import { DASHBOARD_EXPIRY_WINDOWS, checkPatExpiry, expiryFromDateInput } from '../lib/pat-expiry';
import { checkPersonalAccessToken } from '../lib/token-format';
import { Alert } from './Alert';
import { ExternalLink } from './ExternalLink';

type ExpiryChoice = 'unknown' | 'date' | `${number}`;

/** Where the user gave one, the expiry they picked in the dashboard: the API never tells us. */
function chosenExpiry(choice: ExpiryChoice, date: string, now: number): { ok: true; expiresAt: number | null } | { ok: false; message: string } {
  if (choice === 'unknown') return { ok: true, expiresAt: null };
  if (choice === 'date') {
    const expiresAt = expiryFromDateInput(date);
    if (expiresAt === null) return { ok: false, message: 'Pick the day the token expires, or choose “I don’t know”.' };
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
      <label for="pat">Personal access token</label>
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
        autoFocus
      />
      <p id="pat-hint" class="hint">
        Create one in the <ExternalLink href={PERSONAL_ACCESS_TOKENS_URL}>TelemetryDeck dashboard</ExternalLink>: user
        menu → Personal Access Tokens.
      </p>
      <details class="optional-details">
        <summary>Name and expiry (optional)</summary>
        <label for="pat-name">Token name</label>
        <input
          id="pat-name"
          type="text"
          value={name}
          maxLength={200}
          onInput={(event) => setName(event.currentTarget.value)}
          placeholder="e.g. Browser toolbar"
          autocomplete="off"
        />
        <label for="pat-expiry">Expires</label>
        <select id="pat-expiry" value={expiryChoice} onChange={(event) => setExpiryChoice(event.currentTarget.value as ExpiryChoice)}>
          <option value="unknown">I don’t know</option>
          {DASHBOARD_EXPIRY_WINDOWS.map((window) => (
            <option key={window.days} value={String(window.days)}>
              {`${window.label} from now`}
            </option>
          ))}
          <option value="date">On a date…</option>
        </select>
        {expiryChoice === 'date' && (
          <>
            <label for="pat-expiry-date">Expires on</label>
            <input id="pat-expiry-date" type="date" value={expiryDate} onInput={(event) => setExpiryDate(event.currentTarget.value)} />
          </>
        )}
        <p class="hint">TelemetryDeck’s API never reveals a token’s expiry: tell us, and the badge counts down.</p>
      </details>
      {error && <Alert>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
