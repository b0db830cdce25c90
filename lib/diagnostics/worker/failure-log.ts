import type { Done } from '../../protocol/intents';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { CURRENT_SCHEMA_VERSION, type FailureStep } from '../../state/types';
import { readCredential, updateDiagnostics } from '../../state/worker/store';
import { describeFailure } from '../failure-line';

/** How many failures are kept: the newest. */
export const KEPT_FAILURES = 50;

/**
 * Keeps a failure of the background's own work for the options page's Diagnostics: when, where, its kind and
 * one line, with the stored token, `secrets` and anything shaped like a credential cut out. (A sign-in's
 * failure is not one: its form shows it to the user.) Never throws. Must not be awaited inside a step of the
 * store's queue, which it joins.
 */
export async function recordFailure(step: FailureStep, error: unknown, secrets: readonly string[] = [], at = Date.now()): Promise<void> {
  try {
    const credential = await readCredential().catch(() => null);
    const failure = describeFailure(error, credential ? [...secrets, credential.token] : secrets);
    await updateDiagnostics((current) => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      failures: [...(current?.failures ?? []), { at, step, ...failure }].slice(-KEPT_FAILURES),
    }));
  } catch {
    // Storage itself failing: there is nowhere left to say so.
  }
}

/** The Diagnostics section's Clear button. */
export function createDiagnosticsService() {
  const handlers = {
    async clearDiagnostics(): Promise<Done> {
      await updateDiagnostics(() => null);
      return { ok: true };
    },
  } satisfies Partial<IntentHandlers>;
  return { handlers };
}
