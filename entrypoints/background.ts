import { browser } from 'wxt/browser';
import { createAppsService } from '../lib/apps-service';
import { listenForIntents } from '../lib/intent-receiver';
import { createIntentRouter } from '../lib/intent-router';
import { REVALIDATE_ALARM, isSnoozeButton, notifyRejected, snoozeNotification } from '../lib/reminder-service';
import { createSerialQueue } from '../lib/serial';
import { createSettingsService } from '../lib/settings-service';
import { repairStorage, restrictStorageToTrustedContexts } from '../lib/storage';
import { STORAGE_KEYS, becameRejected } from '../lib/stored-state';
import { EARLIER_STATE_ALARMS, STATE_CHANGE_ALARM, syncWithState } from '../lib/sync-with-state';
import { createTokenService } from '../lib/token-service';

export default defineBackground(() => {
  const startUp = (async () => {
    await restrictStorageToTrustedContexts();
    await repairStorage(Date.now());
  })();
  const serially = createSerialQueue();
  const afterStartUp = (task: () => Promise<unknown>) => void startUp.then(() => serially(task)).catch(() => {});
  const sync = () => afterStartUp(() => syncWithState(Date.now()));

  const tokens = createTokenService({ now: Date.now });
  const settings = createSettingsService({ now: Date.now, signOut: tokens.signOut });
  const apps = createAppsService({ now: Date.now });

  // Every listener is registered before the first await: MV3 drops events that arrive earlier.
  listenForIntents(createIntentRouter({ ready: startUp, tokens, settings, apps }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STATE_CHANGE_ALARM || EARLIER_STATE_ALARMS.includes(alarm.name)) sync();
    if (alarm.name === REVALIDATE_ALARM) afterStartUp(() => tokens.refresh('watch'));
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    const tokenChange = changes[STORAGE_KEYS.tokenState];
    if (tokenChange && becameRejected(tokenChange.oldValue, tokenChange.newValue)) afterStartUp(notifyRejected);
    if (tokenChange || STORAGE_KEYS.settings in changes || STORAGE_KEYS.reminders in changes) sync();
  });
  browser.notifications?.onClicked.addListener((id) => {
    void browser.runtime.openOptionsPage();
    void browser.notifications.clear(id);
  });
  browser.notifications?.onButtonClicked.addListener((id, buttonIndex) => {
    if (isSnoozeButton(buttonIndex)) afterStartUp(() => snoozeNotification(id, Date.now()));
  });
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
});
