import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { diagnosticsReport } from '../../lib/diagnostics/screen/report';
import { watchFailures } from '../../lib/diagnostics/screen/screen-diagnostics';
import type { FailureRecord } from '../../lib/state/types';
import { formatDateTime } from '../../lib/text/expiry-wording';
import { t, uiLocale } from '../../lib/text/i18n';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

/**
 * The background's last failures, for a bug report: listed here, copied as text from this page on the user's
 * click (the clipboard wants a page and a gesture), and cleared through the worker, which owns storage.
 */
export function DiagnosticsSection() {
  const [failures, setFailures] = useState<FailureRecord[]>([]);
  const outcome = useOutcome<'diagnostics'>();
  useEffect(() => watchFailures(setFailures), []);

  async function copy() {
    const manifest = browser.runtime.getManifest();
    const text = diagnosticsReport(
      { extension: `${manifest.name} ${manifest.version}`, browser: navigator.userAgent, language: uiLocale() },
      failures,
    );
    try {
      await navigator.clipboard.writeText(text);
      outcome.saved('diagnostics', t('diagnosticsCopied'));
    } catch {
      outcome.failed('diagnostics', t('diagnosticsNotCopied'));
    }
  }

  return (
    <section class="card" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">{t('diagnosticsHeading')}</h2>
      <p class="hint section-intro">{t('diagnosticsIntro')}</p>
      {failures.length === 0 ? (
        <p class="empty">{t('diagnosticsNone')}</p>
      ) : (
        <ol class="failure-list" aria-labelledby="diagnostics-heading">
          {[...failures].reverse().map((failure, index) => (
            <li key={`${failure.at}-${index}`}>
              <span class="failure-when">{formatDateTime(failure.at)}</span> <code>{failure.step}</code> <code>{failure.kind}</code>
              <span class="failure-line">{failure.message}</span>
            </li>
          ))}
        </ol>
      )}
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          {t('diagnosticsCopy')}
        </button>
        <button
          type="button"
          disabled={outcome.busy === 'diagnostics'}
          aria-busy={outcome.busy === 'diagnostics'}
          onClick={() => void outcome.send('diagnostics', { type: 'clearDiagnostics' }, t('diagnosticsCleared'))}
        >
          {t('diagnosticsClear')}
        </button>
      </div>
      <OutcomeMessage outcome={outcome.at('diagnostics')} />
    </section>
  );
}
