import { Alert } from '../Alert';
import type { Outcome } from './use-outcome';

/** A failure as an alert, a success as a quiet status line; nothing when there is no outcome. */
export function OutcomeMessage({ outcome }: { outcome: Outcome<string> | null }) {
  if (!outcome) return null;
  if (outcome.kind === 'error') return <Alert>{outcome.text}</Alert>;
  return (
    <p role="status" class="saved">
      {outcome.text}
    </p>
  );
}
