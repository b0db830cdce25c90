import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../../state/keys';
import type { FailureRecord } from '../../state/types';

/** A light check of what the worker stored (it validates with zod): the fields the options page shows. */
function isFailure(value: unknown): value is FailureRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { at, step, kind, message } = value as Record<string, unknown>;
  return typeof at === 'number' && typeof step === 'string' && typeof kind === 'string' && typeof message === 'string';
}

/** The failures as stored, oldest first; none when there are none or they cannot be read. */
function failuresOf(raw: unknown): FailureRecord[] {
  const failures = (raw as { failures?: unknown } | undefined)?.failures;
  return Array.isArray(failures) ? failures.filter(isFailure) : [];
}

/** Calls back with the stored failures now, and whenever they change. Returns the unsubscribe. */
export function watchFailures(onChange: (failures: FailureRecord[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[STORAGE_KEYS.diagnostics];
    if (areaName === 'local' && change) onChange(failuresOf(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(STORAGE_KEYS.diagnostics).then((raw) => onChange(failuresOf(raw[STORAGE_KEYS.diagnostics])));
  return () => browser.storage.onChanged.removeListener(listener);
}
