import { useRef, useState } from 'preact/hooks';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { t } from '../../lib/text/i18n';
import { forgetKeptWords } from '../../lib/text/screen/formatted-words';
import { Alert } from '../Alert';
import { ConfirmStep } from './ConfirmStep';

/** Removes everything this extension keeps in this browser, after one confirmation. */
export function ForgetEverythingSection() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  async function forget() {
    setBusy(true);
    const answer = await sendIntent({ type: 'forgetEverything' });
    setBusy(false);
    setResult(answer.ok ? { ok: true } : { ok: false, message: answer.error.message });
    if (answer.ok) {
      // The worker cannot reach the pages' storage, where the dates and numbers they wrote are kept.
      forgetKeptWords();
      setConfirming(false);
      trigger.current?.focus();
    }
  }

  return (
    <section class="card" aria-labelledby="forget-heading">
      <h2 id="forget-heading">{t('forgetHeading')}</h2>
      <p class="hint section-intro">{t('forgetIntro')}</p>
      <button
        type="button"
        ref={trigger}
        class="danger"
        aria-expanded={confirming}
        onClick={() => {
          setResult(null);
          setConfirming(true);
        }}
      >
        {t('forgetButton')}
      </button>
      {confirming && (
        <ConfirmStep
          message={t('forgetConfirmMessage')}
          confirmLabel={t('forgetConfirm')}
          onConfirm={() => void forget()}
          onCancel={() => {
            setConfirming(false);
            trigger.current?.focus();
          }}
          busy={busy}
        />
      )}
      {result?.ok === true && (
        <p role="status" class="saved">
          {t('forgetDone')}
        </p>
      )}
      {result?.ok === false && <Alert>{result.message}</Alert>}
    </section>
  );
}
