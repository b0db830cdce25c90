import { describe, expect, it, vi } from 'vitest';
import { closeOnEscape } from '../../entrypoints/popup/close-on-escape';

/** A keydown as the document sees it once it has bubbled up from the focused element. */
function keydown(target: EventTarget, key: string, options: { isComposing?: boolean; handledBelow?: boolean } = {}): void {
  const event = Object.assign(new Event('keydown', { cancelable: true }), { key, isComposing: options.isComposing ?? false });
  if (options.handledBelow) event.preventDefault();
  target.dispatchEvent(event);
}

describe('closeOnEscape', () => {
  it('closes on Escape, and on no other key', () => {
    const target = new EventTarget();
    const close = vi.fn();
    closeOnEscape(target as unknown as Document, close);
    keydown(target, 'Enter');
    keydown(target, 'a');
    expect(close).not.toHaveBeenCalled();
    keydown(target, 'Escape');
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('leaves Escape to a control that handled it, and to an IME composing text', () => {
    const target = new EventTarget();
    const close = vi.fn();
    closeOnEscape(target as unknown as Document, close);
    keydown(target, 'Escape', { handledBelow: true });
    keydown(target, 'Escape', { isComposing: true });
    expect(close).not.toHaveBeenCalled();
  });
});
