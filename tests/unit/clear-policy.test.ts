import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEAR_DELAYS_MS, isClearDelay } from '../../lib/clipboard/clear-delay';
import { clearDecision, pendingClearFor } from '../../lib/clipboard/clear-policy';
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

  it('waits until the moment, then clears only what the extension copied', async () => {
    const copied = await digestOf("export TELEMETRYDECK_TOKEN='tdpat_x'");
    const pending = pendingClearFor(copied, NOW, 10_000)!;
    expect(pending).toEqual({ digest: copied, clearAt: NOW + 10_000 });
    expect(clearDecision(pending, copied, NOW + 9_999)).toBe('wait');
    expect(clearDecision(pending, copied, NOW + 10_000)).toBe('clear');
    expect(clearDecision(pending, await digestOf('something the user copied since'), NOW + 10_000)).toBe('leave');
    expect(pendingClearFor(copied, NOW, null)).toBeNull();
  });

  it('never clears a clipboard that holds anything else, however alike', async () => {
    const copied = 'tdpat_abcdef';
    const pending = pendingClearFor(await digestOf(copied), NOW, 30_000)!;
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((other) => other !== copied),
        async (other) => {
          expect(clearDecision(pending, await digestOf(other), NOW + 60_000)).toBe('leave');
        },
      ),
    );
    expect(clearDecision(pending, await digestOf(copied), NOW + 60_000)).toBe('clear');
  });

  it('remembers a copy as a SHA-256 digest, never the text', async () => {
    expect(await digestOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
