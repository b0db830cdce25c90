import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { digestOf } from '../../lib/clipboard/digest';
import { clearIfHolds } from '../../lib/clipboard/worker/document-clipboard';
import { clearClipboardIfHolds } from '../../lib/clipboard/worker/system-clipboard';

/** The system clipboard, as a document without focus reaches it: through copy and paste events. */
const system = { text: '' };

type Listener = (event: unknown) => void;
/** Just enough of a document for `execCommand('copy' | 'paste')`, as Chrome's offscreen document runs them. */
function fakeDocument() {
  const listeners = new Map<string, Set<Listener>>();
  const fire = (type: string, clipboardData: object) => {
    for (const listener of listeners.get(type) ?? []) listener({ clipboardData, preventDefault: () => {} });
  };
  return {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    removeEventListener: (type: string, listener: Listener) => listeners.get(type)?.delete(listener),
    createElement: () => ({ focus: () => {}, remove: () => {} }),
    body: { append: () => {} },
    execCommand: (command: string) => {
      if (command === 'copy') fire('copy', { setData: (_type: string, text: string) => (system.text = text) });
      if (command === 'paste') fire('paste', { getData: () => system.text });
      return true;
    },
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  system.text = '';
  vi.stubGlobal('document', fakeDocument());
  Object.assign(fakeBrowser, { offscreen: { createDocument: async () => {}, closeDocument: async () => {} } });
  // The worker's messages reach the offscreen document's own listener.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => {});
    return answers.find((answer) => answer !== undefined);
  }) as never);
  await import('../../entrypoints/offscreen/main');
});

describe('the clear, between its compare and its write', () => {
  it('leaves a copy made while what the clipboard held was being compared with what the extension copied', async () => {
    const copied = 'tdpat_SECRETsecretSECRET1234';
    system.text = copied;
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    const hex = await digestOf(copied);
    // The user copies something else while the digest of what was read is computed.
    vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      system.text = 'what the user copied meanwhile';
      return digest(algorithm, data);
    });
    expect(await clearClipboardIfHolds(hex)).toBe('kept');
    expect(system.text).toBe('what the user copied meanwhile');
  });
});

describe('the document that clears', () => {
  it('empties a clipboard that holds exactly the copy, and nothing else, however alike', async () => {
    const copied = 'tdpat_abcdef';
    const digest = await digestOf(copied);
    const doc = fakeDocument() as unknown as Document;
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((other) => other !== copied),
        async (other) => {
          system.text = other;
          expect(await clearIfHolds(doc, digest)).toBe('kept');
          expect(system.text).toBe(other);
        },
      ),
    );
    system.text = copied;
    expect(await clearIfHolds(doc, digest)).toBe('cleared');
    expect(system.text).toBe('');
  });
});
