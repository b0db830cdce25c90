// `npm run test:firefox`: the real Firefox build, installed in headless Firefox as a temporary add-on, against
// the fake TelemetryDeck. Storage, alarms, notifications and the badge must work there as they do in Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { buildExtension } from '../../scripts/wxt-build.ts';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';
import { buildGranting } from '../manifest-grants.ts';
import { click, type FirefoxWithExtension, fill, firefoxExecutable, launchFirefoxWithExtension } from './firefox.ts';

const DAY = 86_400_000;
const ADA = {
  email: 'ada@example.com',
  password: 'pässwörd 🔑:x',
  firstName: 'Ada',
  lastName: 'Lovelace',
  organizationName: 'Analytical Engines',
};
const SIGNED_OUT_TITLE = 'TelemetryDeck Token Manager: not signed in';

const executable = firefoxExecutable();
if (executable && !existsSync(executable)) {
  console.error(`test:firefox: FIREFOX_PATH is ${executable}, which does not exist`);
  process.exit(1);
}
if (!executable) {
  if (process.env.CI === 'true') {
    console.error(
      'test:firefox: no Firefox (FIREFOX_PATH, /usr/bin/firefox-esr or /usr/bin/firefox); CI must have one: apt-get install firefox-esr',
    );
    process.exit(1);
  }
  console.log('test:firefox: skipped, no Firefox found (set FIREFOX_PATH or install firefox-esr)');
  process.exit(0);
}

/** The WebExtension API of the extension's pages, where the functions given to `evaluate` run. */
declare const browser: typeof chrome;

