import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { integer, recordOf } from '../../lib/state/worker/lean-schemas';

describe('integer()', () => {
  it('takes exactly what z.int() takes', () => {
    const samples = [0, -3, 42, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1.5, -0.1, NaN, Infinity, -Infinity, '1', null, undefined, true, {}];
    for (const sample of samples) expect(integer().safeParse(sample).success, String(sample)).toBe(z.int().safeParse(sample).success);
    fc.assert(fc.property(fc.double(), (value) => integer().safeParse(value).success === z.int().safeParse(value).success));
  });

  it('keeps the checks chained after it', () => {
    expect(integer().check(z.nonnegative()).safeParse(-1).success).toBe(false);
    expect(integer().check(z.nonnegative()).safeParse(0).success).toBe(true);
  });
});

describe('recordOf()', () => {
  const counts = recordOf(integer());

  it('takes what z.record(z.string(), value) takes', () => {
    const record = z.record(z.string(), z.int());
    const samples = [{}, { a: 1, b: 2 }, { a: 1.5 }, { a: '1' }, [], [1], null, undefined, 'x', 7, { a: { b: 1 } }];
    for (const sample of samples) expect(counts.safeParse(sample).success, JSON.stringify(sample)).toBe(record.safeParse(sample).success);
  });

  it('checks objects inside it with their own schema', () => {
    const byApp = recordOf(z.strictObject({ events: integer() }));
    expect(byApp.safeParse({ app: { events: 3 } }).success).toBe(true);
    expect(byApp.safeParse({ app: { events: 3, extra: true } }).success).toBe(false);
    expect(byApp.safeParse({ app: { events: 'many' } }).success).toBe(false);
  });
});
