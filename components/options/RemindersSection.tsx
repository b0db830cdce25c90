import { useEffect, useRef } from 'preact/hooks';
import type { IntentResult } from '../../lib/protocol/intents';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import {
  MAX_REVALIDATE_EVERY_MS,
  MAX_REVOCATION_REPEAT_MS,
  MIN_REVALIDATE_EVERY_MS,
  MIN_REVOCATION_REPEAT_MS,
} from '../../lib/settings/limits';
import type { ReminderSettings } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { AddLeadTimeForm } from './AddLeadTimeForm';
import { IntervalField } from './IntervalField';
import { leadTimeLabel, leadTimeWords } from './lead-time-words';
import { OutcomeMessage } from './OutcomeMessage';
import { useOutcome } from './use-outcome';
import { usePendingValue } from './use-pending-value';

/** Notifications on or off, when they come, and how often a token still to revoke is brought up. */
export function RemindersSection({ reminders, revalidateEveryMs }: { reminders: ReminderSettings; revalidateEveryMs: number }) {
  const outcome = useOutcome<'enabled' | 'list'>();
  const [enabledShown, setEnabledShown, settleEnabled] = usePendingValue(reminders.enabled);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // What was last sent but may not be stored yet, so two quick changes build on each other.
  const pending = useRef<ReminderSettings | null>(null);
  // Only a change of the stored settings ends it: any other storage change re-reads them as a new object.
  useEffect(() => {
    pending.current = null;
  }, [JSON.stringify(reminders)]);

  const current = () => pending.current ?? reminders;

  /** Every change sends the complete new reminder settings. */
  async function save(change: Partial<ReminderSettings>): Promise<IntentResult> {
    const next = { ...current(), ...change };
    pending.current = next;
    const result = await sendIntent({ type: 'setReminderSettings', ...next });
    if (!result.ok && pending.current === next) pending.current = null;
    return result;
  }

  async function toggle(event: Event & { currentTarget: HTMLInputElement }) {
    const enabled = event.currentTarget.checked;
    if (enabled && current().leadTimesMs.length === 0) {
      event.currentTarget.checked = false;
      outcome.failed('enabled', t('remindersNeedOneFirst'));
      return;
    }
    setEnabledShown(enabled);
    outcome.clear();
    const result = await save({ enabled });
    if (result.ok) {
      outcome.saved('enabled');
    } else {
      settleEnabled();
      outcome.failed('enabled', result.error.message);
    }
  }

  async function remove(ms: number) {
    const { enabled, leadTimesMs } = current();
    const next = leadTimesMs.filter((lead) => lead !== ms);
    if (enabled && next.length === 0) {
      outcome.failed('list', t('remindersKeepOne'));
      return;
    }
    outcome.clear();
    const result = await save({ leadTimesMs: next });
    if (result.ok) {
      outcome.saved('list', t('remindersRemoved', leadTimeWords(ms)));
      // The button just pressed is gone: keep keyboard focus in the list's neighbourhood.
      listHeading.current?.focus();
    } else {
      outcome.failed('list', result.error.message);
    }
  }

  const leadTimes = [...reminders.leadTimesMs].sort((a, b) => b - a);
  return (
    <section class="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('remindersHeading')}</h2>
      <p class="hint section-intro">{t('remindersIntro')}</p>
      <label class="check">
        <input type="checkbox" checked={enabledShown} onChange={(event) => void toggle(event)} />
        {t('remindersEnabled')}
      </label>
      <OutcomeMessage outcome={outcome.at('enabled')} />

      <h3 id="lead-times-heading" ref={listHeading} tabIndex={-1}>
        {t('remindersTimesHeading')}
      </h3>
      {leadTimes.length > 0 ? (
        <ul class="item-list" aria-labelledby="lead-times-heading">
          {leadTimes.map((ms) => (
            <li key={ms} class="item">
              <span class="item-title">{leadTimeLabel(ms)}</span>
              <span class="item-actions">
                {/* Not "Remove": that name belongs to removing the current token (UI contract). */}
                <button type="button" aria-label={t('remindersDeleteOne', leadTimeWords(ms))} onClick={() => void remove(ms)}>
                  {t('deleteButton')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('remindersNone')}</p>
      )}
      <OutcomeMessage outcome={outcome.at('list')} />
      <p class="hint">{t('remindersBadgeColours')}</p>

      <AddLeadTimeForm leadTimesMs={reminders.leadTimesMs} save={(leadTimesMs) => save({ leadTimesMs })} />
      <IntervalField
        id="revocation-repeat"
        label={t('repeatLabel')}
        hint={t('repeatHint')}
        rangeMessage={t('repeatRange', MIN_REVOCATION_REPEAT_MS / DAY_MS, MAX_REVOCATION_REPEAT_MS / DAY_MS)}
        unitMs={DAY_MS}
        min={MIN_REVOCATION_REPEAT_MS / DAY_MS}
        max={MAX_REVOCATION_REPEAT_MS / DAY_MS}
        valueMs={reminders.revocationRepeatMs}
        save={(revocationRepeatMs) => save({ revocationRepeatMs })}
      />
      <IntervalField
        id="revalidate-every"
        label={t('revalidateLabel')}
        hint={t('revalidateHint')}
        rangeMessage={t('revalidateRange', MIN_REVALIDATE_EVERY_MS / HOUR_MS, MAX_REVALIDATE_EVERY_MS / HOUR_MS)}
        unitMs={HOUR_MS}
        min={MIN_REVALIDATE_EVERY_MS / HOUR_MS}
        max={MAX_REVALIDATE_EVERY_MS / HOUR_MS}
        valueMs={revalidateEveryMs}
        save={(everyMs) => sendIntent({ type: 'setRevalidateEvery', everyMs })}
      />
    </section>
  );
}
