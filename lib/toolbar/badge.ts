import type { TokenState } from '../state/types';
import { describeExpiry } from '../text/expiry-wording';
import { t } from '../text/i18n';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/units';

export type BadgeTone = 'none' | 'green' | 'amber' | 'red';

export interface Badge {
  text: string;
  tone: BadgeTone;
  /** The tooltip says in words what the colour says, so colour is never the only signal. */
  title: string;
}

export const BADGE_COLORS: Record<Exclude<BadgeTone, 'none'>, string> = {
  green: '#1a7f37',
  amber: '#b45309',
  red: '#c62828',
};

const DEFAULT_AMBER_LEAD_MS = 7 * DAY_MS;

/** The badge for a state at a moment, exactly as the UI contract's table says. */
export function badgeForState(state: TokenState | null, now: number, amberLeadMs: number = DEFAULT_AMBER_LEAD_MS): Badge {
  if (!state) return { text: '', tone: 'none', title: t('badgeTitleSignedOut') };
  // A session's words say session: it is renewed by signing in again, not made in the dashboard.
  const session = state.token.kind === 'session';
  if (state.check.status === 'rejected') {
    return { text: '!', tone: 'red', title: t(session ? 'badgeTitleSessionRejected' : 'badgeTitleRejected') };
  }
  const { expiresAt } = state.token;
  if (expiresAt === null) {
    return { text: '', tone: 'none', title: t('badgeTitleNoExpiry') };
  }
  const title = t(session ? 'badgeTitleSessionExpiry' : 'badgeTitleExpiry', describeExpiry(expiresAt, now));
  return { ...badgeForRemaining(expiresAt - now, amberLeadMs), title };
}

function badgeForRemaining(remaining: number, amberLeadMs: number): Omit<Badge, 'title'> {
  if (remaining <= 0) return { text: 'EXP', tone: 'red' };
  if (remaining < HOUR_MS) return { text: `${Math.max(1, Math.floor(remaining / MINUTE_MS))}m`, tone: 'red' };
  if (remaining < DAY_MS) return { text: `${Math.floor(remaining / HOUR_MS)}h`, tone: 'red' };
  return { text: `${Math.floor(remaining / DAY_MS)}d`, tone: remaining <= amberLeadMs ? 'amber' : 'green' };
}

/**
 * The first moment after `now` at which the badge's text or colour changes, or null when it never will
 * without a change of state. The worker sets one alarm for it instead of polling.
 */
export function nextBadgeChangeAt(state: TokenState | null, now: number, amberLeadMs: number = DEFAULT_AMBER_LEAD_MS): number | null {
  if (!state || state.check.status === 'rejected' || state.token.expiresAt === null) return null;
  const expiresAt = state.token.expiresAt;
  const remaining = expiresAt - now;
  if (remaining <= 0) return null;
  // Each unit's text changes once remaining drops below a whole multiple of it: one millisecond later.
  const unit = remaining < HOUR_MS ? MINUTE_MS : remaining < DAY_MS ? HOUR_MS : DAY_MS;
  const wholeUnits = Math.floor(remaining / unit);
  const candidates = [expiresAt - wholeUnits * unit + 1, expiresAt];
  // Amber starts the moment the time left is no longer than the lead time.
  if (remaining > amberLeadMs) candidates.push(expiresAt - amberLeadMs);
  return Math.min(...candidates);
}

/** The badge turns amber at the longest reminder of 7 days or less (at expiry aside), else at 7 days. */
export function amberLeadMs(leadTimesMs: readonly number[]): number {
  const withinAWeek = leadTimesMs.filter((ms) => ms > 0 && ms <= DEFAULT_AMBER_LEAD_MS);
  return withinAWeek.length === 0 ? DEFAULT_AMBER_LEAD_MS : Math.max(...withinAWeek);
}
