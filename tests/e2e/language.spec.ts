import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADA } from './helpers';

type Catalog = Record<string, { message: string }>;
const catalog = (language: string): Catalog =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', language, 'messages.json'), 'utf8'));

/**
 * The English words a German screen must not show: each English message that has a German translation of
 * its own, cut at its placeholders and link braces into the pieces a screen would show verbatim.
 */
function englishFragments(): string[] {
  const en = catalog('en');
  const de = catalog('de');
  const german = Object.values(de).map((entry) => entry.message);
  const fragments = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    if (de[key]?.message === message) continue;
    for (const piece of message.split(/\$\d|[{}]/)) {
      const text = piece.trim();
      // Short pieces ("Token", "(HTTP") are shared words, not untranslated sentences.
      if (text.length >= 8 && /[a-z]{3}/i.test(text) && !german.some((line) => line.includes(text))) fragments.add(text);
    }
  }
  return [...fragments];
}

/** What a person or a screen reader meets on the page: its text and the words in its attributes. */
function shownWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]')].flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'].map((name) => element.getAttribute(name) ?? ''),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the words a person sees, not those of hidden elements
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

async function expectNoEnglish(page: Page, screen: string): Promise<void> {
  const words = await shownWords(page);
  const english = englishFragments().filter((fragment) => words.includes(fragment));
  expect(english, `English words on the German ${screen}`).toEqual([]);
}

test.use({ uiLanguage: 'de' });

test('every English message has a German one that differs, so the check below can see what is left in English', () => {
  const en = catalog('en');
  const de = catalog('de');
  expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  expect(englishFragments().length).toBeGreaterThan(150);
});

test('in German, the popup, the badge and the options page show no English', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await expect(popup.getByRole('tab', { name: 'Zugriffstoken' })).toHaveAttribute('aria-selected', 'true');
  await expectNoEnglish(popup, 'sign-in form');

  await popup.getByLabel('Persönliches Zugriffstoken').fill('ghp_not-a-telemetrydeck-token');
  await popup.getByRole('button', { name: 'Anmelden' }).click();
  await expect(popup.getByRole('alert')).toContainText('tdpat_');
  await expectNoEnglish(popup, 'token error');

  await popup.getByRole('tab', { name: 'E-Mail & Passwort' }).click();
  await popup.getByLabel('E-Mail').fill(ADA.email);
  await popup.getByLabel('Passwort', { exact: true }).fill('falsch');
  await popup.getByRole('button', { name: 'Anmelden' }).click();
  await expect(popup.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch');
  await expectNoEnglish(popup, 'password error');

  server.addUser(ADA);
  const token = server.mintPat(ADA.email);
  extension.secrets.add(token);
  await popup.getByRole('tab', { name: 'Zugriffstoken' }).click();
  await popup.getByLabel('Persönliches Zugriffstoken').fill(token);
  await popup.getByText('Name und Ablauf').click();
  await popup.getByLabel('Token-Name').fill('Symbolleiste');
  await popup.getByLabel('Läuft ab', { exact: true }).selectOption('30');
  await popup.getByRole('button', { name: 'Anmelden' }).click();
  await expect(popup.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(popup.getByText(/Läuft in (29|30) Tagen ab/)).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Ihre Apps' })).toBeVisible();
  await expect(popup.getByText(/Abgerufen/)).toBeVisible();
  await expectNoEnglish(popup, 'signed-in popup');

  const badge = await extension.badge();
  expect(badge.text).toBe('29d');
  expect(badge.title).toMatch(/Läuft in 29 Tagen ab/);

  const options = await extension.openOptions();
  await expect(options.getByLabel('Ablaufdatum')).toBeVisible();
  // Dates follow the language too: "01.12.2026, 16:05".
  await expect(options.getByText(/\d{2}\.\d{2}\.\d{4}/).first()).toBeVisible();
  await options.getByLabel('Token-Name').last().fill('CI-Exportskript');
  await options.getByLabel('Läuft ab am').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await options.getByRole('button', { name: 'Token hinzufügen' }).click();
  await expect(options.getByText('Gespeichert: „CI-Exportskript“ wird jetzt beobachtet.')).toBeVisible();
  await expectNoEnglish(options, 'options page');
});
