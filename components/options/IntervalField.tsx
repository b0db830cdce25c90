import { useEffect, useState } from 'preact/hooks';
import type { IntentResult } from '../../lib/protocol/intents';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

/**
 * A whole number of days or hours between repeats, saved when the field changes: how often a token still to
 * revoke is brought up, how often the token is checked.
 */
export function IntervalField({
  id,
  label,
  hint,
  rangeMessage,
  unitMs,
  min,
  max,
  valueMs,
  save,
}: {
  id: string;
  label: string;
  hint: string;
  /** Shown when the number is not a whole one within `min`–`max`. */
  rangeMessage: string;
  unitMs: number;
  min: number;
  max: number;
  valueMs: number;
  save: (ms: number) => Promise<IntentResult>;
}) {
  const text = (ms: number) => String(Number((ms / unitMs).toFixed(2)));
  const [count, setCount] = useState(text(valueMs));
  const [busy, setBusy] = useState(false);
  const outcome = useOutcome<'interval'>();
  useEffect(() => setCount(text(valueMs)), [valueMs]);

  async function commit() {
    if (busy) return;
    const value = Number(count.trim());
    if (!count.trim() || !Number.isInteger(value) || value < min || value > max) {
      outcome.failed('interval', rangeMessage);
      return;
    }
    const ms = value * unitMs;
    if (ms === valueMs) {
      outcome.clear();
      return;
    }
    setBusy(true);
    outcome.clear();
    const result = await save(ms);
    setBusy(false);
    if (result.ok) outcome.saved('interval');
    else outcome.failed('interval', result.error.message);
  }

  return (
    <form
      class="repeat-field"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void commit();
      }}
    >
      <label for={id}>{label}</label>
      <input
        id={id}
        class="input-short"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={count}
        onInput={(event) => setCount(event.currentTarget.value)}
        onChange={() => void commit()}
        aria-invalid={outcome.at('interval')?.kind === 'error'}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      <OutcomeMessage outcome={outcome.at('interval')} />
    </form>
  );
}
