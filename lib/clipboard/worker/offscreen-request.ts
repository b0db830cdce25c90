/** What the worker asks Chrome's offscreen document to do with the clipboard, and what it answers. */
export type OffscreenClipboardRequest =
  | { target: 'offscreen-clipboard'; op: 'write'; text: string }
  | { target: 'offscreen-clipboard'; op: 'read' };
export type OffscreenClipboardAnswer = { ok: true; text?: string } | { ok: false };

export const OFFSCREEN_DOCUMENT = 'offscreen.html';

export function isOffscreenClipboardRequest(message: unknown): message is OffscreenClipboardRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { target, op, text } = message as Record<string, unknown>;
  return target === 'offscreen-clipboard' && (op === 'read' || (op === 'write' && typeof text === 'string'));
}
