import type { createAppsService } from '../apps/worker/apps-service';
import type { createClipboardService } from '../clipboard/worker/clipboard-service';
import type { createDiagnosticsService } from '../diagnostics/worker/failure-log';
import { combineHandlers, type IntentHandlers } from '../protocol/worker/intent-handlers';
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
 * Which service answers which intent: each service's own handler map, so that a new intent needs no line here.
 * An intent no service handles, or two do, fails `tsc` (lib/protocol/worker/intent-handlers.ts).
 */
export function intentRoutes({ tokens, settings, apps, clipboard, diagnostics }: Services): IntentHandlers {
  return combineHandlers(tokens.handlers, settings.handlers, apps.handlers, clipboard.handlers, diagnostics.handlers);
}
