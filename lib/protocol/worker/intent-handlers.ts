import type { Intent, IntentIn, IntentMap, IntentResult, Protocol, Refused } from '../intents';

/** One handler per intent of a protocol, each taking its own intent and giving its own answer. */
export type HandlerMap<P extends Protocol> = { [T in keyof P]: (intent: IntentIn<P, T>) => Promise<P[T]['answer'] | Refused> };
/** The worker's handlers: `tsc` fails where an intent has none, or where one is routed to another's handler. */
export type IntentHandlers = HandlerMap<IntentMap>;

/** The intents that more than one of `Maps` handles. */
type HandledTwice<Maps extends readonly object[], Seen extends PropertyKey = never> = Maps extends readonly [
  infer First extends object,
  ...infer Rest extends readonly object[],
]
  ? (keyof First & Seen) | HandledTwice<Rest, Seen | keyof First>
  : never;

/** Every key of every map of a union (`keyof` of a union gives only the keys all of them share). */
type KeysOfEach<Map> = Map extends object ? keyof Map : never;
/** The intents none of `Maps` handles. */
type Unhandled<Maps extends readonly object[]> = Exclude<keyof IntentMap, KeysOfEach<Maps[number]>>;

/** What `tsc` reports instead of a handler map when an intent has no handler, or two. */
interface NotOneHandlerEach<Maps extends readonly object[]> {
  unhandled: Unhandled<Maps>;
  handledTwice: HandledTwice<Maps>;
}

/**
 * The worker's handlers, from each service's own map: an intent that no map handles, or that two maps handle,
 * makes the result something other than `IntentHandlers`, and `tsc` fails where it is used as one.
 */
export function combineHandlers<const Maps extends readonly Partial<IntentHandlers>[]>(
  ...maps: Maps
): [Unhandled<Maps> | HandledTwice<Maps>] extends [never] ? IntentHandlers : NotOneHandlerEach<Maps> {
  return Object.assign({}, ...maps);
}

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
