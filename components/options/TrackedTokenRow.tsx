import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrackedToken } from '../../lib/state/types';
import { formatDate } from '../../lib/text/calendar-date';
import { describeExpiry } from '../../lib/text/expiry-wording';
import { t } from '../../lib/text/i18n';
import { dateInputFromExpiry } from '../../lib/time/screen/date-input';
import { OutcomeMessage } from './OutcomeMessage';
import { TrackedTokenFields } from './TrackedTokenFields';
import { checkTrackedTokenInput } from './tracked-token-input';
import { useOutcome } from './use-outcome';

/** One tracked token: read as a line, or edited in place. */
export function TrackedTokenRow({ token, now, onDeleted }: { token: TrackedToken; now: number; onDeleted: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(token.name);
  const [date, setDate] = useState(dateInputFromExpiry(token.expiresAt));
  const outcome = useOutcome<'edit' | 'delete'>();
  const nameField = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Focus follows the row's mode, so a keyboard user lands in the form and back on "Edit" afterwards.
  useEffect(() => {
    if (editing) nameField.current?.focus();
    else if (returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  function startEditing() {
    setName(token.name);
    setDate(dateInputFromExpiry(token.expiresAt));
    outcome.clear();
    setEditing(true);
  }

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (outcome.busy) return;
    const checked = checkTrackedTokenInput(name, date, Date.now(), token.expiresAt);
    if (!checked.ok) {
      outcome.failed('edit', checked.message);
      return;
    }
    const ok = await outcome.send('edit', { type: 'updateTrackedToken', id: token.id, name: checked.name, expiresAt: checked.expiresAt });
    if (ok) stopEditing();
  }

  async function remove() {
    if (outcome.busy) return;
    const ok = await outcome.send('delete', { type: 'deleteTrackedToken', id: token.id });
    if (ok) onDeleted(token.name);
  }

  const expired = token.expiresAt <= now;
  if (editing) {
    return (
      <li class="item item-stacked item-editing">
        <form onSubmit={save} noValidate aria-label={t('trackedEditLabel', token.name)}>
          <TrackedTokenFields
            idPrefix={`tracked-${token.id}`}
            name={name}
            date={date}
            now={now}
            invalid={outcome.at('edit')?.kind === 'error'}
            onName={setName}
            onDate={setDate}
            nameRef={nameField}
          />
          <OutcomeMessage outcome={outcome.at('edit')} />
          <div class="actions">
            <button type="submit" class="primary" disabled={outcome.busy !== null}>
              {t('trackedUpdate')}
            </button>
            <button type="button" onClick={stopEditing} disabled={outcome.busy !== null}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li class={expired ? 'item is-expired' : 'item'}>
      <div class="item-main">
        <p class="item-title">
          {token.name}
          {expired && <span class="pill pill-danger">{t('trackedExpiredPill')}</span>}
        </p>
        <p class="item-meta">
          <span class={expired ? 'danger' : undefined}>{describeExpiry(token.expiresAt, now)}</span> · {formatDate(token.expiresAt)}
        </p>
        <OutcomeMessage outcome={outcome.at('delete') ?? outcome.at('edit')} />
      </div>
      <div class="item-actions">
        <button type="button" ref={editButton} aria-label={t('trackedEditLabel', token.name)} onClick={startEditing}>
          {t('editButton')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('trackedDeleteLabel', token.name)}
          disabled={outcome.busy !== null}
          onClick={() => void remove()}
        >
          {t('deleteButton')}
        </button>
      </div>
    </li>
  );
}
