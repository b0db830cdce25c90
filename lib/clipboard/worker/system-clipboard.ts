import { browser } from 'wxt/browser';
import { createSerialQueue } from '../../state/worker/serial-queue';
import { readWithDocument, writeWithDocument } from './document-clipboard';
import { OFFSCREEN_DOCUMENT, type OffscreenClipboardAnswer, type OffscreenClipboardRequest } from './offscreen-request';

type OffscreenApi = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};

/** One clipboard operation at a time: Chrome allows one offscreen document, made for each and closed after. */
const oneAtATime = createSerialQueue();

/**
 * The system clipboard, from the worker. Chrome's service worker has no DOM: an offscreen document (reason
 * CLIPBOARD) does the work, created when needed and closed after use. Firefox's background page has a document.
 */
async function withClipboard(request: OffscreenClipboardRequest): Promise<OffscreenClipboardAnswer> {
  if (import.meta.env.FIREFOX) {
    if (request.op === 'write') return { ok: writeWithDocument(document, request.text) };
    const text = readWithDocument(document);
    return text === null ? { ok: false } : { ok: true, text };
  }
  return oneAtATime(async () => {
    const offscreen = (browser as unknown as { offscreen: OffscreenApi }).offscreen;
    await offscreen
      .createDocument({
        url: OFFSCREEN_DOCUMENT,
        reasons: ['CLIPBOARD'],
        justification: 'Copy the token, and clear it from the clipboard later.',
      })
      .catch(() => {
        // Left open by a worker that stopped mid-way: use it.
      });
    try {
      const answer = (await browser.runtime.sendMessage(request)) as OffscreenClipboardAnswer | undefined;
      return answer ?? { ok: false };
    } finally {
      await offscreen.closeDocument().catch(() => {});
    }
  });
}

/** Puts `text` on the clipboard; false when the browser refused. */
export async function writeClipboard(text: string): Promise<boolean> {
  return (await withClipboard({ target: 'offscreen-clipboard', op: 'write', text })).ok;
}

/** The clipboard's text, or null when it cannot be read (no clipboardRead permission, or a refusal). */
export async function readClipboard(): Promise<string | null> {
  const answer = await withClipboard({ target: 'offscreen-clipboard', op: 'read' });
  return answer.ok ? (answer.text ?? '') : null;
}
