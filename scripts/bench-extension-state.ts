// Puts the extension into the states the benchmark measures: signed in (through the same intent the popup
// sends), with an account of a chosen age, or signed out.
import type { FakeServer } from '../tests/fake-server/server.ts';
import { type BenchBrowser, sleep } from './bench-browser.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Long enough for the worker to follow a storage change (badge, alarms) before anything is measured. */
const SETTLE_MS = 500;

const BENCH_ACCOUNT = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', organizationName: 'Analytical Engines' };
export const BENCH_ACCOUNT_NAME = `${BENCH_ACCOUNT.firstName} ${BENCH_ACCOUNT.lastName}`;

type IntentAnswer = { ok: boolean; error?: { message: string } };

async function sendIntent(browser: BenchBrowser, intent: Record<string, unknown>): Promise<void> {
  const answer = await browser.inExtensionPage((page) =>
    page.evaluate((message) => chrome.runtime.sendMessage(message) as Promise<IntentAnswer>, intent),
  );
  if (!answer?.ok) throw new Error(`The extension refused ${String(intent.type)}: ${answer?.error?.message ?? 'no answer'}`);
  await sleep(SETTLE_MS);
}

/** Signs in with a new personal access token that expires in `expiresInDays`. */
export async function signIn(browser: BenchBrowser, server: FakeServer, expiresInDays: number): Promise<void> {
  server.addUser({ ...BENCH_ACCOUNT, password: 'benchmark password' });
  const token = server.mintPat(BENCH_ACCOUNT.email);
  await sendIntent(browser, { type: 'signInWithToken', token, name: 'Benchmark', expiresAt: Date.now() + expiresInDays * DAY_MS });
}

export async function signOut(browser: BenchBrowser): Promise<void> {
  await sendIntent(browser, { type: 'signOut' });
}

/**
 * Makes the cached account `ageMs` old, as if it had been fetched (and checked) that long ago, by writing
 * `tokenState` from the worker. 0 makes it fresh.
 */
export async function setAccountAge(browser: BenchBrowser, ageMs: number): Promise<void> {
  const worker = await browser.runningWorker();
  const written = await worker.evaluate(async (at) => {
    const { tokenState } = (await chrome.storage.local.get('tokenState')) as {
      tokenState?: { account: { fetchedAt: number } | null; check: { lastAttemptAt?: number; lastSuccessAt?: number } };
    };
    if (!tokenState?.account) return false;
    tokenState.account.fetchedAt = at;
    tokenState.check.lastAttemptAt = at;
    tokenState.check.lastSuccessAt = at;
    await chrome.storage.local.set({ tokenState });
    return true;
  }, Date.now() - ageMs);
  if (!written) throw new Error('No signed-in account with cached details to age.');
  await sleep(SETTLE_MS);
}
