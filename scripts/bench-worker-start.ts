// Worker start: with the service worker stopped (CDP ServiceWorker.stopAllWorkers, as when Chrome idles it)
// and the badge wiped, the time from an event that wakes the worker to the badge being correct again.
//
// Two events: a runtime message (one the worker ignores: any start repaints the badge) and the
// `state-change` alarm, the way the badge changes in real life, timed from the moment the alarm was due.
// An extension page sends the event and polls chrome.action.getBadgeText every 2 ms; that page keeps the
// extension's process alive, so this is the worker's own start, without launching a process.
import type { Page } from '@playwright/test';
import { type BenchBrowser, sleep } from './bench-browser.ts';
import { median } from './bench-stats.ts';

export type WakeEvent = 'message' | 'alarm';

/**
 * Chrome polls an unpacked extension's alarms at most once a second (AlarmManager's minimum granularity), so
 * an alarm due sooner after the last one fired would wait for that poll: each alarm run waits this long first.
 */
const ALARM_POLL_GAP_MS = 1_200;

export interface WorkerStartResult {
  event: WakeEvent;
  runs: number;
  medianMs: number;
  samplesMs: number[];
  /** What the worker painted before it was stopped, and must paint again. */
  badgeText: string;
}

/** Runs in the extension page. Self-contained: Playwright sends its source. */
async function wakeAndWaitForBadge({ event, expected }: { event: WakeEvent; expected: string }): Promise<number> {
  const pause = () => new Promise((done) => setTimeout(done, 2));
  // Nothing repaints this while the worker is stopped.
  await chrome.action.setBadgeText({ text: '' });
  let startedAt: number;
  if (event === 'message') {
    startedAt = performance.now();
    chrome.runtime.sendMessage({ type: 'bench:wake' }).catch(() => {});
  } else {
    const delayMs = 50;
    startedAt = performance.now() + delayMs;
    await chrome.alarms.create('state-change', { when: Date.now() + delayMs });
  }
  while ((await chrome.action.getBadgeText({})) !== expected) {
    if (performance.now() - startedAt > 15_000) throw new Error(`The badge did not return to “${expected}” within 15 s.`);
    await pause();
  }
  return performance.now() - startedAt;
}

async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

export async function measureWorkerStart(browser: BenchBrowser, runs: number): Promise<WorkerStartResult[]> {
  return browser.inExtensionPage(async (page) => {
    await browser.runningWorker();
    const expected = await badgeText(page);
    if (!expected) throw new Error('The badge is empty: sign in with an expiry date before measuring the worker start.');
    const samples: Record<WakeEvent, number[]> = { message: [], alarm: [] };
    for (let run = 0; run < runs; run++) {
      for (const event of run % 2 === 0 ? (['message', 'alarm'] as const) : (['alarm', 'message'] as const)) {
        await browser.runningWorker();
        if (event === 'alarm') await sleep(ALARM_POLL_GAP_MS);
        await browser.stopWorker();
        samples[event].push(await page.evaluate(wakeAndWaitForBadge, { event, expected }));
      }
    }
    return (['message', 'alarm'] as const).map((event) => ({
      event,
      runs,
      medianMs: median(samples[event]),
      samplesMs: samples[event],
      badgeText: expected,
    }));
  });
}
