import { useState } from 'preact/hooks';
import { sendIntent } from '../../lib/messages';
import type { TokenState } from '../../lib/stored-state';
import { Alert } from '../Alert';
import { TokenDetailsEditor } from '../TokenDetailsEditor';

/** The signed-in token's details, or how to sign in when there is none. */
export function CurrentTokenSection({ tokenState, now }: { tokenState: TokenState | null; now: number }) {
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    const result = await sendIntent({ type: 'signOut' });
    setError(result.ok ? null : result.error.message);
  }

  if (!tokenState) {
    return (
      <section class="card" aria-labelledby="no-token-heading">
        <h2 id="no-token-heading">No token yet</h2>
        <p>Open the extension from the toolbar and sign in with a personal access token or your email and password.</p>
      </section>
    );
  }
  return (
    <section class="current-token" aria-labelledby="current-token-heading">
      <TokenDetailsEditor key={tokenState.token.addedAt} state={tokenState} now={now} onRemove={remove} />
      {error && <Alert>{error}</Alert>}
    </section>
  );
}
