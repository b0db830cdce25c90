import type { Snapshot } from '../state/snapshot';
import { t } from '../text/i18n';
import type { RemindableToken } from './schedule';

/** The current token and every tracked one, each under a key that is stable for that token. */
export function remindableTokens(snapshot: Pick<Snapshot, 'tokenState' | 'reminders'>): RemindableToken[] {
  const tokens: RemindableToken[] = snapshot.reminders.tracked.map((tracked) => ({
    key: `tracked:${tracked.id}`,
    kind: 'pat',
    name: tracked.name,
    expiresAt: tracked.expiresAt,
  }));
  const current = snapshot.tokenState?.token;
  if (current) {
    tokens.unshift({
      key: `current:${current.addedAt}`,
      kind: current.kind,
      name: current.name ?? t(current.kind === 'pat' ? 'tokenKindPat' : 'tokenKindSession'),
      expiresAt: current.expiresAt,
    });
  }
  return tokens;
}
