import { formatLeadTime } from '../../lib/text/duration-wording';
import { t } from '../../lib/text/i18n';

/** "7 days before expiry" / "at expiry": the words for one reminder time, inside a sentence. */
export function leadTimeWords(ms: number): string {
  return ms === 0 ? t('leadAtExpiry') : t('leadBeforeExpiry', formatLeadTime(ms));
}

/** The same, starting a line: "7 days before expiry" / "At expiry". */
export function leadTimeLabel(ms: number): string {
  const words = leadTimeWords(ms);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
