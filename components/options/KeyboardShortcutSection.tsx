import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../../lib/text/i18n';
import { SLOT, Slotted } from './Slotted';

/** The commands as the manifest names them, each with its words when it has a key and when it has none. */
const COMMANDS: [name: string, current: MessageKey, none: MessageKey][] = [
  ['_execute_action', 'shortcutCurrent', 'shortcutNone'],
  ['copy-token', 'shortcutCopyCurrent', 'shortcutCopyNone'],
];
const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

type ShortcutApi = { openShortcutSettings?: () => Promise<void> };

/** The keys that open the popup and copy the token, read from the browser, which lets the user change them. */
export function KeyboardShortcutSection() {
  const [shortcuts, setShortcuts] = useState<Record<string, string> | undefined>(undefined);

  useEffect(() => {
    const read = () =>
      void browser.commands
        .getAll()
        .then((commands) => setShortcuts(Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut ?? '']))))
        .catch(() => setShortcuts({}));
    read();
    // Back from the browser's shortcut settings, show what the user chose there.
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);

  function openSettings() {
    const commands = browser.commands as typeof browser.commands & ShortcutApi;
    if (commands.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: CHROME_SHORTCUTS_PAGE });
  }

  return (
    <section class="card" aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading">{t('shortcutHeading')}</h2>
      {shortcuts !== undefined &&
        COMMANDS.map(([name, current, none]) => (
          <p key={name} class="section-intro" aria-live="polite">
            {shortcuts[name] ? (
              <Slotted text={t(current, SLOT)}>
                <kbd>{shortcuts[name]}</kbd>
              </Slotted>
            ) : (
              t(none)
            )}
          </p>
        ))}
      <button type="button" onClick={openSettings}>
        {t('shortcutChange')}
      </button>
    </section>
  );
}
