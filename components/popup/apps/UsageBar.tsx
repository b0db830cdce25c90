import { formatCount, formatPercent } from '../../../lib/apps/screen/number-format';
import { t } from '../../../lib/text/i18n';

/** The organization's signals this period, as a bar and in words (colour is never the only signal). */
export function UsageBar({ fraction, maxSignals, locale }: { fraction: number; maxSignals: number | undefined; locale: string }) {
  const percent = Math.max(0, fraction * 100);
  const level = percent >= 100 ? 'over' : percent >= 80 ? 'high' : 'normal';
  const words =
    maxSignals !== undefined
      ? t('appsUsageOfMax', formatPercent(fraction, locale), formatCount(maxSignals, locale))
      : t('appsUsageFraction', formatPercent(fraction, locale));
  return (
    <div class="usage">
      {/* biome-ignore lint/a11y/useSemanticElements: a drawn track with its words beside it; <meter> cannot be styled alike in Chrome and Firefox */}
      <div
        class="usage-track"
        role="meter"
        aria-label={t('appsUsageLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round(percent * 10) / 10)}
        aria-valuetext={words}
      >
        <div class={`usage-fill ${level}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
      <p class="usage-text">{words}</p>
    </div>
  );
}
