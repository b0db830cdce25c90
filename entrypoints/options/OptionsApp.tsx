import { useState } from 'preact/hooks';
import { Alert } from '../../components/Alert';
import { Header } from '../../components/Header';
import { TokenDetailsEditor } from '../../components/TokenDetailsEditor';
import { useNow, useSnapshot } from '../../components/use-snapshot';
import { sendIntent } from '../../lib/messages';
import type { Snapshot } from '../../lib/storage';

export function OptionsApp({ initial }: { initial: Snapshot }) {
  const snapshot = useSnapshot(initial);
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const { tokenState, settings } = snapshot;

  async function remove() {
    const result = await sendIntent({ type: 'signOut' });
    setError(result.ok ? null : result.error.message);
  }

  return (
    <main>
      <Header />
      {tokenState ? (
        <>
          <TokenDetailsEditor key={tokenState.token.addedAt} state={tokenState} now={now} onRemove={remove} />
          {error && <Alert>{error}</Alert>}
        </>
      ) : (
        <section class="card">
          <h2>No token yet</h2>
          <p>Open the extension from the toolbar and sign in with a personal access token or your email and password.</p>
        </section>
      )}
      <section class="card" aria-labelledby="connection-heading">
        <h2 id="connection-heading">Connection</h2>
        <p>
          API server: <code>{settings.apiOrigin}</code>
        </p>
      </section>
    </main>
  );
}
