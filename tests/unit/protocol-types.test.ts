import { describe, expect, expectTypeOf, it } from 'vitest';
import { createAppsService } from '../../lib/apps/worker/apps-service';
import { createClipboardService } from '../../lib/clipboard/worker/clipboard-service';
import { createDiagnosticsService } from '../../lib/diagnostics/worker/failure-log';
import type { Done, IntentMap, Refused } from '../../lib/protocol/intents';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { combineHandlers, type HandlerMap, type IntentHandlers } from '../../lib/protocol/worker/intent-handlers';
import { intentSchema } from '../../lib/protocol/worker/intent-schema';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { createTokenService } from '../../lib/token/worker/token-service';
import { intentRoutes } from '../../lib/worker/intent-routes';

// The `@ts-expect-error` lines below are checks of the compiler: `tsc --noEmit` (CI's typecheck) fails when one
// of them finds no error, that is, when the protocol stops refusing what it must refuse.

/** The protocol with one intent more, as a contributor adding a feature would write it. */
type WithOneMore = IntentMap & { exportTrackedTokens: { carries: { format: 'csv' }; answer: Done } };

/** Never called: what it holds is checked by the compiler only. */
// biome-ignore lint/correctness/noUnusedVariables: it exists for `tsc` to check, never to run
function compilerChecks(routes: IntentHandlers) {
  // An intent without a handler does not compile: today's routes lack the new one.
  // @ts-expect-error Property 'exportTrackedTokens' is missing
  const withoutHandler: HandlerMap<WithOneMore> = routes;

  // An intent routed to another intent's handler does not compile.
  const misrouted: IntentHandlers = {
    ...routes,
    // @ts-expect-error the handler of `refresh` takes a `refresh` intent, not a `refreshApps` one
    refreshApps: routes.refresh,
  };

  // An intent must carry what its kind needs, and nothing else.
  // @ts-expect-error `refresh` needs a reason
  void sendIntent({ type: 'refresh' });
  // @ts-expect-error `signOut` carries nothing
  void sendIntent({ type: 'signOut', token: 'x' });
  return [withoutHandler, misrouted];
}

/** A service's own handler map. */
type HandlersOf<Create extends (...args: never[]) => { handlers: object }> = ReturnType<Create>['handlers'];

/** Never called: the routes built from the services' maps, as the compiler checks them. */
// biome-ignore lint/correctness/noUnusedVariables: it exists for `tsc` to check, never to run
function routeChecks(
  tokens: HandlersOf<typeof createTokenService>,
  settings: HandlersOf<typeof createSettingsService>,
  apps: HandlersOf<typeof createAppsService>,
  clipboard: HandlersOf<typeof createClipboardService>,
  diagnostics: HandlersOf<typeof createDiagnosticsService>,
) {
  // Every service's map: each intent handled once.
  const routes: IntentHandlers = combineHandlers(tokens, settings, apps, clipboard, diagnostics);
  // @ts-expect-error `clearDiagnostics` has no handler once the diagnostics service's map is left out
  const unhandled: IntentHandlers = combineHandlers(tokens, settings, apps, clipboard);
  // @ts-expect-error `refresh` handled twice: by the token service and by a second map
  const twice: IntentHandlers = combineHandlers(tokens, settings, apps, clipboard, diagnostics, { refresh: tokens.refresh });
  return [routes, unhandled, twice];
}

describe('the protocol, as the compiler sees it', () => {
  it("gives each intent the answer of its kind on the screens' side", () => {
    expectTypeOf(sendIntent<'signOut'>).returns.resolves.toEqualTypeOf<Done | Refused>();
  });

  it('routes every intent the worker accepts to a handler', () => {
    const tokens = createTokenService({ now: Date.now });
    const routed = intentRoutes({
      tokens,
      settings: createSettingsService({ now: Date.now, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns }),
      apps: createAppsService({ now: Date.now }),
      clipboard: createClipboardService({ now: Date.now }),
      diagnostics: createDiagnosticsService(),
    });
    const accepted = intentSchema._zod.def.options.map((option) => option.shape.type._zod.def.values[0]).sort();
    expect(Object.keys(routed).sort()).toEqual(accepted);
    for (const handler of Object.values(routed)) expect(handler).toBeTypeOf('function');
  });

  it("routes each intent to its own service's handler", () => {
    const tokens = createTokenService({ now: Date.now });
    const clipboard = createClipboardService({ now: Date.now });
    const routed = intentRoutes({
      tokens,
      settings: createSettingsService({ now: Date.now, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns }),
      apps: createAppsService({ now: Date.now }),
      clipboard,
      diagnostics: createDiagnosticsService(),
    });
    expect(routed.refresh).toBe(tokens.handlers.refresh);
    expect(routed.copyToken).toBe(clipboard.handlers.copyToken);
  });
});
