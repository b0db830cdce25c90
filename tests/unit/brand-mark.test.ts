import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The drawing's attributes, in order: shapes, sizes, colours, the path. */
function drawing(source: string): string[] {
  return [...source.matchAll(/\b(viewBox|width|height|x|y|rx|cx|cy|r|d|fill|stroke|stroke-width|stroke-linecap|transform)="([^"]*)"/g)]
    .map(([, name, value]) => `${name}=${value}`)
    .sort();
}

describe("the header's mark", () => {
  it('draws what assets/icon.svg, the source of the toolbar icons, draws', () => {
    const icon = drawing(read('assets/icon.svg'));
    const mark = drawing(read('components/Header.tsx'));
    // The mark sets fill and stroke once on its group; the icon repeats them on each shape.
    expect([...new Set(mark)]).toEqual([...new Set(icon)]);
  });
});
