import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CLEAR_DELAYS_MS } from '../../lib/clipboard/clear-delay';
import { describeShortWait } from '../../lib/clipboard/copy-wording';
import { t } from '../../lib/text/i18n';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';
import { usePendingValue } from './use-pending-value';

const READ_CLIPBOARD: { permissions: ['clipboardRead'] } = { permissions: ['clipboardRead'] };

/**
 * How long a copied token may stay in the clipboard. Clearing reads the clipboard first, to leave alone what the
 * user copied since; that permission carries a warning, so it is asked for here, with the user's own gesture,
 * and never in the popup (a prompt would close the popup in Firefox).
 */
export function ClipboardSection({ clearAfterMs }: { clearAfterMs: number | null }) {
  const outcome = useOutcome<'delay'>();
  const [shown, setShown] = usePendingValue(clearAfterMs);
  const [mayRead, setMayRead] = useState<boolean | null>(null);
  const [declined, setDeclined] = useState(false);

  useEffect(() => {
    browser.permissions.contains(READ_CLIPBOARD).then(setMayRead, () => setMayRead(false));
  }, []);

  /** Must be called before anything is awaited in the handler of a click or a choice. */
  async function askToRead(): Promise<void> {
    const granted = await browser.permissions.request(READ_CLIPBOARD).catch(() => false);
    setMayRead(granted);
    setDeclined(!granted);
  }

  async function choose(event: Event & { currentTarget: HTMLSelectElement }) {
    const next = event.currentTarget.value === 'never' ? null : Number(event.currentTarget.value);
    const asking = next !== null && !mayRead ? askToRead() : undefined;
    setShown(next);
    if (!(await outcome.send('delay', { type: 'setClipboardClearAfter', afterMs: next }))) setShown(clearAfterMs);
    await asking;
  }

  const clearingOff = shown !== null && mayRead === false;
  return (
    <section class="card" aria-labelledby="clipboard-heading">
      <h2 id="clipboard-heading">{t('clipboardHeading')}</h2>
      <p class="section-intro">{t('clipboardIntro')}</p>
      <label for="clipboard-clear-after">{t('clipboardClearLabel')}</label>
      <select
        id="clipboard-clear-after"
        aria-describedby="clipboard-clear-late"
        value={shown === null ? 'never' : String(shown)}
        onChange={(event) => void choose(event)}
      >
        {CLEAR_DELAYS_MS.map((ms) => (
          <option key={String(ms)} value={ms === null ? 'never' : String(ms)}>
            {ms === null ? t('clipboardNever') : describeShortWait(ms)}
          </option>
        ))}
      </select>
      <p id="clipboard-clear-late" class="hint">
        {t('clipboardClearLate')}
      </p>
      <OutcomeMessage outcome={outcome.at('delay')} />
      {clearingOff && (
        <div class="clipboard-permission">
          <p class="hint" role={declined ? 'status' : undefined}>
            {t(declined ? 'clipboardDeclined' : 'clipboardNeedsPermission')}
          </p>
          <button type="button" onClick={() => void askToRead()}>
            {t('clipboardAllow')}
          </button>
        </div>
      )}
    </section>
  );
}
