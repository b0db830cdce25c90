import { browser } from 'wxt/browser';
import { createSerialQueue } from '../../state/worker/serial-queue';
import { type ClearOutcome, clearIfHolds, writeWithDocument } from './document-clipboard';
import { OFFSCREEN_DOCUMENT, type OffscreenClipboardAnswer, type OffscreenClipboardRequest } from './offscreen-request';

type OffscreenApi = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};
type ContextsApi = { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };

/** One clipboard operation at a time: Chrome allows one offscreen document, made for each and closed after. */
const oneAtATime = createSerialQueue();
/** A document still closing refuses a new one for a moment: how often, and how far apart, to try again. */
const CREATE_ATTEMPTS = 5;
const CREATE_RETRY_MS = 100;

/** The clipboard, one request at a time, within one session of whatever document does the work. */
type Session = (request: OffscreenClipboardRequest) => Promise<OffscreenClipboardAnswer>;

/**
 * Runs `work` with the system clipboard, from the worker. Chrome's service worker has no DOM: an offscreen
 * document (reason CLIPBOARD) does the work, created for the session and closed after it. Firefox's background
 * page has a document.
 */
async function withClipboard<T>(work: (session: Session) => Promise<T>): Promise<T> {
  if (import.meta.env.FIREFOX) {
    return work(async (request) => {
      if (request.op === 'write') return { ok: writeWithDocument(document, request.text) };
      const outcome = await clearIfHolds(document, request.digest);
      return outcome === 'refused' ? { ok: false } : { ok: true, outcome };
    });
  }
  return oneAtATime(async () => {
    await openOffscreenDocument();
    try {
      return await work(
        async (request) => ((await browser.runtime.sendMessage(request)) as OffscreenClipboardAnswer | undefined) ?? { ok: false },
      );
    } finally {
      await offscreenApi()
        .closeDocument()
        .catch(() => {});
    }
  });
}

function offscreenApi(): OffscreenApi {
  return (browser as unknown as { offscreen: OffscreenApi }).offscreen;
}

/** Creates the offscreen document, or finds the one a stopped worker left open; throws when neither comes. */
async function openOffscreenDocument(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await offscreenApi().createDocument({
        url: OFFSCREEN_DOCUMENT,
        reasons: ['CLIPBOARD'],
        justification: 'Copy the token, and clear it from the clipboard later.',
      });
      return;
    } catch (error) {
      const open = await (browser.runtime as unknown as ContextsApi).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (open.length > 0) return;
      if (attempt >= CREATE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, CREATE_RETRY_MS));
    }
  }
}

/** Puts `text` on the clipboard; false when the browser refused. */
export async function writeClipboard(text: string): Promise<boolean> {
  return withClipboard(async (session) => (await session({ target: 'offscreen-clipboard', op: 'write', text })).ok);
}

/**
 * Empties the clipboard if it still holds the copy whose digest is `digest`. The document that does the work
 * compares and writes itself (`clearIfHolds`), so no message round trip comes between the two.
 * `unreadable`: the browser would not let the extension read it.
 */
export async function clearClipboardIfHolds(digest: string): Promise<ClearOutcome> {
  return withClipboard(async (session) => {
    const answer = await session({ target: 'offscreen-clipboard', op: 'clear', digest });
    if (!answer.ok) throw new Error('The browser refused to empty the clipboard.');
    return answer.outcome ?? 'unreadable';
  });
}
