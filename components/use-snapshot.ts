import { useEffect, useState } from 'preact/hooks';
import type { ScreenChanges } from '../lib/state/screen/screen-snapshot';
import type { Snapshot } from '../lib/state/snapshot';

/** The stored state, starting from what was read before the first paint, and following every change since. */
export function useSnapshot(initial: Snapshot, changes: ScreenChanges): Snapshot {
  const [snapshot, setSnapshot] = useState(initial);
  useEffect(() => changes.subscribe(setSnapshot), [changes]);
  return snapshot;
}

/**
 * The time of this render, re-rendering on a tick so that relative wording ("in 5 minutes") stays true
 * while a screen is open. Any other render (a storage change) reads the clock afresh too.
 */
export function useNow(intervalMs = 30_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
