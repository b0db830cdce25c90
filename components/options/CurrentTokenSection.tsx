import { useState } from 'preact/hooks';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import type { TokenState } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { Alert } from '../Alert';
import { TokenDetailsEditor } from './TokenDetailsEditor';

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
        <h2 id="no-token-heading">{t('noTokenHeading')}</h2>
        <p>{t('noTokenText')}</p>
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
