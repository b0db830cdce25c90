import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expiryNotification } from '../../lib/reminders/wording';
import { processReminders } from '../../lib/reminders/worker/reminder-service';
import type { TokenState } from '../../lib/state/types';
import { DAY_MS } from '../../lib/time/units';
import { badgeForState } from '../../lib/toolbar/badge';
import { NOW, signedInState } from './state-fixtures';

/** A session from email and password, as the worker stores it. */
function session(overrides: { expiresAt: number; status?: TokenState['check']['status'] }): TokenState {
  const state = signedInState(overrides);
  return { ...state, token: { ...state.token, kind: 'session', masked: '…wxyz', createdAt: NOW - DAY_MS } };
}

beforeEach(() => fakeBrowser.reset());

describe('a session, in words', () => {
  it('is reminded to sign in again, never to make a personal access token', () => {
    for (const expiresAt of [NOW + 7 * DAY_MS, NOW - DAY_MS]) {
      const { title, message } = expiryNotification({ kind: 'session', name: 'Signed-in session' }, expiresAt, NOW);
      expect(message).toMatch(/Sign in again with your email and password/);
      expect(`${title} ${message}`).not.toMatch(/personal access token|dashboard/i);
      expect(title).toMatch(/session/);
    }
  });

  it('is reminded so by the worker, for the session in the toolbar', async () => {
    await fakeBrowser.storage.local.set({ tokenState: session({ expiresAt: NOW + 2 * DAY_MS }) });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await processReminders(NOW);
    expect(create).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(/^expiry:current:/),
      expect.objectContaining({ title: 'Your TelemetryDeck session ends soon', message: expect.stringMatching(/Sign in again/) }),
    );
  });

  it('is called a session on the badge, running and rejected', () => {
    expect(badgeForState(session({ expiresAt: NOW + 12 * DAY_MS }), NOW).title).toBe(
      'TelemetryDeck Token Manager: signed-in session. Expires in 12 days',
    );
    expect(badgeForState(session({ expiresAt: NOW + 12 * DAY_MS, status: 'rejected' }), NOW).title).toMatch(
      /ended the session\. Sign in again/,
    );
    // A personal access token keeps its words.
    expect(badgeForState(signedInState({ expiresAt: NOW + 12 * DAY_MS }), NOW).title).toBe(
      'TelemetryDeck Token Manager: Expires in 12 days',
    );
  });
});
