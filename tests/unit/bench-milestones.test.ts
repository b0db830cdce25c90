import { describe, expect, it } from 'vitest';
import { type MilestoneSample, milestoneMedians } from '../../scripts/bench-milestones';

const run = (parsed: number, contentFound: number, painted: number, storage?: [number, number]): MilestoneSample => ({
  parsed,
  ...(storage ? { storageAsked: storage[0], storageAnswered: storage[1] } : {}),
  contentFound,
  painted,
});

describe("the benchmark's milestones", () => {
  it('takes each milestone’s median on its own, not the milestones of the median run', () => {
    const medians = milestoneMedians([run(40, 90, 130, [60, 80]), run(50, 70, 150, [55, 95]), run(45, 80, 120, [70, 75])]);
    expect(medians).toEqual({ parsed: 45, storageAsked: 60, storageAnswered: 80, contentFound: 80, painted: 130 });
  });

  it('leaves out the runs that never read storage from its milestones, and the milestones no run reached', () => {
    expect(milestoneMedians([run(40, 90, 130, [60, 80]), run(50, 70, 150), run(45, 80, 120, [70, 100])])).toEqual({
      parsed: 45,
      storageAsked: 65,
      storageAnswered: 90,
      contentFound: 80,
      painted: 130,
    });
    expect(milestoneMedians([run(40, 90, 130), run(50, 70, 150)])).toEqual({ parsed: 45, contentFound: 80, painted: 140 });
    expect(milestoneMedians([])).toEqual({});
  });
});
