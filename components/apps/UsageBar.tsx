import { formatCount, formatPercent } from '../../lib/apps-number-format';

/** The organization's signals this period, as a bar and in words (colour is never the only signal). */
export function UsageBar({ fraction, maxSignals, locale }: { fraction: number; maxSignals: number | undefined; locale: string }) {
  const percent = Math.max(0, fraction * 100);
  const level = percent >= 100 ? 'over' : percent >= 80 ? 'high' : 'normal';
  const words =
    maxSignals !== undefined
      ? `${formatPercent(fraction, locale)} of ${formatCount(maxSignals, locale)} signals used this period`
      : `${formatPercent(fraction, locale)} of this period’s signals used`;
  return (
    <div class="usage">
      <div
        class="usage-track"
        role="meter"
        aria-label="Signals used this period"
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
