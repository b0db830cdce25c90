import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFloorPage, FLOOR_PAGE_SHA256, floorPageSha256 } from '../../scripts/bench-floor-page';

const SCRIPTS = resolve(import.meta.dirname, '../../scripts');

describe("the benchmark's floor page", () => {
  it('is the pinned pair of files, so that no budget can be met by changing the floor', () => {
    expect(floorPageSha256(SCRIPTS)).toBe(FLOOR_PAGE_SHA256);
    expect(() => checkFloorPage(SCRIPTS)).not.toThrow();
  });
});
