import type { ComponentChildren } from 'preact';
import { t } from '../lib/text/i18n';

/** An error a person can act on. `role="alert"` so screen readers announce it when it appears. */
export function Alert({ children }: { children: ComponentChildren }) {
  return (
    <p class="alert" role="alert">
      {children}
    </p>
  );
}

/** A calm, non-urgent message (`role="status"`). */
export function Notice({ children, onDismiss }: { children: ComponentChildren; onDismiss?: () => void }) {
  return (
    <div class="notice" role="status">
      <span>{children}</span>
      {onDismiss && (
        <button type="button" class="link-button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      )}
    </div>
  );
}
