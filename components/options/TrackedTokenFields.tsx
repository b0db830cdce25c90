import { t } from '../../lib/text/i18n';
import { dateInputFromExpiry } from '../../lib/time/screen/date-input';

/** The two things known about a tracked token: a name and the day it expires. Never the token itself. */
export function TrackedTokenFields({
  idPrefix,
  name,
  date,
  now,
  invalid,
  onName,
  onDate,
  nameRef,
}: {
  idPrefix: string;
  name: string;
  date: string;
  now: number;
  invalid: boolean;
  onName: (name: string) => void;
  onDate: (date: string) => void;
  nameRef?: { current: HTMLInputElement | null };
}) {
  return (
    <div class="field-row">
      <div class="field">
        <label for={`${idPrefix}-name`}>{t('tokenNameLabel')}</label>
        <input
          id={`${idPrefix}-name`}
          ref={nameRef}
          type="text"
          maxLength={200}
          value={name}
          onInput={(event) => onName(event.currentTarget.value)}
          placeholder={t('trackedNamePlaceholder')}
          autocomplete="off"
          aria-invalid={invalid}
        />
      </div>
      <div class="field field-date">
        <label for={`${idPrefix}-expiry`}>{t('expiresOnLabel')}</label>
        <input
          id={`${idPrefix}-expiry`}
          type="date"
          value={date}
          min={dateInputFromExpiry(now)}
          onInput={(event) => onDate(event.currentTarget.value)}
          aria-invalid={invalid}
        />
      </div>
    </div>
  );
}
