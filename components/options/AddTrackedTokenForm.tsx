import { useState } from 'preact/hooks';
import { t } from '../../lib/text/i18n';
import { OutcomeMessage } from './OutcomeMessage';
import { TrackedTokenFields } from './TrackedTokenFields';
import { checkTrackedTokenInput } from './tracked-token-input';
import { useOutcome } from './use-outcome';

export function AddTrackedTokenForm({ now, onAdded }: { now: number; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const outcome = useOutcome<'add'>();

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (outcome.busy) return;
    const checked = checkTrackedTokenInput(name, date, Date.now());
    if (!checked.ok) {
      outcome.failed('add', checked.message);
      return;
    }
    const ok = await outcome.send(
      'add',
      { type: 'addTrackedToken', name: checked.name, expiresAt: checked.expiresAt },
      t('trackedAdded', checked.name),
    );
    if (ok) {
      onAdded();
      setName('');
      setDate('');
    }
  }

  return (
    <form class="add-tracked" onSubmit={onSubmit} noValidate aria-labelledby="add-tracked-heading">
      <h3 id="add-tracked-heading">{t('trackedAddHeading')}</h3>
      <TrackedTokenFields
        idPrefix="tracked-new"
        name={name}
        date={date}
        now={now}
        invalid={outcome.at('add')?.kind === 'error'}
        onName={setName}
        onDate={setDate}
      />
      <button type="submit" class="primary" disabled={outcome.busy !== null}>
        {t('trackedAddButton')}
      </button>
      <OutcomeMessage outcome={outcome.at('add')} />
    </form>
  );
}
