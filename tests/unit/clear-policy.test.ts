import { describe, expect, it } from 'vitest';
import { CLEAR_DELAYS_MS, isClearDelay } from '../../lib/clipboard/clear-delay';
import { clearIsDue, isSameClear, pendingClearFor } from '../../lib/clipboard/clear-policy';
import { digestOf } from '../../lib/clipboard/digest';
import { DEFAULT_CLEAR_DELAY_MS } from '../../lib/state/defaults';

const NOW = Date.UTC(2026, 11, 1, 12);

describe('clearing the clipboard', () => {
  it('offers never, 10 s, 20 s, 30 s, 1 min, 2 min and 5 min, 30 s unless the user chose', () => {
    expect(CLEAR_DELAYS_MS).toEqual([null, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000]);
    expect(DEFAULT_CLEAR_DELAY_MS).toBe(30_000);
    expect(isClearDelay(DEFAULT_CLEAR_DELAY_MS)).toBe(true);
    expect(isClearDelay(45_000)).toBe(false);
  });

  it('waits until the moment, and knows a clear replaced by a new copy from the one it read', async () => {
    const copied = await digestOf("export TELEMETRYDECK_TOKEN='tdpat_x'");
    const pending = pendingClearFor(copied, NOW, 10_000)!;
    expect(pending).toEqual({ digest: copied, clearAt: NOW + 10_000, failedAttempts: 0 });
    expect(clearIsDue(pending, NOW + 9_999)).toBe(false);
    expect(clearIsDue(pending, NOW + 10_000)).toBe(true);
    expect(pendingClearFor(copied, NOW, null)).toBeNull();
    expect(isSameClear({ ...pending, failedAttempts: 2 }, pending)).toBe(true);
    expect(isSameClear(null, pending)).toBe(false);
    // The same text copied again is a new copy, with its own moment.
    expect(isSameClear(pendingClearFor(copied, NOW + 1, 10_000), pending)).toBe(false);
    expect(isSameClear(pendingClearFor(await digestOf('tdpat_y'), NOW, 10_000), pending)).toBe(false);
  });

  it('remembers a copy as a SHA-256 digest, never the text', async () => {
    expect(await digestOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
