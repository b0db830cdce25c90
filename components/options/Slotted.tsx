import type { ComponentChildren } from 'preact';

/** Marks where an element goes in a catalog sentence: pass it as the substitution, then render with `Slotted`. */
export const SLOT = '\u2063';

/** A sentence from the catalogs with one element (a `<code>`, a `<kbd>`) where the language puts `SLOT`. */
export function Slotted({ text, children }: { text: string; children: ComponentChildren }) {
  const [before, after] = text.split(SLOT);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
