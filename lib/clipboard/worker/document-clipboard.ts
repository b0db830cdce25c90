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
export function readWithDocument(doc: Document): string | null {
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
