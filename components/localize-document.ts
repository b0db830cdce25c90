import { type MessageKey, t, uiLocale } from '../lib/text/i18n';

/** The page's language and title follow the browser's, as its words do (screen readers read by `lang`). */
export function localizeDocument(title?: MessageKey): void {
  document.documentElement.lang = uiLocale();
  if (title) document.title = t(title);
}
