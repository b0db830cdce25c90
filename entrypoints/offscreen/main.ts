import { browser } from 'wxt/browser';
import { clearIfHolds, writeWithDocument } from '../../lib/clipboard/worker/document-clipboard';
import { isOffscreenClipboardRequest, type OffscreenClipboardAnswer } from '../../lib/clipboard/worker/offscreen-request';

// Chrome's offscreen document (reason CLIPBOARD): the worker's hands for the clipboard, open only while it works.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string }) => {
  // Only the extension's own worker asks; a page of ours has a URL of its own page, the worker its script's.
  if (sender.id !== browser.runtime.id || !isOffscreenClipboardRequest(message)) return undefined;
  if (message.op === 'write') return Promise.resolve<OffscreenClipboardAnswer>({ ok: writeWithDocument(document, message.text) });
  // The compare and the write happen here, in the document, so that no message round trip lies between them.
  return clearIfHolds(document, message.digest).then<OffscreenClipboardAnswer>((outcome) =>
    outcome === 'refused' ? { ok: false } : { ok: true, outcome },
  );
});
