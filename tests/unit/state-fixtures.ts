import type { TokenState } from '../../lib/state/types';

export const NOW = Date.UTC(2026, 10, 22, 8, 0, 0);

/** A signed-in personal access token's stored state, with overrides. */
export function signedInState(overrides: { expiresAt?: number | null; status?: TokenState['check']['status'] } = {}): TokenState {
  return {
    schemaVersion: 3,
    token: { kind: 'pat', masked: 'tdpat_…wxyz', addedAt: NOW - 1000, expiresAt: overrides.expiresAt ?? null },
    account: { id: 'ID', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', fetchedAt: NOW - 1000 },
    check: { status: overrides.status ?? 'valid', lastSuccessAt: NOW - 1000, lastAttemptAt: NOW - 1000, error: null },
  };
}
