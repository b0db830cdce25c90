import type { AppsIntent, createAppsService } from '../../apps/worker/apps-service';
import type { Intent, IntentResult } from '../send-intent';
import type { SettingsIntent, createSettingsService } from '../../settings/worker/settings-service';
import type { TokenIntent, createTokenService } from '../../token/worker/token-service';

const TOKEN_INTENTS = new Set<Intent['type']>(['signInWithToken', 'signInWithPassword', 'refresh', 'signOut', 'setTokenDetails']);
const APPS_INTENTS = new Set<Intent['type']>(['refreshApps', 'setAppsPreferences']);

/** Sends each intent to the service that owns it, once start-up repair of storage is done. */
export function createIntentRouter(options: {
  ready: Promise<unknown>;
  tokens: ReturnType<typeof createTokenService>;
  settings: ReturnType<typeof createSettingsService>;
  apps: ReturnType<typeof createAppsService>;
}) {
  return async function route(intent: Intent): Promise<IntentResult> {
    await options.ready;
    if (APPS_INTENTS.has(intent.type)) return options.apps.handle(intent as AppsIntent);
    return TOKEN_INTENTS.has(intent.type)
      ? options.tokens.handle(intent as TokenIntent)
      : options.settings.handle(intent as SettingsIntent);
  };
}
