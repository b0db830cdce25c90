import { useState } from 'preact/hooks';
import { Notice } from '../../components/Alert';
import { ExternalLink } from '../../components/ExternalLink';
import { Header } from '../../components/Header';
import { MethodTabs } from '../../components/MethodTabs';
import { PasswordSignInForm } from '../../components/PasswordSignInForm';
import { SignedInView } from '../../components/SignedInView';
import { TokenSignInForm } from '../../components/TokenSignInForm';
import { useNow, useSnapshot } from '../../components/use-snapshot';
import { PERSONAL_ACCESS_TOKENS_URL } from '../../lib/api-origins';
import { sendIntent } from '../../lib/messages';
import type { Snapshot } from '../../lib/storage';
import { DISCARDED_NOTICE } from '../../lib/stored-state';

type Method = 'token' | 'password';

export function PopupApp({ initial }: { initial: Snapshot }) {
  const snapshot = useSnapshot(initial);
  const now = useNow();
  const [method, setMethod] = useState<Method>('token');
  const [removedPat, setRemovedPat] = useState(false);
  const { tokenState } = snapshot;
  const notice = snapshot.notice?.message ?? (snapshot.discarded ? DISCARDED_NOTICE : null);

  return (
    <main>
      <Header />
      {notice && <Notice onDismiss={snapshot.notice ? () => void sendIntent({ type: 'dismissNotice' }) : undefined}>{notice}</Notice>}
      {tokenState ? (
        <SignedInView
          state={tokenState}
          apps={snapshot.apps}
          appsPreferences={snapshot.settings.apps}
          now={now}
          onSignedOut={setRemovedPat}
        />
      ) : (
        <>
          {removedPat && (
            <Notice>
              Signed out. The token still works until you revoke it in the{' '}
              <ExternalLink href={PERSONAL_ACCESS_TOKENS_URL}>TelemetryDeck dashboard</ExternalLink>.
            </Notice>
          )}
          <MethodTabs<Method>
            label="Sign-in method"
            selected={method}
            onSelect={setMethod}
            tabs={[
              { id: 'token', label: 'Access token', panel: <TokenSignInForm /> },
              { id: 'password', label: 'Email & password', panel: <PasswordSignInForm /> },
            ]}
          />
        </>
      )}
    </main>
  );
}
