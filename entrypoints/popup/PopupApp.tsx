import { useState } from 'preact/hooks';
import { Notice } from '../../components/Alert';
import { Header } from '../../components/Header';
import { useNow, useSnapshot } from '../../components/use-snapshot';
import { sendIntent } from '../../lib/protocol/send-intent';
import { discardedNotice } from '../../lib/state/notices';
import type { Snapshot } from '../../lib/state/snapshot';
import { useView } from './popup-views';

export function PopupApp({ initial }: { initial: Snapshot }) {
  const snapshot = useSnapshot(initial);
  const now = useNow();
  const [removedPat, setRemovedPat] = useState(false);
  const { tokenState } = snapshot;
  const signedInView = useView('signedIn', tokenState !== null);
  const signInView = useView('signIn', tokenState === null);
  const notice = snapshot.notice?.message ?? (snapshot.discarded ? discardedNotice() : null);

  return (
    <main>
      <Header />
      {notice && <Notice onDismiss={snapshot.notice ? () => void sendIntent({ type: 'dismissNotice' }) : undefined}>{notice}</Notice>}
      {/* Each page holds one state's code, and loads the other's if needed (popup-views.ts); start-popup.tsx paints once the first is there. */}
      {tokenState
        ? signedInView && (
            <signedInView.SignedInView
              state={tokenState}
              apps={snapshot.apps}
              appsPreferences={snapshot.settings.apps}
              now={now}
              onSignedOut={setRemovedPat}
            />
          )
        : signInView && <signInView.SignedOutView removedPat={removedPat} />}
    </main>
  );
}
