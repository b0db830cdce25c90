import { describeExpiry, formatDate } from './expiry-wording';

/** What an expiry reminder says. Never a token: only its name and dates. */
export function expiryNotification(tokenName: string, expiresAt: number, now: number): { title: string; message: string } {
  const when = describeExpiry(expiresAt, now);
  const expired = expiresAt <= now;
  return {
    title: expired ? `TelemetryDeck token expired: ${tokenName}` : `TelemetryDeck token: ${tokenName}`,
    message: expired
      ? `${when}. Create a new personal access token in the TelemetryDeck dashboard and replace it.`
      : `${when} (${formatDate(expiresAt)}). Create a new one in the TelemetryDeck dashboard before it lapses.`,
  };
}

export const REJECTED_NOTIFICATION = {
  title: 'TelemetryDeck rejected your token',
  message: 'It was revoked, has expired, or was mistyped. Open the extension and sign in again.',
};
