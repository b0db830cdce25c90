import { t } from '../text/i18n';

/** What the popup says when some stored value could not be read and was dropped. */
export function discardedNotice(): string {
  return t('noticeDiscarded');
}

/** What the popup says after the browser closed with "Keep me signed in" off. */
export function sessionEndedNotice(): string {
  return t('noticeSessionEnded');
}
