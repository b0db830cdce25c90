import { browser } from 'wxt/browser';
import { createAppsService } from '../lib/apps/worker/apps-service';
import { CLIPBOARD_CLEAR_ALARM, COPY_TOKEN_COMMAND, createClipboardService } from '../lib/clipboard/worker/clipboard-service';
import { createDiagnosticsService, recordFailure } from '../lib/diagnostics/worker/failure-log';
import { createIntentRouter } from '../lib/protocol/worker/intent-handlers';
import { listenForIntents } from '../lib/protocol/worker/intent-receiver';
import { isSnoozeButton, notifyRejected, snoozeNotification } from '../lib/reminders/worker/reminder-service';
import { createSettingsService } from '../lib/settings/worker/settings-service';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from '../lib/state/keys';
import { restrictStorageToTrustedContexts } from '../lib/state/worker/access-level';
import { createSerialQueue } from '../lib/state/worker/serial-queue';
import { becameRejected } from '../lib/token/worker/rejection';
import { REVALIDATE_ALARM } from '../lib/token/worker/revocation-watch';
import { createTokenService } from '../lib/token/worker/token-service';
import { pointPopupAtStoredState } from '../lib/toolbar/worker/popup-painter';
import { intentRoutes } from '../lib/worker/intent-routes';
import { createStartUp } from '../lib/worker/start-up';
import { repairStorage } from '../lib/worker/start-up-repair';
import { EARLIER_STATE_ALARMS, STATE_CHANGE_ALARM, syncWithState } from '../lib/worker/sync-with-state';

export default defineBackground(() => {
  const startUp = createStartUp(
    async () => {
      await restrictStorageToTrustedContexts();
      await repairStorage(Date.now());
    },
    (error) => void recordFailure('start-up', error),
  );
  void startUp().catch(() => {});
  // Wake-ups run one at a time; what each writes goes through the store's own queue.
  const oneAtATime = createSerialQueue();
  // A start-up that failed is recorded by itself, and runs again with the next event.
  const afterStartUp = (task: () => Promise<unknown>) =>
    void startUp().then(
      () => oneAtATime(task).catch((error: unknown) => recordFailure('background', error)),
      () => {},
    );
  // The clipboard's clear needs nothing the repair mends: it runs even when the start-up failed.
  const evenIfStartUpFailed = (task: () => Promise<unknown>) =>
    void startUp()
      .catch(() => {})
      .then(() => oneAtATime(task))
      .catch((error: unknown) => recordFailure('background', error));
  const sync = () => afterStartUp(() => syncWithState(Date.now()));

  const tokens = createTokenService({ now: Date.now });
  const settings = createSettingsService({ now: Date.now, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns });
  const apps = createAppsService({ now: Date.now });
  const clipboard = createClipboardService({ now: Date.now });
  const diagnostics = createDiagnosticsService();

  // Every listener is registered before the first await: MV3 drops events that arrive earlier.
  listenForIntents(createIntentRouter(intentRoutes({ tokens, settings, apps, clipboard, diagnostics }), startUp), (error, secrets) =>
    recordFailure('intent', error, secrets),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STATE_CHANGE_ALARM || EARLIER_STATE_ALARMS.includes(alarm.name)) sync();
    if (alarm.name === REVALIDATE_ALARM) afterStartUp(() => tokens.refresh('watch'));
    if (alarm.name === CLIPBOARD_CLEAR_ALARM) evenIfStartUpFailed(clipboard.clearIfDue);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === COPY_TOKEN_COMMAND) afterStartUp(clipboard.copyFromCommand);
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    const tokenChange = changes[STORAGE_KEYS.tokenState];
    if (tokenChange && becameRejected(tokenChange.oldValue, tokenChange.newValue)) afterStartUp(notifyRejected);
    if (tokenChange || STORAGE_KEYS.settings in changes || STORAGE_KEYS.reminders in changes) sync();
    // The popup's URL carries what the screens show (lib/toolbar/popup-url.ts); sync sets it too.
    else if (SNAPSHOT_KEYS.some((key) => key in changes)) afterStartUp(pointPopupAtStoredState);
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
  // A clear stored by an earlier worker, or before the browser closed: its alarm again, or the clear now if due.
  evenIfStartUpFailed(clipboard.clearIfDue);
});
