// Time to content: from the start of navigation to the first frame painted with a page's content, measured
// inside the page the same way for the popup, the options page, the floor page and the blank page.
//
// Method: an init script runs in the new document before any of its own scripts. A MutationObserver (and
// DOMContentLoaded) checks for the content element with its text and a layout box; once it is there, a task
// queued from the next requestAnimationFrame runs after that frame has been painted, and its
// `performance.now()` (milliseconds since navigation start) is the sample. Each run uses a fresh tab; a
// page's runs alternate in pairs with runs of its baseline (the floor page; for the floor itself, the blank
// page), each pair in the other order than the last, so that drift and order effects cancel out, and the
// worker is stopped before each run of a cold pair, baseline included.
// The popup is opened at the page the toolbar button opens for the state (see lib/toolbar/popup-page.ts).
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './bench-browser.ts';
import { BENCH_ACCOUNT_NAME } from './bench-extension-state.ts';
import { median, middleHalf } from './bench-stats.ts';

/** What "content" is on a page: an element matching `selector`, holding `text` if given, with a box. */
export interface ContentProbe {
  label: string;
  path: string;
  selector: string;
  text?: string;
  /** More elements that must be there too, each with a box. */
  alongWith?: { selector: string; text?: string }[];
}

export const BLANK_PAGE: ContentProbe = {
  label: 'blank page, its text',
  path: 'bench-blank.html',
  selector: '#content',
  text: 'Blank page',
};
/**
 * What any page that shows stored data costs at least: one tiny script, one storage read, one line. Every time
 * budget is a ratio to it, so its files are pinned (bench-floor-page.ts).
 */
export const FLOOR_PAGE: ContentProbe = { label: 'one line, after one storage read', path: 'bench-floor.html', selector: '#content' };
/** The signed-in popup with what it has cached: the account, and the apps section's first app with its numbers. */
export const POPUP_SIGNED_IN: ContentProbe = {
  label: 'the account name and its first app',
  path: 'popup.html',
  selector: '.account-name',
  text: BENCH_ACCOUNT_NAME,
  alongWith: [{ selector: '.apps .app .app-stats' }],
};
export const POPUP_SIGNED_OUT: ContentProbe = { label: 'the “Personal access token” field', path: 'popup.html', selector: 'input#pat' };
export const OPTIONS_SIGNED_IN: ContentProbe = {
  label: 'the “Current token” heading',
  path: 'options.html',
  selector: '#current-token-heading',
  text: 'Current token',
};
export const OPTIONS_SIGNED_OUT: ContentProbe = { label: 'the signed-out card', path: 'options.html', selector: '#no-token-heading' };

export const POPUP_VIEWPORT = { width: 360, height: 600 };
export const TAB_VIEWPORT = { width: 1280, height: 800 };

/** Before each run: the worker running (`warm`) or stopped (`cold`). */
export type WorkerTemperature = 'warm' | 'cold';

export interface TimeToContentResult {
  page: string;
  /** The page opened: for the popup, the toolbar's page for the state (`#…`: with what the screens show). */
  opened: string;
  content: string;
  worker: WorkerTemperature;
  runs: number;
  /** The page each run was paired with: the floor page, or for the floor itself the blank page. */
  baseline: string;
  pageMedianMs: number;
  baselineMedianMs: number;
  /** The median of each pair's page / baseline ratio. */
  medianPairRatio: number;
  /**
   * The middle half of the pairs' ratios (first to third quartile): how far this machine's noise spreads them,
   * so that a median just over or under a budget can be told from a clear miss.
   */
  pairRatioMiddleHalf: [number, number];
  ratioOfMedians: number;
  /** Milliseconds since navigation start, in run order. */
  pageSamplesMs: number[];
  baselineSamplesMs: number[];
}

interface ContentTiming {
  /** When the content was first in the DOM with a box. */
  foundAt: number;
  /** After the first frame painted with it. */
  paintedAt?: number;
}

