import { useRef, useState } from 'preact/hooks';
import { sendIntent } from '../../lib/messages';
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
      setConfirming(false);
      trigger.current?.focus();
    }
  }

  return (
    <section class="card" aria-labelledby="forget-heading">
      <h2 id="forget-heading">Forget everything</h2>
      <p class="hint section-intro">For a shared computer, or before uninstalling the extension.</p>
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
        Forget everything
      </button>
      {confirming && (
        <ConfirmStep
          message="This removes the token, account data, reminders and settings from this browser. Tokens are not revoked."
          confirmLabel="Yes, forget everything"
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
          Everything was forgotten.
        </p>
      )}
      {result?.ok === false && <Alert>{result.message}</Alert>}
    </section>
  );
}
