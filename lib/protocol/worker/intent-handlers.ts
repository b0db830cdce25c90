import type { Intent, IntentIn, IntentMap, IntentResult, Protocol, Refused } from '../intents';

/** One handler per intent of a protocol, each taking its own intent and giving its own answer. */
export type HandlerMap<P extends Protocol> = { [T in keyof P]: (intent: IntentIn<P, T>) => Promise<P[T]['answer'] | Refused> };
/** The worker's handlers: `tsc` fails where an intent has none, or where one is routed to another's handler. */
export type IntentHandlers = HandlerMap<IntentMap>;

/** Calls the handler of the intent's type among `handlers`. */
export function dispatchIntent(handlers: Partial<IntentHandlers>, intent: Intent): Promise<IntentResult> {
  // TypeScript cannot tie `handlers[intent.type]` to `intent` itself; the map's type ties them for it.
  const handler = handlers[intent.type] as ((intent: Intent) => Promise<IntentResult>) | undefined;
  if (!handler) throw new Error(`No handler for the intent ${intent.type}`);
  return handler(intent);
}

/** Routes each intent to its handler, once start-up repair of storage is done. */
export function createIntentRouter(handlers: IntentHandlers, ready: () => Promise<unknown>) {
  return async function route(intent: Intent): Promise<IntentResult> {
    await ready();
    return dispatchIntent(handlers, intent);
  };
}
