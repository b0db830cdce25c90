import { useRef, useState } from 'preact/hooks';
import type { RevocationReminder } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { RevocationItem } from './RevocationItem';

/** Removed personal access tokens still to revoke in the dashboard, until the user says they did. */
export function RevocationsSection({ revocations }: { revocations: RevocationReminder[] }) {
  const pending = revocations.filter((reminder) => !reminder.confirmed).sort((a, b) => a.removedAt - b.removedAt);
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  // A confirmed item leaves the list with the button that was pressed: say so, and keep focus nearby.
  function onConfirmed(name: string) {
    setAnnouncement(t('revocationsDone', name));
    heading.current?.focus();
  }

  return (
    <section class="card" aria-labelledby="revocations-heading">
      <h2 id="revocations-heading" ref={heading} tabIndex={-1}>
        {t('revocationsHeading')}
      </h2>
      {pending.length === 0 ? (
        <p class="empty">{t('revocationsNone')}</p>
      ) : (
        <>
          <p class="hint section-intro">{t('revocationsIntro')}</p>
          <ul class="item-list" aria-labelledby="revocations-heading">
            {pending.map((reminder) => (
              <RevocationItem key={reminder.id} reminder={reminder} onConfirmed={onConfirmed} />
            ))}
          </ul>
        </>
      )}
      {announcement && (
        <p role="status" class="saved">
          {announcement}
        </p>
      )}
    </section>
  );
}
