import type { createAppsService } from '../apps/worker/apps-service';
import type { createClipboardService } from '../clipboard/worker/clipboard-service';
import type { createDiagnosticsService } from '../diagnostics/worker/failure-log';
import type { IntentHandlers } from '../protocol/worker/intent-handlers';
import type { createSettingsService } from '../settings/worker/settings-service';
import type { createTokenService } from '../token/worker/token-service';

interface Services {
  clipboard: ReturnType<typeof createClipboardService>;
  tokens: ReturnType<typeof createTokenService>;
  settings: ReturnType<typeof createSettingsService>;
  apps: ReturnType<typeof createAppsService>;
  diagnostics: ReturnType<typeof createDiagnosticsService>;
}

/**
 * Which service answers which intent, in one place. Typed as the protocol's handler map: an intent left out,
 * named twice, or given another intent's handler fails `tsc`.
 */
export function intentRoutes({ tokens, settings, apps, clipboard, diagnostics }: Services): IntentHandlers {
  return {
    signInWithToken: tokens.handlers.signInWithToken,
    signInWithPassword: tokens.handlers.signInWithPassword,
    refresh: tokens.handlers.refresh,
    signOut: tokens.handlers.signOut,
    setTokenDetails: tokens.handlers.setTokenDetails,
    setReminderSettings: settings.handlers.setReminderSettings,
    addTrackedToken: settings.handlers.addTrackedToken,
    updateTrackedToken: settings.handlers.updateTrackedToken,
    deleteTrackedToken: settings.handlers.deleteTrackedToken,
    confirmRevoked: settings.handlers.confirmRevoked,
    setApiServer: settings.handlers.setApiServer,
    setKeepSignedIn: settings.handlers.setKeepSignedIn,
    setRevalidateEvery: settings.handlers.setRevalidateEvery,
    forgetEverything: settings.handlers.forgetEverything,
    dismissNotice: settings.handlers.dismissNotice,
    refreshApps: apps.handlers.refreshApps,
    setAppsPreferences: apps.handlers.setAppsPreferences,
    copyToken: clipboard.handlers.copyToken,
    revealToken: clipboard.handlers.revealToken,
    setClipboardClearAfter: clipboard.handlers.setClipboardClearAfter,
    clearDiagnostics: diagnostics.handlers.clearDiagnostics,
  };
}
