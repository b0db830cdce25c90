import { DEFAULT_APP_LIMIT, selectShownApps } from '../../lib/apps/selection';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import type { AppsPreferences, AppsState } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';
import { usePendingValue } from './use-pending-value';

/** Which apps the popup shows, and whether test-mode data counts in their numbers. */
export function AppsPreferencesSection({
  apps,
  preferences,
  signedIn,
}: {
  apps: AppsState | null;
  preferences: AppsPreferences;
  signedIn: boolean;
}) {
  const outcome = useOutcome<'choice' | 'testMode'>();
  // What is shown is the latest choice until storage holds it, so that quick clicks build on each other.
  const [chosenShown, setChosenShown, settleChoice] = usePendingValue(preferences.selectedAppIds);
  const [excludeShown, setExcludeShown, settleExclude] = usePendingValue(preferences.excludeTestMode);

  const organizations = apps?.organizations ?? [];

  async function choose(selectedAppIds: string[] | null) {
    setChosenShown(selectedAppIds);
    outcome.clear();
    const result = await sendIntent({ type: 'setAppsPreferences', selectedAppIds });
    if (result.ok) {
      outcome.saved('choice');
    } else {
      settleChoice();
      outcome.failed('choice', result.error.message);
    }
  }

  function chooseMine() {
    // Start from what the popup shows now, so that switching changes nothing until a box is ticked.
    const shown = selectShownApps(organizations, { ...preferences, selectedAppIds: null }).flatMap((organization) =>
      organization.apps.map((app) => app.id),
    );
    void choose(shown);
  }

  function toggleApp(id: string, on: boolean) {
    const current = chosenShown ?? [];
    const next = on ? [...current.filter((other) => other !== id), id] : current.filter((other) => other !== id);
    void choose(next);
  }

  async function toggleTestMode(event: Event & { currentTarget: HTMLInputElement }) {
    const next = event.currentTarget.checked;
    setExcludeShown(next);
    outcome.clear();
    const result = await sendIntent({ type: 'setAppsPreferences', excludeTestMode: next });
    if (result.ok) {
      outcome.saved('testMode', t('appsPrefsTestModeSaved'));
    } else {
      settleExclude();
      outcome.failed('testMode', result.error.message);
    }
  }

  const chosen = new Set(chosenShown ?? []);
  return (
    <section class="card" aria-labelledby="apps-preferences-heading">
      <h2 id="apps-preferences-heading">{t('appsPrefsHeading')}</h2>
      <p class="hint section-intro">{t('appsPrefsIntro')}</p>
      <fieldset class="choices">
        <legend>{t('appsPrefsWhich')}</legend>
        <label class="check">
          <input type="radio" name="apps-choice" checked={chosenShown === null} onChange={() => void choose(null)} />
          {t('appsPrefsTop', DEFAULT_APP_LIMIT)}
        </label>
        <label class="check">
          <input type="radio" name="apps-choice" checked={chosenShown !== null} onChange={chooseMine} />
          {t('appsPrefsMine')}
        </label>
        {chosenShown !== null && (
          <div class="nested-field">
            {organizations.length === 0 ? (
              <p class="empty">{t(signedIn ? 'appsPrefsNotLoaded' : 'appsPrefsSignIn')}</p>
            ) : (
              organizations.map((organization) => (
                <fieldset key={organization.id} class="choices app-choices">
                  <legend>{organization.name}</legend>
                  {organization.apps.length === 0 && <p class="empty">{t('appsNoneInOrganization')}</p>}
                  {organization.apps.map((app) => (
                    <label key={app.id} class="check">
                      <input
                        type="checkbox"
                        checked={chosen.has(app.id)}
                        onChange={(event) => toggleApp(app.id, event.currentTarget.checked)}
                      />
                      {app.name}
                    </label>
                  ))}
                </fieldset>
              ))
            )}
          </div>
        )}
      </fieldset>
      <OutcomeMessage outcome={outcome.at('choice')} />
      <label class="check">
        <input type="checkbox" checked={excludeShown} onChange={(event) => void toggleTestMode(event)} aria-describedby="test-mode-hint" />
        {t('appsPrefsExcludeTestMode')}
      </label>
      <p id="test-mode-hint" class="hint check-hint">
        {t('appsPrefsTestModeHint')}
      </p>
      <OutcomeMessage outcome={outcome.at('testMode')} />
    </section>
  );
}
