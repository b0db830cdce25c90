import { useEffect, useState } from 'preact/hooks';

/**
 * A control's value while its change travels to the background and back through storage: shows the
 * user's latest choice at once, and follows the stored value again once it holds that choice, or a value
 * somebody else chose. Values are compared by content: a storage change elsewhere re-reads the same value
 * as a new object, and the echo of an earlier choice of the user's arrives while a later one is on its
 * way; neither may flip the control back meanwhile. `settle` drops the choice, as when it was refused.
 */
export function usePendingValue<T>(stored: T): [shown: T, choose: (value: T) => void, settle: () => void] {
  const [pending, setPending] = useState<{ value: T; chosen: string[] } | null>(null);
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    setPending((current) => {
      const at = current ? current.chosen.indexOf(storedKey) : -1;
      // An earlier choice of the user's, stored while the latest is still on its way: keep showing the latest.
      return current && at >= 0 && at < current.chosen.length - 1 ? current : null;
    });
  }, [storedKey]);
  const choose = (value: T) => setPending((current) => ({ value, chosen: [...(current?.chosen ?? []), JSON.stringify(value)] }));
  return [pending ? pending.value : stored, choose, () => setPending(null)];
}
