import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Starts the worker as the browser would: its module runs, and it registers its listeners. */
export async function startWorker() {
  const opened = vi.fn(async () => {});
  fakeBrowser.runtime.openOptionsPage = opened as typeof fakeBrowser.runtime.openOptionsPage;
  fakeBrowser.action.setPopup = (async () => {}) as typeof fakeBrowser.action.setPopup;
  // The fake browser has no keyboard commands: an event that takes listeners and never fires.
  Object.assign(fakeBrowser.commands, { onCommand: { addListener: () => {} } });
  const background = (await import('../../entrypoints/background')).default as { main: () => void };
  background.main();
  return { opened };
}

/** The worker stops: its listeners and its module go; storage and alarms stay. */
export function stopWorker() {
  for (const event of [
    fakeBrowser.runtime.onMessage,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.storage.onChanged,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.notifications.onButtonClicked,
  ]) {
    event.removeAllListeners();
  }
  vi.resetModules();
}

/** An intent from the extension's options page, and the worker's answer. */
export async function askWorker(message: unknown) {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  return (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {})).find((answer) => answer !== undefined);
}
