import { useState } from 'preact/hooks';
import { sendIntent } from '../lib/messages';
import { Alert } from './Alert';

export function PasswordSignInForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError('Enter both your email address and your password.');
      return;
    }
    setError(null);
    setBusy(true);
    const result = await sendIntent({ type: 'signInWithPassword', email: email.trim(), password });
    // The password leaves the form with this one request and is kept nowhere.
    setPassword('');
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <form onSubmit={onSubmit} aria-busy={busy} noValidate>
      <label for="email">Email</label>
      <input
        id="email"
        type="email"
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
        autocomplete="username"
        spellcheck={false}
      />
      <label for="password">Password</label>
      <input
        id="password"
        type="password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
        autocomplete="current-password"
        aria-invalid={error !== null}
      />
      <p class="hint">Signed up with Google, GitHub or Okta? Those accounts have no password: use a personal access token.</p>
      {error && <Alert>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
