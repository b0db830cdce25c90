import { useEffect, useRef, useState } from 'preact/hooks';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { t } from '../../lib/text/i18n';
import { checkPasswordSignIn } from '../../lib/token/password-sign-in';
import { Alert } from '../Alert';

/** Email and password; to sign in again, the account's email comes filled in and the password field has focus. */
export function PasswordSignInForm({ knownEmail }: { knownEmail?: string }) {
  const [email, setEmail] = useState(knownEmail ?? '');
  const passwordField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (knownEmail) passwordField.current?.focus();
  }, []);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const checked = checkPasswordSignIn(email, password);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError(null);
    setBusy(true);
    const result = await sendIntent({ type: 'signInWithPassword', email: checked.email, password: checked.password });
    // The password leaves the form with this one request and is kept nowhere.
    setPassword('');
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <form onSubmit={onSubmit} aria-busy={busy} noValidate>
      <label for="email">{t('emailLabel')}</label>
      <input
        id="email"
        type="email"
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
        autocomplete="username"
        spellcheck={false}
      />
      <label for="password">{t('passwordLabel')}</label>
      <input
        ref={passwordField}
        id="password"
        type="password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
        autocomplete="current-password"
        aria-invalid={error !== null}
      />
      <p class="hint">{t('passwordSsoHint')}</p>
      {error && <Alert>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
