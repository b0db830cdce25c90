import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, middleHalf, quantile } from '../../scripts/bench-stats';

const samples = fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 41 });

describe("the benchmark's statistics", () => {
  it('takes the quartiles between the nearest values, as spreadsheets do', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(middleHalf([3, 1, 2, 5, 4])).toEqual([2, 4]);
    expect(middleHalf([1.2])).toEqual([1.2, 1.2]);
    expect(quantile([], 0.5)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('agrees with the median at one half, and spans the smallest to the largest value', () => {
    fc.assert(
      fc.property(samples, (values) => {
        expect(quantile(values, 0.5)).toBeCloseTo(median(values), 9);
        expect(quantile(values, 0)).toBe(Math.min(...values));
        expect(quantile(values, 1)).toBe(Math.max(...values));
      }),
    );
  });

  it('puts the median inside the middle half, whatever the order of the runs', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const [low, high] = middleHalf(values);
        expect(low).toBeLessThanOrEqual(median(values) + 1e-9);
        expect(high).toBeGreaterThanOrEqual(median(values) - 1e-9);
        expect(middleHalf([...values].reverse())).toEqual([low, high]);
      }),
    );
  });
});
