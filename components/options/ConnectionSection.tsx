import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkCustomOrigin, originPattern, type ServerChoice, serverChoiceFor } from '../../lib/api/custom-server';
import { CURRENT_API_ORIGIN, LEGACY_API_ORIGIN } from '../../lib/api/origins';
import { t } from '../../lib/text/i18n';
import { ConfirmStep } from './ConfirmStep';
import { OutcomeMessage } from './OutcomeMessage';
import { SLOT, Slotted } from './Slotted';
import { useOutcome } from './use-outcome';

const host = (origin: string) => new URL(origin).host;

const CHOICES: { id: ServerChoice; label: () => string }[] = [
  { id: 'current', label: () => t('serverCurrent', host(CURRENT_API_ORIGIN)) },
  { id: 'legacy', label: () => t('serverLegacy', host(LEGACY_API_ORIGIN)) },
  { id: 'custom', label: () => t('serverCustom') },
];

function permissionFailure(origin: string, error: unknown): string {
  const reason = error instanceof Error ? error.message.replace(/\.$/, '') : '';
  return reason ? t('serverPermissionFailedBecause', origin, reason) : t('serverPermissionFailed', origin);
}

/** Which API server the extension talks to. Reaching a new one needs the user's permission, asked for on the click. */
export function ConnectionSection({ apiOrigin, signedIn }: { apiOrigin: string; signedIn: boolean }) {
  const [choice, setChoice] = useState<ServerChoice>(serverChoiceFor(apiOrigin));
  const [custom, setCustom] = useState(serverChoiceFor(apiOrigin) === 'custom' ? apiOrigin : '');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const outcome = useOutcome<'server'>();
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const stored = serverChoiceFor(apiOrigin);
    setChoice(stored);
    if (stored === 'custom') setCustom(apiOrigin);
    setConfirming(null);
  }, [apiOrigin]);

  function choose(next: ServerChoice) {
    setChoice(next);
    setConfirming(null);
    outcome.clear();
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (asking || outcome.busy) return;
    let origin: string;
    if (choice === 'current') origin = CURRENT_API_ORIGIN;
    else if (choice === 'legacy') origin = LEGACY_API_ORIGIN;
    else {
      const checked = checkCustomOrigin(custom);
      if (!checked.ok) {
        outcome.failed('server', checked.message);
        return;
      }
      origin = checked.origin;
    }
    setConfirming(null);
    outcome.clear();
    // Asked before any await: the browser shows its prompt only during the click's user gesture.
    // Where the permission is already held, it answers true at once without a prompt.
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: [originPattern(origin)] });
    } catch (error) {
      request = Promise.reject(error);
    }
    void afterPermission(origin, request);
  }

  async function afterPermission(origin: string, request: Promise<boolean>) {
    setAsking(true);
    let granted: boolean;
    try {
      granted = await request;
    } catch (error) {
      setAsking(false);
      outcome.failed('server', permissionFailure(origin, error));
      return;
    }
    setAsking(false);
    if (!granted) {
      outcome.failed('server', t('serverPermissionDeclined', origin));
      return;
    }
    if (origin === apiOrigin) {
      outcome.saved('server', t('serverAlreadyUsing', origin));
      return;
    }
    if (signedIn) {
      setConfirming(origin);
      return;
    }
    await apply(origin);
  }

  async function apply(origin: string) {
    const signsOut = signedIn && origin !== apiOrigin;
    const ok = await outcome.send('server', { type: 'setApiServer', origin }, signsOut ? t('serverSavedSignedOut') : t('saved'));
    if (ok) setConfirming(null);
  }

  function cancel() {
    setConfirming(null);
    submitButton.current?.focus();
  }

  const busy = asking || outcome.busy !== null;
  return (
    <section class="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connectionHeading')}</h2>
      <p class="section-intro">
        <Slotted text={t('connectionCurrently', SLOT)}>
          <code>{apiOrigin}</code>
        </Slotted>
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset class="choices">
          <legend>{t('connectionServer')}</legend>
          {CHOICES.map(({ id, label }) => (
            <label key={id} class="check">
              <input type="radio" name="api-server" value={id} checked={choice === id} onChange={() => choose(id)} />
              {label()}
            </label>
          ))}
          {choice === 'custom' && (
            <div class="nested-field">
              <label for="custom-origin">{t('serverCustomLabel')}</label>
              <input
                id="custom-origin"
                type="text"
                inputMode="url"
                value={custom}
                onInput={(event) => {
                  setCustom(event.currentTarget.value);
                  setConfirming(null);
                }}
                placeholder="https://api.example.com"
                autocomplete="off"
                autocapitalize="off"
                spellcheck={false}
                aria-invalid={outcome.at('server')?.kind === 'error'}
                aria-describedby="custom-origin-hint"
              />
              <p id="custom-origin-hint" class="hint">
                {t('serverCustomHint')}
              </p>
            </div>
          )}
        </fieldset>
        <button type="submit" ref={submitButton} class="primary" disabled={busy} aria-busy={busy}>
          {t('serverUse')}
        </button>
      </form>
      {confirming && (
        <ConfirmStep
          message={t('serverSignsOut')}
          confirmLabel={t('serverChangeAndSignOut')}
          onConfirm={() => void apply(confirming)}
          onCancel={cancel}
          busy={outcome.busy !== null}
        />
      )}
      <OutcomeMessage outcome={outcome.at('server')} />
    </section>
  );
}
