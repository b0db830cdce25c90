import { describe, expect, it } from 'vitest';
import { sparklineAreaPath, sparklinePath } from '../../lib/apps/screen/sparkline';

/** The points of an `M x,y L x,y …` path. */
function points(path: string): [number, number][] {
  return path.split(' ').map((part) => part.slice(1).split(',').map(Number) as [number, number]);
}

describe('sparklinePath', () => {
  it('draws nothing for no values', () => {
    expect(sparklinePath([], 100, 20)).toBe('');
    expect(sparklineAreaPath([], 100, 20)).toBe('');
  });

  it('draws one value as a flat line across the whole width', () => {
    const path = sparklinePath([42], 100, 20);
    expect(path).toMatch(/^M0,[\d.]+ L100,[\d.]+$/);
    const [[, y1], [, y2]] = points(path) as [[number, number], [number, number]];
    expect(y1).toBe(y2);
    // The largest value touches the top, inside the inset.
    expect(y1).toBe(1);
  });

  it('keeps all zeros on the baseline instead of dividing by zero', () => {
    const path = sparklinePath([0, 0, 0, 0], 90, 20);
    expect(path).not.toMatch(/NaN|Infinity/);
    expect(points(path).map(([, y]) => y)).toEqual([19, 19, 19, 19]);
    expect(points(path).map(([x]) => x)).toEqual([0, 30, 60, 90]);
  });

  it('spreads the days evenly from left to right, largest at the top, zero at the bottom', () => {
    const path = sparklinePath([0, 5, 10], 100, 22, { inset: 1 });
    expect(points(path)).toEqual([
      [0, 21],
      [50, 11],
      [100, 1],
    ]);
  });

  it('treats negative and non-finite values as zero', () => {
    expect(points(sparklinePath([-5, Number.NaN, 10], 10, 12)).map(([, y]) => y)).toEqual([11, 11, 1]);
  });

  it('closes the area along the bottom edge', () => {
    expect(sparklineAreaPath([1, 2], 10, 10)).toBe(`${sparklinePath([1, 2], 10, 10)} L10,10 L0,10 Z`);
  });

  it('draws nothing into a box without size', () => {
    expect(sparklinePath([1, 2], 0, 10)).toBe('');
  });
});