/** Runs in the page, before its scripts. Must stay self-contained: Playwright sends its source. */
function watchForContent(probes: { selector: string; text?: string }[]): void {
  const timings = window as unknown as { __benchContent?: ContentTiming };
  let found = false;
  const isThere = (probe: { selector: string; text?: string }) => {
    const element = document.querySelector(probe.selector);
    if (!element || (probe.text && !(element.textContent ?? '').includes(probe.text))) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 || box.height > 0;
  };
  const check = () => {
    if (found || !probes.every(isThere)) return;
    found = true;
    observer.disconnect();
    const foundAt = performance.now();
    timings.__benchContent = { foundAt };
    requestAnimationFrame(() => setTimeout(() => (timings.__benchContent = { foundAt, paintedAt: performance.now() }), 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
}

/** One run in a fresh tab: milliseconds from navigation start to the content's first painted frame. */
async function timeOnce(browser: BenchBrowser, probe: ContentProbe, viewport: { width: number; height: number }): Promise<number> {
  const { timing } = await openUntilPainted(browser, probe, viewport);
  return timing.paintedAt;
}

/** What a run may add to the page: init scripts before it loads, and what to read from it once painted. */
export interface PageInstruments<Read> {
  before: (page: Page) => Promise<unknown>;
  read: (page: Page) => Promise<Read>;
}

/**
 * Opens `probe` in a fresh tab and waits for its content's first painted frame; with `instruments`, adds their
 * init scripts first and reads the page once it has painted.
 */
export async function openUntilPainted<Read = undefined>(
  browser: BenchBrowser,
  probe: ContentProbe,
  viewport: { width: number; height: number },
  instruments?: PageInstruments<Read>,
): Promise<{ timing: Required<ContentTiming>; read: Read | undefined }> {
  const page: Page = await browser.newPage(viewport);
  try {
    await page.addInitScript(watchForContent, [{ selector: probe.selector, text: probe.text }, ...(probe.alongWith ?? [])]);
    await instruments?.before(page);
    await page.goto(browser.url(probe.path), { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const timing = (window as unknown as { __benchContent?: ContentTiming }).__benchContent;
        return timing?.paintedAt === undefined ? undefined : timing;
      },
      undefined,
      { polling: 20, timeout: 15_000 },
    );
    const timing = (await handle.jsonValue()) as Required<ContentTiming>;
    return { timing, read: instruments ? await instruments.read(page) : undefined };
  } catch (error) {
    throw new Error(`${probe.path}: ${probe.label} did not appear (${(error as Error).message.split('\n')[0]})`);
  } finally {
    await page.close();
  }
}

/** The popup as the toolbar button opens it: the page the background chose for the stored state. */
export async function asOpened(browser: BenchBrowser, probe: ContentProbe): Promise<ContentProbe> {
  return probe.path === 'popup.html' ? { ...probe, path: await browser.toolbarPopupPath() } : probe;
}

/** The page opened, as the results name it: the popup URL's fragment (what the screens show) stays out. */
export function openedPage(probe: ContentProbe): string {
  return probe.path.replace(/#.+/, '#…');
}

async function prepareWorker(browser: BenchBrowser, worker: WorkerTemperature): Promise<void> {
  if (worker === 'cold') await browser.stopWorker();
  else await browser.runningWorker();
}

export async function measureTimeToContent(
  browser: BenchBrowser,
  options: {
    probe: ContentProbe;
    baseline: ContentProbe;
    worker: WorkerTemperature;
    runs: number;
    viewport: { width: number; height: number };
  },
): Promise<TimeToContentResult> {
  const { baseline, worker, runs, viewport } = options;
  const probe = await asOpened(browser, options.probe);
  // One untimed pair first: the first load of a file costs more than any later one.
  for (const warmUp of [probe, baseline]) await timeOnce(browser, warmUp, viewport);

  const pageSamplesMs: number[] = [];
  const baselineSamplesMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ([probe, baseline] as const) : ([baseline, probe] as const);
    for (const current of order) {
      await prepareWorker(browser, worker);
      const sample = await timeOnce(browser, current, viewport);
      (current === baseline ? baselineSamplesMs : pageSamplesMs).push(sample);
    }
  }
  const pairRatios = pageSamplesMs.map((sample, run) => sample / baselineSamplesMs[run]!);
  const pageMedianMs = median(pageSamplesMs);
  const baselineMedianMs = median(baselineSamplesMs);
  return {
    page: options.probe.path,
    opened: openedPage(probe),
    content: probe.label,
    worker,
    runs,
    baseline: baseline.path,
    pageMedianMs,
    baselineMedianMs,
    medianPairRatio: median(pairRatios),
    pairRatioMiddleHalf: middleHalf(pairRatios),
    ratioOfMedians: pageMedianMs / baselineMedianMs,
    pageSamplesMs,
    baselineSamplesMs,
  };
}
