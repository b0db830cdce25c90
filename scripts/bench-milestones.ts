// Where a page's time goes: runs apart from the timed ones (warm worker, a fresh tab each) that note, in the
// page, when its HTML was parsed, when its script first asked storage for something and when storage answered,
// when the content was in the DOM and when its frame was painted. The floor page asks storage as its first
// act and the extension's pages do too (lib/state/stored-display.ts), so the first read marks when a page's
// own script began. Wrapping that call costs the page a little, so the time-to-content runs never do it.
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './bench-browser.ts';
import { median } from './bench-stats.ts';
import { asOpened, type ContentProbe, openedPage, openUntilPainted } from './bench-time-to-content.ts';

/** One run's milestones, in milliseconds since navigation start; storage's are absent if the page never read. */
export interface MilestoneSample {
  parsed: number;
  storageAsked?: number;
  storageAnswered?: number;
  contentFound: number;
  painted: number;
}

export const MILESTONES = ['parsed', 'storageAsked', 'storageAnswered', 'contentFound', 'painted'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface MilestonesResult {
  page: string;
  opened: string;
  content: string;
  runs: number;
  /** Each milestone's median over the runs that reached it; absent if none did. */
  medianMs: Partial<Record<Milestone, number>>;
  samples: MilestoneSample[];
}

/** Each milestone's median over the samples that have it. */
export function milestoneMedians(samples: readonly MilestoneSample[]): Partial<Record<Milestone, number>> {
  const medians: Partial<Record<Milestone, number>> = {};
  for (const milestone of MILESTONES) {
    const values = samples.map((sample) => sample[milestone]).filter((value): value is number => value !== undefined);
    if (values.length > 0) medians[milestone] = median(values);
  }
  return medians;
}

interface StorageReadTiming {
  askedAt?: number;
  answeredAt?: number;
}

/** Runs in the page, before its scripts. Must stay self-contained: Playwright sends its source. */
function watchFirstStorageRead(): void {
  const timing: StorageReadTiming = {};
  (window as unknown as { __benchStorageRead: StorageReadTiming }).__benchStorageRead = timing;
  type Get = (...args: unknown[]) => unknown;
  const area = (globalThis as unknown as { chrome?: { storage?: { local?: { get: Get } } } }).chrome?.storage?.local;
  if (!area) return;
  const get = area.get;
  area.get = function (this: unknown, ...args: unknown[]) {
    const first = timing.askedAt === undefined;
    if (first) timing.askedAt = performance.now();
    const answered = () => {
      if (first) timing.answeredAt = performance.now();
    };
    // Chrome's storage answers a callback or a promise; webextension-polyfill passes a callback.
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        answered();
        return callback(...results);
      };
      return get.apply(this, args);
    }
    const result = get.apply(this, args);
    if (result instanceof Promise) result.then(answered, answered);
    return result;
  };
}

const milestoneInstruments = {
  before: (page: Page) => page.addInitScript(watchFirstStorageRead),
  read: async (page: Page) => {
    // The popup paints before storage answers: wait for the answer too.
    await page.waitForFunction(() => {
      const storage = (window as unknown as { __benchStorageRead: StorageReadTiming }).__benchStorageRead;
      return storage.askedAt === undefined || storage.answeredAt !== undefined;
    });
    return page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const storage = (window as unknown as { __benchStorageRead: StorageReadTiming }).__benchStorageRead;
      return { parsed: navigation.domInteractive, ...storage };
    });
  },
};

/** `runs` loads of the page with the worker running, each in a fresh tab. */
export async function measureMilestones(
  browser: BenchBrowser,
  options: { probe: ContentProbe; runs: number; viewport: { width: number; height: number } },
): Promise<MilestonesResult> {
  const probe = await asOpened(browser, options.probe);
  // One load first that counts for nothing, as in the timed rows: the first load of a file costs more.
  await openUntilPainted(browser, probe, options.viewport);
  const samples: MilestoneSample[] = [];
  for (let run = 0; run < options.runs; run++) {
    await browser.runningWorker();
    const { timing, read } = await openUntilPainted(browser, probe, options.viewport, milestoneInstruments);
    const { parsed, askedAt, answeredAt } = read!;
    samples.push({
      parsed,
      ...(askedAt === undefined ? {} : { storageAsked: askedAt }),
      ...(answeredAt === undefined ? {} : { storageAnswered: answeredAt }),
      contentFound: timing.foundAt,
      painted: timing.paintedAt,
    });
  }
  return {
    page: options.probe.path,
    opened: openedPage(probe),
    content: probe.label,
    runs: options.runs,
    medianMs: milestoneMedians(samples),
    samples,
  };
}
