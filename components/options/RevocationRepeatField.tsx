import { useEffect, useState } from 'preact/hooks';
import { DAY_MS } from '../../lib/dates';
import { t } from '../../lib/i18n';
import type { IntentResult } from '../../lib/messages';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

const MIN_DAYS = 1;
const MAX_DAYS = 30;

function daysText(ms: number): string {
  return String(Number((ms / DAY_MS).toFixed(2)));
}

/** How often to repeat "revoke this token" until it is confirmed; saved when the field changes. */
export function RevocationRepeatField({
  revocationRepeatMs,
  save,
}: {
  revocationRepeatMs: number;
  save: (revocationRepeatMs: number) => Promise<IntentResult>;
}) {
  const [days, setDays] = useState(daysText(revocationRepeatMs));
  const [busy, setBusy] = useState(false);
  const outcome = useOutcome<'repeat'>();
  useEffect(() => setDays(daysText(revocationRepeatMs)), [revocationRepeatMs]);

  async function commit() {
    if (busy) return;
    const count = Number(days.trim());
    if (!days.trim() || !Number.isInteger(count) || count < MIN_DAYS || count > MAX_DAYS) {
      outcome.failed('repeat', t('repeatRange', MIN_DAYS, MAX_DAYS));
      return;
    }
    const ms = count * DAY_MS;
    if (ms === revocationRepeatMs) {
      outcome.clear();
      return;
    }
    setBusy(true);
    outcome.clear();
    const result = await save(ms);
    setBusy(false);
    if (result.ok) outcome.saved('repeat');
    else outcome.failed('repeat', result.error.message);
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
      <label for="revocation-repeat">{t('repeatLabel')}</label>
      <input
        id="revocation-repeat"
        class="input-short"
        type="number"
        inputMode="numeric"
        min={MIN_DAYS}
        max={MAX_DAYS}
        step={1}
        value={days}
        onInput={(event) => setDays(event.currentTarget.value)}
        onChange={() => void commit()}
        aria-invalid={outcome.at('repeat')?.kind === 'error'}
        aria-describedby="revocation-repeat-hint"
      />
      <p id="revocation-repeat-hint" class="hint">
        {t('repeatHint')}
      </p>
      <OutcomeMessage outcome={outcome.at('repeat')} />
    </form>
  );
}
