import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { integer } from '../../state/worker/lean-schemas';
import type { PendingClear } from '../clear-policy';

/** In session storage: a clear still due after the worker stops, never written to disk, gone with the browser. */
const PENDING_CLEAR_KEY = 'pendingClipboardClear';

/** Describes `PendingClear` exactly; tests/types/schemas-match-types.ts has tsc check that the two agree. */
export const pendingClearSchema = z.strictObject({
  digest: z.string().check(z.refine((value) => /^[0-9a-f]{64}$/.test(value))),
  clearAt: integer().check(z.nonnegative()),
});

export async function readPendingClear(): Promise<PendingClear | null> {
  const raw = (await browser.storage.session.get(PENDING_CLEAR_KEY))[PENDING_CLEAR_KEY];
  const parsed = pendingClearSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function savePendingClear(pending: PendingClear | null): Promise<void> {
  if (pending) await browser.storage.session.set({ [PENDING_CLEAR_KEY]: pending });
  else await browser.storage.session.remove(PENDING_CLEAR_KEY);
}
