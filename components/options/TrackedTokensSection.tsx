import { useRef, useState } from 'preact/hooks';
import type { TrackedToken } from '../../lib/state/types';
import { t } from '../../lib/text/i18n';
import { AddTrackedTokenForm } from './AddTrackedTokenForm';
import { TrackedTokenRow } from './TrackedTokenRow';

/** Personal access tokens used elsewhere (a CI script, an assistant), so their expiry gets reminders too. */
export function TrackedTokensSection({ tracked, now }: { tracked: TrackedToken[]; now: number }) {
  const sorted = [...tracked].sort((a, b) => a.expiresAt - b.expiresAt || a.name.localeCompare(b.name));
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  // A deleted row takes its focused button with it: say so, and put focus back at the section.
  function onDeleted(name: string) {
    setAnnouncement(t('trackedDeleted', name));
    heading.current?.focus();
  }

  return (
    <section class="card" aria-labelledby="tracked-heading">
      <h2 id="tracked-heading" ref={heading} tabIndex={-1}>
        {t('trackedHeading')}
      </h2>
      <p class="hint section-intro">{t('trackedIntro')}</p>
      {sorted.length > 0 ? (
        <ul class="item-list" aria-label={t('trackedListLabel')}>
          {sorted.map((token) => (
            <TrackedTokenRow key={token.id} token={token} now={now} onDeleted={onDeleted} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t('trackedNone')}</p>
      )}
      {announcement && (
        <p role="status" class="saved">
          {announcement}
        </p>
      )}
      <AddTrackedTokenForm now={now} onAdded={() => setAnnouncement(null)} />
    </section>
  );
}
