// The extension's message catalogs, read outside a browser: for tests, and for scripts that run lib/ in Node.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

const LOCALES_DIR = join(import.meta.dirname, '../public/_locales');

export const LANGUAGES = readdirSync(LOCALES_DIR).sort();

export function readCatalog(language: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES_DIR, language, 'messages.json'), 'utf8'));
}

const lowerCaseIndexes = new WeakMap<Catalog, Map<string, CatalogEntry>>();

/** The catalog by lower-case key, made once per catalog: a lookup per message stays cheap in property tests. */
function byLowerCaseKey(catalog: Catalog): Map<string, CatalogEntry> {
  let index = lowerCaseIndexes.get(catalog);
  if (!index) {
    index = new Map(Object.entries(catalog).map(([name, entry]) => [name.toLowerCase(), entry]));
    lowerCaseIndexes.set(catalog, index);
  }
  return index;
}

/**
 * `i18n.getMessage` as the browsers implement it: keys are case-insensitive, `$name$` takes its
 * placeholder's content, then `$1`…`$9` take the substitutions and `$$` is a dollar sign.
 */
export function messageFrom(catalog: Catalog, key: string, substitutions: readonly string[] = []): string {
  const entry = byLowerCaseKey(catalog).get(key.toLowerCase());
  if (!entry) return '';
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/** Lets lib/ code run in Node with the browser's i18n answered from a catalog (English unless told). */
export function answerMessagesFromCatalog(language = 'en'): void {
  const catalog = readCatalog(language);
  const globals = globalThis as { chrome?: unknown };
  globals.chrome ??= { i18n: { getMessage: (key: string, substitutions?: string[]) => messageFrom(catalog, key, substitutions) } };
}
