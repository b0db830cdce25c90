import { uiLocale } from './i18n';
import { formatDateTime } from './intl-formatters';

/**
 * A calendar date in the user's words, e.g. "Dec 4, 2026" ("04.12.2026" in German). A module of its own:
 * the popup shows no bare dates, so this stays out of the code it shares with the options page.
 */
export function formatDate(at: number): string {
  return formatDateTime(uiLocale(), { dateStyle: 'medium' }, at);
}