/** Calls `check` until it returns something other than undefined, or fails after `ms`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** A date `days` from today as `<input type="date">` takes it, in the browser's time zone. */
function dateInput(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('the Firefox extension', () => {
  let server: FakeServer;
  let firefox: FirefoxWithExtension;
  /** An options page kept open to call the extension's API from. */
  let control: Page;
  let popup: Page;
  let token: string;
  const started = performance.now();

  /** Runs `fn` in the control page, where `browser` is the extension's API. */
  function inExtension<T, A = undefined>(fn: (arg: A) => Promise<T>, arg?: A): Promise<T> {
    return control.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown) as Promise<T>;
  }

  const badge = () =>
    inExtension(async () => ({
      text: await browser.action.getBadgeText({}),
      title: await browser.action.getTitle({}),
      color: await browser.action.getBadgeBackgroundColor({}),
    }));
  const storage = () => inExtension(() => browser.storage.local.get(null));

  before(async () => {
    server = await startFakeServer({ port: 0, host: '127.0.0.1' });
    const extensionDir = buildExtension({ outDir: '.output-firefox-e2e', browser: 'firefox', apiOrigin: server.origin });
    // The permission to read the clipboard, granted: a prompt cannot be answered here (see tests/manifest-grants.ts).
    firefox = await launchFirefoxWithExtension(executable, buildGranting(extensionDir, ['clipboardRead']));
    control = await firefox.open('options.html', 'Keep me signed in');
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
    console.log(`test:firefox: ${Math.round((performance.now() - started) / 100) / 10} s with build and browser start`);
  });

  test('installs as a temporary Manifest V3 add-on, with a host permission for the API server', async () => {
    const installed = await inExtension(
      async (origin) => ({
        manifestVersion: browser.runtime.getManifest().manifest_version,
        geckoId: (browser.runtime.getManifest() as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings
          ?.gecko?.id,
        // Firefox grants a temporary add-on its manifest's host_permissions on install (as it does for any
        // install since Firefox 127), so nothing needs granting here. Its patterns cannot name a port (see
        // lib/api/origins.ts), so the one for the fake server is its host on any port. With it, the fake
        // server answers although it sends no CORS headers.
        hostPermission: await browser.permissions.contains({ origins: [`${new URL(origin).protocol}//${new URL(origin).hostname}/*`] }),
        reachable: await fetch(`${origin}/api/v3/users/info`).then((response) => response.status),
      }),
      server.origin,
    );
    assert.deepEqual(installed, {
      manifestVersion: 3,
      geckoId: 'telemetrydeck-token-manager@token-manager.dev',
      hostPermission: true,
      reachable: 401,
    });
  });

  test('the background starts although Firefox lacks storage.local.setAccessLevel', async () => {
    // lib/state/worker/access-level.ts feature-detects setAccessLevel; had the call thrown, start-up would never finish, and
    // the badge's tooltip would keep the manifest's default title instead of the signed-out one.
    const hasSetAccessLevel = await inExtension(
      async () => typeof (browser.storage.local as { setAccessLevel?: unknown }).setAccessLevel === 'function',
    );
    console.log(`  storage.local.setAccessLevel in this Firefox: ${hasSetAccessLevel ? 'present' : 'absent'}`);
    await eventually('the signed-out tooltip', async () => ((await badge()).title === SIGNED_OUT_TITLE ? true : undefined));
    assert.equal((await badge()).text, '');
    assert.deepEqual(await storage(), {});
  });

  test('signs in with a personal access token in the popup and shows the account', async () => {
    server.addUser(ADA);
    token = server.mintPat(ADA.email);
    popup = await firefox.open('popup.html', 'Personal access token');
    await fill(popup, '::-p-aria(Personal access token)', token);
    await click(popup, '::-p-text(Name and expiry)');
    await fill(popup, '::-p-aria(Expires)', '30');
    await click(popup, '::-p-aria([name="Sign in"][role="button"])');
    await popup.waitForSelector('::-p-aria([name="Sign out"][role="button"])', { visible: true });
    // biome-ignore lint/performance/useDomNodeTextContent: the words a person sees, not those of hidden elements
    const text = await popup.evaluate(() => document.body.innerText);
    for (const shown of ['Ada Lovelace', ADA.email, ADA.organizationName, `tdpat_…${token.slice(-4)}`])
      assert.ok(text.includes(shown), `the popup shows ${shown}`);
    assert.match(text, /Expires in (29|30) days/);

    const signedIn = server.requests.filter((request) => request.path === '/api/v3/users/info' && request.headers.authorization);
    assert.deepEqual(
      signedIn.map((request) => request.headers.authorization),
      [`Bearer ${token}`],
    );
  });

  test('the badge counts the days left, green, with the same in words in the tooltip', async () => {
    const shown = await eventually('the badge 29d', async () => {
      const current = await badge();
      return current.text === '29d' ? current : undefined;
    });
    assert.match(shown.title, /^TelemetryDeck Token Manager: Expires in (29|30) days/);
    assert.deepEqual([...shown.color].slice(0, 3), [26, 127, 55]);
  });

  test('storage.local holds the token state with the token masked, and the credential apart from it', async () => {
    const stored = (await storage()) as {
      tokenState?: { token: { masked: string; expiresAt: number; createdAt?: number } };
      credential?: { token: string; origin: string };
    };
    assert.ok(stored.tokenState, 'tokenState is stored');
    assert.equal(stored.tokenState.token.masked, `tdpat_…${token.slice(-4)}`);
    assert.ok(!JSON.stringify(stored.tokenState).includes(token), 'tokenState does not hold the token');
    assert.equal(stored.credential?.token, token);
    assert.equal(stored.credential?.origin, server.origin);
    // "30 days from now" counts from the start of the day the token was created: today, as the form said
    // (or yesterday, if midnight passed since the sign-in).
    const createdAt = stored.tokenState.token.createdAt ?? Number.NaN;
    const startOfDay = (at: number) => new Date(at).setHours(0, 0, 0, 0);
    assert.ok([startOfDay(Date.now()), startOfDay(Date.now() - DAY)].includes(createdAt), 'created at the start of the sign-in day');
    assert.equal(stored.tokenState.token.expiresAt, createdAt + 30 * DAY);
  });

  test('alarms wait for the next change of the badge and for the next check of the token', async () => {
    const alarms = await inExtension(() => browser.alarms.getAll());
    const byName = new Map(alarms.map((alarm) => [alarm.name, alarm]));
    const stateChange = byName.get('state-change');
    assert.ok(stateChange, `a state-change alarm among ${[...byName.keys()].join(', ')}`);
    assert.ok(stateChange.scheduledTime > Date.now() && stateChange.scheduledTime <= Date.now() + DAY + 60_000);
    assert.equal(byName.get('revalidate')?.periodInMinutes, 360);
  });

  test('reminders that are due show notifications (without buttons, which Firefox lacks)', async () => {
    type Shown = Record<string, { title: string; message: string; buttons?: unknown }>;
    const notifications = async (): Promise<Shown | undefined> => {
      const all = (await inExtension(() => browser.notifications.getAll())) as unknown as Shown;
      return Object.keys(all).length ? all : undefined;
    };
    // A token that expires in 30 days is due for the 30-day reminder the moment it is added.
    const atSignIn = await eventually('the 30-day reminder', notifications);
    assert.deepEqual(
      Object.keys(atSignIn).map((id) => id.replace(/^.*:/, '')),
      [String(30 * DAY)],
    );
    const [first, shownFirst] = Object.entries(atSignIn)[0]!;
    assert.match(shownFirst.message, /^Expires in 29 days/);
    assert.equal(shownFirst.buttons ?? undefined, undefined);
    await inExtension((id) => browser.notifications.clear(id), first);

    const options = await firefox.open('options.html', 'Expiry date');
    await fill(options, '::-p-aria(Expiry date)', dateInput(2));
    await click(options, '::-p-aria([name="Save"][role="button"])');
    const shown = await eventually('the badge 2d', async () => {
      const current = await badge();
      return current.text === '2d' ? current : undefined;
    });
    assert.deepEqual([...shown.color].slice(0, 3), [180, 83, 9]);
    // The most recent reminder due is the 7-day one; none is sent again for the 30 days already notified.
    const afterChange = await eventually('the 7-day reminder', notifications);
    assert.deepEqual(
      Object.keys(afterChange).map((id) => id.replace(/^.*:/, '')),
      [String(7 * DAY)],
    );
    assert.match(Object.values(afterChange)[0]!.message, /^Expires in 2 days/);
    const alarms = await inExtension(() => browser.alarms.getAll());
    assert.ok(
      alarms.some((alarm) => alarm.name === 'state-change' && alarm.scheduledTime > Date.now()),
      'an alarm for the next change',
    );
    await options.close();
  });

  test('copying from the popup works, and so does the clear, from the background page', async () => {
    const clipboard = () => inExtension(() => navigator.clipboard.readText());
    await fill(control, '::-p-aria(Clear the clipboard after)', '10000');
    await eventually('the saved delay', async () => {
      const settings = (await storage()).settings as { clipboardClearAfterMs?: number } | undefined;
      return settings?.clipboardClearAfterMs === 10_000 ? true : undefined;
    });
    await popup.bringToFront();
    await click(popup, '::-p-text(Copy as…)');
    await click(popup, '::-p-aria(curl command)');
    // The popup stays open: copying asks for no permission, so no prompt can close it.
    await popup.waitForSelector('::-p-text(Copied. The clipboard clears in 10 s)', { visible: true });
    assert.equal(await clipboard(), `curl -H 'Authorization: Bearer ${token}' ${server.origin}/api/v3/users/info`);
    // Cleared from the background page once the delay has passed, since it still holds what was copied.
    await eventually('an empty clipboard', async () => ((await clipboard()) === '' ? true : undefined), 30_000);

    // What the user copies after the extension's copy is left alone.
    await click(popup, '::-p-aria([name="Copy token"][role="button"])');
    await popup.waitForSelector('::-p-text(Copied. The clipboard clears in 10 s)', { visible: true });
    assert.equal(await clipboard(), token);
    await inExtension(() => navigator.clipboard.writeText('copied by the user since'));
    await eventually(
      'the clear dealt with',
      async () => {
        const pending = await inExtension(() => browser.storage.session.get('pendingClipboardClear'));
        return Object.keys(pending).length === 0 ? true : undefined;
      },
      30_000,
    );
    assert.equal(await clipboard(), 'copied by the user since');
  });

  test('signing out clears the token from storage, the badge and the alarms', async () => {
    await click(popup, '::-p-aria([name="Sign out"][role="button"])');
    await eventually('the signed-out badge', async () => ((await badge()).title === SIGNED_OUT_TITLE ? true : undefined));
    assert.equal((await badge()).text, '');
    const stored = await storage();
    assert.equal(stored.tokenState, undefined);
    assert.equal(stored.credential, undefined);
    assert.ok(!JSON.stringify(stored).includes(token), 'no stored value holds the token');
    assert.deepEqual(await inExtension(() => browser.storage.session.get(null)), {});
    const alarms = (await inExtension(() => browser.alarms.getAll())).map((alarm) => alarm.name);
    assert.ok(!alarms.includes('revalidate'), `no revalidation alarm left: ${alarms.join(', ')}`);
    // What is left to wake for is the reminder to revoke the token just removed, a day from now.
    const revocations = (stored.reminders as { revocations: { last4: string }[] }).revocations;
    assert.deepEqual(
      revocations.map((reminder) => reminder.last4),
      [token.slice(-4)],
    );
    await popup.waitForSelector('::-p-aria(Personal access token)', { visible: true });
  });

  test('no page of the extension threw an uncaught error', () => {
    assert.deepEqual(firefox.pageErrors, []);
  });
});
