import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/text/i18n';
import { SLOT, Slotted } from '../Slotted';

/** The command that opens the popup, as the manifest names it. */
const OPEN_POPUP_COMMAND = '_execute_action';
const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

type ShortcutApi = { openShortcutSettings?: () => Promise<void> };

/** The key that opens the popup, read from the browser, which lets the user change it. */
export function KeyboardShortcutSection() {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const read = () =>
      void browser.commands
        .getAll()
        .then((commands) => setShortcut(commands.find((command) => command.name === OPEN_POPUP_COMMAND)?.shortcut || null))
        .catch(() => setShortcut(null));
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
      {shortcut !== undefined && (
        <p class="section-intro" aria-live="polite">
          {shortcut ? (
            <Slotted text={t('shortcutCurrent', SLOT)}>
              <kbd>{shortcut}</kbd>
            </Slotted>
          ) : (
            t('shortcutNone')
          )}
        </p>
      )}
      <button type="button" onClick={openSettings}>
        {t('shortcutChange')}
      </button>
    </section>
  );
}
