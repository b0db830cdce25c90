import type { ClearOutcome } from './document-clipboard';

/** What the worker asks Chrome's offscreen document to do with the clipboard, and what it answers. */
export type OffscreenClipboardRequest =
  | { target: 'offscreen-clipboard'; op: 'write'; text: string }
  | { target: 'offscreen-clipboard'; op: 'clear'; digest: string };
/** `ok: false`: the browser refused the write. A clear answers what became of it. */
export type OffscreenClipboardAnswer = { ok: true; outcome?: ClearOutcome } | { ok: false };

export const OFFSCREEN_DOCUMENT = 'offscreen.html';

export function isOffscreenClipboardRequest(message: unknown): message is OffscreenClipboardRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { target, op, text, digest } = message as Record<string, unknown>;
  return (
    target === 'offscreen-clipboard' && ((op === 'clear' && typeof digest === 'string') || (op === 'write' && typeof text === 'string'))
  );
}
