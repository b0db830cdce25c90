import { useEffect, useState } from 'preact/hooks';
import type { CopyFormat } from '../../lib/protocol/copy-formats';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import type { TokenState } from '../../lib/state/types';
import { type MessageKey, t } from '../../lib/text/i18n';

const FORMATS: [CopyFormat, MessageKey][] = [
  ['token', 'copyFormatToken'],
  ['header', 'copyFormatHeader'],
  ['curl', 'copyFormatCurl'],
  ['shell', 'copyFormatShell'],
  ['powershell', 'copyFormatPowerShell'],
];
/** How long the whole token stays on screen once shown. */
const REVEAL_MS = 30_000;

/**
 * "Copy as…" is a disclosure of the formats as buttons: Tab reaches each of them and arrow keys move between them;
 * Escape closes the list (and not the popup) and goes back to "Copy as…".
 */
function moveWithKeys(event: KeyboardEvent & { currentTarget: HTMLDetailsElement }) {
  const details = event.currentTarget;
  const buttons = [...details.querySelectorAll('button')];
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
  if (!details.open || (event.key !== 'Escape' && !step)) return;
  event.preventDefault();
  if (step) return buttons.at((buttons.indexOf(document.activeElement as HTMLButtonElement) + step) % buttons.length)?.focus();
  details.open = false;
  details.querySelector('summary')?.focus();
}

/**
 * The token put to work, on the user's request only: copied as it is or as a line for a script, or shown whole.
 * The worker hands the token over in the answer to the intent; it is kept in this component's state alone, so it
 * is gone when the popup closes.
 */
export function CopyTokenPanel({ state, now }: { state: TokenState; now: number }) {
  const [status, setStatus] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);

  useEffect(() => {
    if (revealed === null) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);

  async function copy(format: CopyFormat) {
    // Emptied first, so that the same words after a second copy are announced again.
    setStatus('');
    const answer = await sendIntent({ type: 'copyToken', format });
    if (!answer.ok) return setStatus(answer.error.message);
    setStatus(
      await navigator.clipboard.writeText(answer.text).then(
        () => answer.announcement,
        () => t('copyFailed'),
      ),
    );
  }

  async function toggleReveal() {
    if (revealed !== null) return setRevealed(null);
    const answer = await sendIntent({ type: 'revealToken' });
    if (answer.ok) setRevealed(answer.token);
    else setStatus(answer.error.message);
  }

  const { token, check } = state;
  const warning =
    check.status === 'rejected' ? 'copyWarningRejected' : token.expiresAt !== null && token.expiresAt <= now && 'copyWarningExpired';
  return (
    <section class="copy" aria-label={t('copyFormatsLabel')}>
      <div class="actions">
        <button type="button" class="primary" onClick={() => copy('token')}>
          {t('copyToken')}
        </button>
        <details class="copy-as" onKeyDown={moveWithKeys}>
          <summary>{t('copyAs')}</summary>
          {/* biome-ignore lint/a11y/useSemanticElements: a named set of buttons, not form fields that a <fieldset> would group */}
          <div class="copy-formats" role="group" aria-label={t('copyFormatsLabel')}>
            {FORMATS.map(([format, label]) => (
              <button
                key={format}
                type="button"
                onClick={(event) => {
                  (event.currentTarget.closest('details') as HTMLDetailsElement).open = false;
                  copy(format);
                }}
              >
                {t(label)}
              </button>
            ))}
          </div>
        </details>
        <button type="button" onClick={toggleReveal}>
          {t(revealed === null ? 'revealToken' : 'hideToken')}
        </button>
      </div>
      {warning && <p class="hint warn">{t(warning)}</p>}
      {revealed !== null && (
        <div class="revealed">
          <label for="revealed-token">{t('revealedTokenLabel')}</label>
          <input id="revealed-token" readOnly value={revealed} spellcheck={false} aria-describedby="revealed-hint" />
          <p id="revealed-hint" class="hint">
            {t('revealedTokenHint')}
          </p>
        </div>
      )}
      <p class="copy-status" role="status">
        {status}
      </p>
    </section>
  );
}
