// API requests caused by opening the popup: none while the cache is fresh, one (the revalidation) once the
// cached account is stale. Counted at the fake server, which sees every request the extension makes.
import type { FakeServer } from '../tests/fake-server/server.ts';
import { type BenchBrowser, sleep } from './bench-browser.ts';
import { setAccountAge } from './bench-extension-state.ts';
import { POPUP_SIGNED_IN, POPUP_VIEWPORT } from './bench-time-to-content.ts';

const MINUTE_MS = 60_000;
/** The popup revalidates an account older than 5 minutes (lib/token/refresh-policy.ts). */
const STALE_AGE_MS = 6 * MINUTE_MS;
/** The popup stays open until no request has arrived for this long after it showed the account… */
const QUIET_MS = 2_000;
/** …or this long at most. */
const MAX_OPEN_MS = 20_000;

export interface PopupRequests {
  count: number;
  /** `GET /api/v3/users/info` and the like, in order. */
  paths: string[];
}

async function requestsWhilePopupOpen(browser: BenchBrowser, server: FakeServer): Promise<PopupRequests> {
  const before = server.requests.length;
  const popup = await browser.newPage(POPUP_VIEWPORT);
  try {
    await popup.goto(browser.url(POPUP_SIGNED_IN.path));
    await popup.locator(POPUP_SIGNED_IN.selector, { hasText: POPUP_SIGNED_IN.text }).waitFor();
    const openedAt = Date.now();
    let seen = server.requests.length;
    let quietSince = Date.now();
    while (Date.now() - quietSince < QUIET_MS && Date.now() - openedAt < MAX_OPEN_MS) {
      await sleep(100);
      if (server.requests.length !== seen) {
        seen = server.requests.length;
        quietSince = Date.now();
      }
    }
  } finally {
    await popup.close();
  }
  const made = server.requests.slice(before);
  return { count: made.length, paths: made.map((request) => `${request.method} ${request.path}`) };
}

/**
 * The first opening after signing in, when only what the sign-in stored is cached: whatever else the popup
 * shows is fetched now. Not budgeted; it also fills the caches for the measurements that follow.
 */
export async function popupRequestsOnFirstOpen(browser: BenchBrowser, server: FakeServer): Promise<PopupRequests> {
  return requestsWhilePopupOpen(browser, server);
}

/** With everything cached and the account just fetched: must be 0. */
export async function popupRequestsWhenFresh(browser: BenchBrowser, server: FakeServer): Promise<PopupRequests> {
  await setAccountAge(browser, 0);
  return requestsWhilePopupOpen(browser, server);
}

/** With the account (and the last check) 6 minutes old: must be 1. */
export async function popupRequestsWhenStale(browser: BenchBrowser, server: FakeServer): Promise<PopupRequests> {
  await setAccountAge(browser, STALE_AGE_MS);
  return requestsWhilePopupOpen(browser, server);
}
