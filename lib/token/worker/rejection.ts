import { parseStored } from '../../state/worker/migrations';
import { tokenStateSchema } from '../../state/worker/schemas';

/** True when a change of the stored token state is TelemetryDeck starting to reject the token. */
export function becameRejected(oldValue: unknown, newValue: unknown): boolean {
  const before = parseStored('tokenState', tokenStateSchema, oldValue);
  const after = parseStored('tokenState', tokenStateSchema, newValue);
  if (after.status !== 'valid' || after.value.check.status !== 'rejected') return false;
  return before.status !== 'valid' || before.value.check.status !== 'rejected' || before.value.token.addedAt !== after.value.token.addedAt;
}
