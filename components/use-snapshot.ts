import { useEffect, useState } from 'preact/hooks';
import { watchSnapshot, type Snapshot } from '../lib/storage';

/** The stored state, starting from what was read before the first paint, and following every change. */
export function useSnapshot(initial: Snapshot): Snapshot {
  const [snapshot, setSnapshot] = useState(initial);
  useEffect(() => watchSnapshot(setSnapshot), []);
  return snapshot;
}

/** The current time, ticking so that relative wording ("in 5 minutes") stays true while a screen is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
