import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Alert';
import { Header } from '../../components/Header';
import { useNow, useSnapshot } from '../../components/use-snapshot';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { discardedNotice } from '../../lib/state/notices';
import type { ScreenChanges } from '../../lib/state/screen/screen-snapshot';
import type { Snapshot } from '../../lib/state/snapshot';
import { useView } from './popup-views';

export function PopupApp({ initial, changes }: { initial: Snapshot; changes: ScreenChanges }) {
  const snapshot = useSnapshot(initial, changes);
  const now = useNow();
  const [removedPat, setRemovedPat] = useState(false);
  const [signingInAgain, setSigningInAgain] = useState(false);
  const { tokenState } = snapshot;
  // A new sign-in (or none) ends signing in again.
  useEffect(() => setSigningInAgain(false), [tokenState?.token.addedAt]);
  const signedIn = tokenState !== null && !signingInAgain;
  const signedInView = useView('signedIn', signedIn);
  const signInView = useView('signIn', !signedIn);
  const notice = snapshot.notice?.message ?? (snapshot.discarded ? discardedNotice() : null);

  return (
    <main>
      <Header />
      {notice && <Notice onDismiss={snapshot.notice ? () => void sendIntent({ type: 'dismissNotice' }) : undefined}>{notice}</Notice>}
      {/* Each page holds one state's code, and loads the other's if needed (popup-views.ts); start-popup.tsx paints once the first is there. */}
      {signedIn
        ? signedInView && (
            <signedInView.SignedInView
              state={tokenState}
              apps={snapshot.apps}
              appsPreferences={snapshot.settings.apps}
              now={now}
              onSignedOut={setRemovedPat}
              onSignInAgain={() => setSigningInAgain(true)}
            />
          )
        : signInView && (
            <signInView.SignedOutView
              removedPat={removedPat}
              again={tokenState ? { email: tokenState.account?.email, onCancel: () => setSigningInAgain(false) } : undefined}
            />
          )}
    </main>
  );
}
