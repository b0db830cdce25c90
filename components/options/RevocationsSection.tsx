import { useRef, useState } from 'preact/hooks';
import type { RevocationReminderRecord } from '../../lib/stored-state';
import { RevocationItem } from './RevocationItem';

/** Removed personal access tokens still to revoke in the dashboard, until the user says they did. */
export function RevocationsSection({ revocations }: { revocations: RevocationReminderRecord[] }) {
  const pending = revocations.filter((reminder) => !reminder.confirmed).sort((a, b) => a.removedAt - b.removedAt);
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  // A confirmed item leaves the list with the button that was pressed: say so, and keep focus nearby.
  function onConfirmed(name: string) {
    setAnnouncement(`Done: ‘${name}’ is off the list.`);
    heading.current?.focus();
  }

  return (
    <section class="card" aria-labelledby="revocations-heading">
      <h2 id="revocations-heading" ref={heading} tabIndex={-1}>
        Tokens to revoke
      </h2>
      {pending.length === 0 ? (
        <p class="empty">Removed personal access tokens show up here until you confirm you revoked them.</p>
      ) : (
        <>
          <p class="hint section-intro">
            Removing a personal access token from this browser does not revoke it: it keeps working until you revoke it
            in the TelemetryDeck dashboard.
          </p>
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
