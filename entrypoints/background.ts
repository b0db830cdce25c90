import { browser } from 'wxt/browser';
import { BADGE_ALARM, paintBadge } from '../lib/badge-painter';
import { listenForIntents } from '../lib/messages';
import { repairStorage, restrictStorageToTrustedContexts } from '../lib/storage';
import { STORAGE_KEYS } from '../lib/stored-state';
import { createTokenService } from '../lib/token-service';

export default defineBackground(() => {
  const startUp = (async () => {
    await restrictStorageToTrustedContexts();
    await repairStorage(Date.now());
  })();
  const service = createTokenService({ now: Date.now, ready: startUp });
  const repaint = () => void startUp.then(() => paintBadge(Date.now()));

  // Every listener is registered before the first await: MV3 drops events that arrive earlier.
  listenForIntents(service.handle);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) repaint();
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && (STORAGE_KEYS.tokenState in changes || STORAGE_KEYS.settings in changes)) repaint();
  });
  browser.runtime.onStartup.addListener(repaint);
  browser.runtime.onInstalled.addListener(repaint);
  repaint();
});
