/**
 * Escape closes the popup, from wherever focus is, as the browser's own menus and popups do. A control that
 * gives Escape a meaning of its own (closing a confirmation step, say) handles it first and calls
 * `preventDefault()`; an IME composing text keeps its Escape too.
 */
export function closeOnEscape(target: Pick<Document, 'addEventListener'>, close: () => void): void {
  target.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) close();
  });
}
