import { useState } from 'preact/hooks';
import type { IntentResult } from '../../lib/protocol/intents';
import { MAX_LEAD_MS, validateLeadTimes } from '../../lib/reminders/lead-times';
import { t } from '../../lib/text/i18n';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { leadTimeWords } from './lead-time-words';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';

type Unit = 'days' | 'hours';
const UNIT_MS: Record<Unit, number> = { days: DAY_MS, hours: HOUR_MS };

/** A number of days or hours before expiry, checked the way the background checks it. */
function leadTimeFrom(amount: string, unit: Unit, existing: readonly number[]): { ok: true; ms: number } | { ok: false; message: string } {
  const text = amount.trim();
  if (!text) return { ok: false, message: t('leadAmountMissing') };
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) return { ok: false, message: t('leadAmountNotWhole') };
  if (count === 0) return { ok: false, message: t('leadAmountZero') };
  const ms = count * UNIT_MS[unit];
  if (ms > MAX_LEAD_MS) return { ok: false, message: t('leadAmountTooFar') };
  if (existing.includes(ms)) return { ok: false, message: t('leadExists', leadTimeWords(ms)) };
  return { ok: true, ms };
}

/** Adds one reminder time; `save` sends the complete new list. */
export function AddLeadTimeForm({
  leadTimesMs,
  save,
}: {
  leadTimesMs: readonly number[];
  save: (leadTimesMs: number[]) => Promise<IntentResult>;
}) {
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<Unit>('days');
  const [busy, setBusy] = useState(false);
  const outcome = useOutcome<'add' | 'at-expiry'>();

  async function add(source: 'add' | 'at-expiry', ms: number) {
    const checked = validateLeadTimes([...leadTimesMs, ms]);
    if (!checked.ok) {
      outcome.failed(source, checked.message);
      return;
    }
    setBusy(true);
    outcome.clear();
    const result = await save(checked.value);
    setBusy(false);
    if (!result.ok) {
      outcome.failed(source, result.error.message);
      return;
    }
    outcome.saved(source, t('leadAdded', leadTimeWords(ms)));
    if (source === 'add') setAmount('');
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const checked = leadTimeFrom(amount, unit, leadTimesMs);
    if (!checked.ok) {
      outcome.failed('add', checked.message);
      return;
    }
    void add('add', checked.ms);
  }

  const addError = outcome.at('add')?.kind === 'error';
  return (
    <>
      <form class="add-lead-time" onSubmit={onSubmit} noValidate aria-labelledby="add-lead-heading">
        <h3 id="add-lead-heading">{t('leadAddHeading')}</h3>
        <div class="field-row">
          <div class="field">
            <label for="lead-amount">{t('leadAmountLabel')}</label>
            <input
              id="lead-amount"
              type="number"
              inputMode="numeric"
              min={1}
              max={unit === 'days' ? 365 : 365 * 24}
              step={1}
              value={amount}
              onInput={(event) => setAmount(event.currentTarget.value)}
              aria-invalid={addError}
              aria-describedby="lead-amount-hint"
            />
          </div>
          <div class="field field-narrow">
            <label for="lead-unit">{t('leadUnitLabel')}</label>
            <select id="lead-unit" value={unit} onChange={(event) => setUnit(event.currentTarget.value as Unit)}>
              <option value="days">{t('leadUnitDays')}</option>
              <option value="hours">{t('leadUnitHours')}</option>
            </select>
          </div>
          <button type="submit" class="primary" disabled={busy}>
            {t('leadAddButton')}
          </button>
        </div>
        <p id="lead-amount-hint" class="hint">
          {t('leadRangeHint')}
        </p>
        <OutcomeMessage outcome={outcome.at('add')} />
      </form>
      {!leadTimesMs.includes(0) && (
        <p class="at-expiry">
          <button type="button" onClick={() => void add('at-expiry', 0)} disabled={busy}>
            {t('leadAddAtExpiry')}
          </button>
        </p>
      )}
      <OutcomeMessage outcome={outcome.at('at-expiry')} />
    </>
  );
}
