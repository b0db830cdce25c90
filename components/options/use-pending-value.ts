import { useEffect, useState } from 'preact/hooks';

/**
 * A control's value while its change travels to the background and back through storage: shows the
 * user's choice at once, and follows the stored value whenever that changes.
 */
export function usePendingValue<T>(stored: T): [T, (value: T) => void] {
  const [shown, setShown] = useState(stored);
  useEffect(() => setShown(stored), [stored]);
  return [shown, setShown];
}
