import { resetUiLocale } from '../../lib/text/i18n';
import { type Catalog, messageFrom, readCatalog } from '../../scripts/message-catalog';

/** The language the fake browser answers `i18n.getMessage` in: English unless a test switches. */
const catalogs = new Map<string, Catalog>();
let language = 'en';

export function useLanguage(next: string): void {
  language = next;
  resetUiLocale();
}

/** The browser's language, as `i18n.getUILanguage` answers it. */
export function getUILanguage(): string {
  return language;
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  if (!catalogs.has(language)) catalogs.set(language, readCatalog(language));
  const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return messageFrom(catalogs.get(language)!, key, list);
}
