import { digestOf } from '../digest';

/**
 * The clipboard from a document without focus: Chrome's offscreen document, Firefox's background page. There
 * the async Clipboard API wants focus, while `execCommand` wants only the clipboardWrite and clipboardRead
 * permissions; the copy and paste events carry the text, so nothing is ever selected or shown.
 */
export function writeWithDocument(doc: Document, text: string): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    written = Boolean(event.clipboardData);
  };
  doc.addEventListener('copy', onCopy);
  try {
    doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
  return written;
}

/** What the clipboard holds as text, or null when the browser would not let this document read it. */
function readWithDocument(doc: Document): string | null {
  let text: string | null = null;
  const onPaste = (event: ClipboardEvent) => {
    text = event.clipboardData?.getData('text/plain') ?? null;
    event.preventDefault();
  };
  // A paste event needs somewhere to paste into: a field that takes focus and never receives the text.
  const field = doc.createElement('textarea');
  doc.body.append(field);
  field.focus();
  doc.addEventListener('paste', onPaste);
  try {
    doc.execCommand('paste');
  } finally {
    doc.removeEventListener('paste', onPaste);
    field.remove();
  }
  return text;
}

/** What became of a clear: done, left alone (the clipboard holds something else), or not readable at all. */
export type ClearOutcome = 'cleared' | 'kept' | 'unreadable';

/**
 * Empties the clipboard if it holds the copy whose SHA-256 digest is `digest`. The digest takes a moment and
 * an await, so the text is read again afterwards: from that second read to the write, nothing else runs in this
 * document, as the three steps are one synchronous task. The system clipboard offers no compare-and-swap,
 * though: a copy another application makes in the microseconds between that read and the write is wiped.
 */
export async function clearIfHolds(doc: Document, digest: string): Promise<ClearOutcome | 'refused'> {
  const seen = readWithDocument(doc);
  if (seen === null) return 'unreadable';
  if ((await digestOf(seen)) !== digest) return 'kept';
  if (readWithDocument(doc) !== seen) return 'kept';
  return writeWithDocument(doc, '') ? 'cleared' : 'refused';
}
