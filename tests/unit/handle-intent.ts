import type { Intent } from '../../lib/protocol/intents';
import { dispatchIntent, type IntentHandlers } from '../../lib/protocol/worker/intent-handlers';

/** A service with `handle(intent)`, which calls the service's own handler of that intent, as the worker's router does. */
export function withHandle<S extends { handlers: Partial<IntentHandlers> }>(service: S) {
  return { ...service, handle: (intent: Intent) => dispatchIntent(service.handlers, intent) };
}
