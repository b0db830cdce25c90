import { Header } from '../../components/Header';
import { AppsPreferencesSection } from '../../components/options/AppsPreferencesSection';
import { ClipboardSection } from '../../components/options/ClipboardSection';
import { ConnectionSection } from '../../components/options/ConnectionSection';
import { CurrentTokenSection } from '../../components/options/CurrentTokenSection';
import { DiagnosticsSection } from '../../components/options/DiagnosticsSection';
import { ForgetEverythingSection } from '../../components/options/ForgetEverythingSection';
import { KeyboardShortcutSection } from '../../components/options/KeyboardShortcutSection';
import { PrivacySection } from '../../components/options/PrivacySection';
import { RemindersSection } from '../../components/options/RemindersSection';
import { RevocationsSection } from '../../components/options/RevocationsSection';
import { TrackedTokensSection } from '../../components/options/TrackedTokensSection';
import { useNow, useSnapshot } from '../../components/use-snapshot';
import { appsForSignIn } from '../../lib/apps/refresh-policy';
import type { ScreenChanges } from '../../lib/state/screen/screen-snapshot';
import type { Snapshot } from '../../lib/state/snapshot';

/** Reads the stored snapshot and sends intents; never fetches, never writes storage. */
export function OptionsApp({ initial, changes }: { initial: Snapshot; changes: ScreenChanges }) {
  const snapshot = useSnapshot(initial, changes);
  const now = useNow();
  const { tokenState, settings, reminders } = snapshot;

  return (
    <main>
      <Header />
      <CurrentTokenSection tokenState={tokenState} now={now} />
      <RemindersSection reminders={settings.reminders} revalidateEveryMs={settings.revalidateEveryMs} />
      <RevocationsSection revocations={reminders.revocations} />
      <TrackedTokensSection tracked={reminders.tracked} now={now} />
      <AppsPreferencesSection
        apps={tokenState ? appsForSignIn(snapshot.apps, tokenState.token.addedAt) : null}
        preferences={settings.apps}
        signedIn={tokenState !== null}
      />
      <ConnectionSection apiOrigin={settings.apiOrigin} signedIn={tokenState !== null} />
      <PrivacySection keepSignedIn={settings.keepSignedIn} />
      <ClipboardSection clearAfterMs={settings.clipboardClearAfterMs} />
      <KeyboardShortcutSection />
      <DiagnosticsSection />
      <ForgetEverythingSection />
    </main>
  );
}
