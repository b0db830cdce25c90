import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/text/i18n';

/**
 * An inline second step before something that cannot be undone. Focus moves to "Cancel" (the safe choice),
 * and the group is named by its message, so a screen reader reads the consequence first. (No `useId`, no
 * layout effect: the popup shares the hooks module, and would carry both for nothing.)
 */
export function ConfirmStep({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a question and its two buttons, not form fields that a <fieldset> would group
    <div class="confirm-step" role="group" aria-label={message}>
      <p>{message}</p>
      <div class="actions">
        <button type="button" class="danger-solid" onClick={onConfirm} disabled={busy} aria-busy={busy}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
