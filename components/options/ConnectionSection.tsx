import { useEffect, useRef, useState } from 'preact/hooks';
import { CURRENT_API_ORIGIN, LEGACY_API_ORIGIN } from '../../lib/api-origins';
import { checkCustomOrigin, originPattern, serverChoiceFor, type ServerChoice } from '../../lib/api-server';
import { browser } from '../../lib/screen-browser';
import { ConfirmStep } from './ConfirmStep';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

const host = (origin: string) => new URL(origin).host;

const CHOICES: { id: ServerChoice; label: string }[] = [
  { id: 'current', label: `TelemetryDeck (${host(CURRENT_API_ORIGIN)})` },
  { id: 'legacy', label: `TelemetryDeck, older host (${host(LEGACY_API_ORIGIN)})` },
  { id: 'custom', label: 'Custom server' },
];

function describeFailure(error: unknown): string {
  return error instanceof Error && error.message ? ` (${error.message.replace(/\.$/, '')})` : '';
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
      outcome.failed(
        'server',
        `The browser could not ask for permission to reach ${origin}${describeFailure(error)}, so the server was not changed.`,
      );
      return;
    }
    setAsking(false);
    if (!granted) {
      outcome.failed('server', `Permission to reach ${origin} was declined, so the server was not changed.`);
      return;
    }
    if (origin === apiOrigin) {
      outcome.saved('server', `Already using ${origin}.`);
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
    const ok = await outcome.send(
      'server',
      { type: 'setApiServer', origin },
      signsOut ? 'Saved. You are signed out: sign in again from the toolbar with a token for this server.' : 'Saved.',
    );
    if (ok) setConfirming(null);
  }

  function cancel() {
    setConfirming(null);
    submitButton.current?.focus();
  }

  const busy = asking || outcome.busy !== null;
  return (
    <section class="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <p class="section-intro">
        Currently using <code>{apiOrigin}</code>
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset class="choices">
          <legend>API server</legend>
          {CHOICES.map(({ id, label }) => (
            <label key={id} class="check">
              <input type="radio" name="api-server" value={id} checked={choice === id} onChange={() => choose(id)} />
              {label}
            </label>
          ))}
          {choice === 'custom' && (
            <div class="nested-field">
              <label for="custom-origin">Custom server address</label>
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
                An https:// address; http:// only for localhost and 127.0.0.1, while developing. The browser asks you to
                allow the extension to reach it.
              </p>
            </div>
          )}
        </fieldset>
        <button type="submit" ref={submitButton} class="primary" disabled={busy} aria-busy={busy}>
          Use this server
        </button>
      </form>
      {confirming && (
        <ConfirmStep
          message="Changing the server signs you out: a token belongs to one server."
          confirmLabel="Change server and sign out"
          onConfirm={() => void apply(confirming)}
          onCancel={cancel}
          busy={outcome.busy !== null}
        />
      )}
      <OutcomeMessage outcome={outcome.at('server')} />
    </section>
  );
}
