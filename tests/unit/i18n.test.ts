import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expiryNotification } from '../../lib/reminders/wording';
import { formatDate } from '../../lib/text/calendar-date';
import { describeAge, describeExpiry } from '../../lib/text/expiry-wording';
import { plural, t, uiLocale } from '../../lib/text/i18n';
import { badgeForState } from '../../lib/toolbar/badge';
import { LANGUAGES, readCatalog } from '../../scripts/message-catalog';
import { signedInState } from './state-fixtures';
import { useLanguage } from './test-language';

const ROOT = join(import.meta.dirname, '../..');
const english = readCatalog('en');
const keys = Object.keys(english);

/** Messages that read the same in German: names, codes and patterns of placeholders only. */
const SAME_IN_GERMAN = [
  'accountWithEmail',
  'badgeTitleExpiry',
  'dateWithAge',
  'delaySeconds',
  'extName',
  'factStatus',
  'factToken',
  'nameLabel',
  'serverCurrent',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}
const source = [...['lib', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir))), join(ROOT, 'wxt.config.ts')]
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

const positional = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
const braces = (message: string) => (message.match(/[{}]/g) ?? []).join('');

describe('the message catalogs', () => {
  it('come in English and German', () => {
    expect(LANGUAGES).toEqual(['de', 'en']);
  });

  it.each(LANGUAGES)('%s has exactly the keys of English, none missing and none extra', (language) => {
    expect(Object.keys(readCatalog(language)).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES)('%s fills in the same placeholders and links as English in every message', (language) => {
    const catalog = readCatalog(language);
    for (const key of keys) {
      const message = catalog[key]!.message;
      expect(positional(message), `${language} ${key}`).toEqual(positional(english[key]!.message));
      expect(braces(message), `${language} ${key}`).toEqual(braces(english[key]!.message));
      // "$word$" names a placeholder; an undefined one makes the browser refuse to load the extension.
      expect(message.replace(/\$\$/g, ''), `${language} ${key}`).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
      expect(message.trim(), `${language} ${key}`).not.toBe('');
    }
    expect(catalog.localeLanguage!.message).toBe(language);
  });

  it('names every key as the browsers require, distinct regardless of case', () => {
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it('has German of its own for every message but names and patterns', () => {
    const german = readCatalog('de');
    const same = keys.filter((key) => german[key]!.message === english[key]!.message && key !== 'localeLanguage');
    expect(same.sort()).toEqual(SAME_IN_GERMAN);
  });

  it('holds no message the code does not use', () => {
    const unused = keys.filter((key) => !source.includes(`'${key}'`) && !source.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('fits the stores’ limits for the name and the description', () => {
    for (const language of LANGUAGES) {
      const catalog = readCatalog(language);
      expect(catalog.extName!.message.length).toBeLessThanOrEqual(45);
      expect(catalog.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('words in German', () => {
  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 11, 1, 12);

  it('says when a token expires, and how long ago a check was', () => {
    useLanguage('de');
    expect(uiLocale()).toBe('de');
    expect(describeExpiry(NOW + 5 * DAY, NOW)).toBe('Läuft in 5 Tagen ab');
    expect(describeExpiry(NOW - 2 * 3_600_000, NOW)).toBe('Abgelaufen vor 2 Stunden');
    expect(describeExpiry(null, NOW)).toBe('Kein Ablaufdatum hinterlegt');
    expect(describeAge(NOW - 3 * 60_000, NOW)).toBe('vor 3 Minuten');
    expect(formatDate(Date.UTC(2026, 11, 4, 12))).toBe('04.12.2026');
  });

  it('puts the badge’s tooltip and a reminder in German', () => {
    useLanguage('de');
    const state = signedInState({ expiresAt: NOW + 12 * DAY });
    expect(badgeForState(state, NOW).title).toBe('TelemetryDeck Token Manager: Läuft in 12 Tagen ab');
    expect(badgeForState(null, NOW).title).toBe('TelemetryDeck Token Manager: nicht angemeldet');
    expect(expiryNotification({ kind: 'pat', name: 'CI-Skript' }, NOW + 7 * DAY, NOW)).toEqual({
      title: 'TelemetryDeck-Token: CI-Skript',
      message: 'Läuft in 7 Tagen ab (08.12.2026). Erstellen Sie rechtzeitig ein neues im TelemetryDeck-Dashboard.',
    });
  });

  it('counts by each language’s plural rules', () => {
    expect(plural(1, 'appsMoreOne', 'appsMoreOther')).toBe('1 more app not shown.');
    expect(plural(3, 'appsMoreOne', 'appsMoreOther')).toBe('3 more apps not shown.');
    useLanguage('de');
    expect(plural(1, 'appsMoreOne', 'appsMoreOther')).toBe('1 weitere App nicht angezeigt.');
    expect(t('errorTimeout', '15 Sekunden')).toContain('innerhalb von 15 Sekunden');
  });
});
