import type { Page } from '@playwright/test';
import { type FaultSpec, startFakeServer } from '../fake-server/server.ts';
import { type ExtensionHandle, expect, test } from './fixtures';
import { ADA, signInWithToken } from './helpers';

/** Every way the API, or what sits in front of it, has been seen to fail. */
const FAULTS: [string, FaultSpec | 'server down' | 'redirect to another origin', RegExp][] = [
  ['400', { status: 400 }, /does not understand|said/],
  ['401', { status: 401 }, /rejected|wrong/],
  ['403', { status: 403 }, /paid TelemetryDeck plan/],
  ['404', { status: 404 }, /does not understand|said/],
  ['429 with Retry-After', { status: 429, headers: { 'Retry-After': '120' } }, /too many requests/],
  ['429 without Retry-After', { status: 429 }, /too many requests/],
  ['500', { status: 500 }, /not available right now/],
  ['502', { status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }, /not available right now/],
  ['503', { status: 503 }, /not available right now/],
  ['a 60-second stall', { delayMs: 60_000 }, /did not answer within 15 seconds/],
  ['a connection reset', { drop: true }, /Could not reach TelemetryDeck/],
  ['a refused connection (server down)', 'server down', /Could not reach TelemetryDeck/],
  ['an empty 200', { status: 200, body: '' }, /does not understand/],
  ['an HTML 200', { status: 200, body: '<!doctype html><title>Wi-Fi login</title>', contentType: 'text/html' }, /does not understand/],
  ['JSON of the wrong shape', { status: 200, body: '{"hello":"world"}' }, /does not understand/],
  ['a 10 MB body', { status: 200, bodyBytes: 10_000_000, body: '{"id":"' }, /does not understand/],
  ['a redirect to another origin', 'redirect to another origin', /redirect/],
];

type Flow = 'token sign-in' | 'password sign-in' | 'refresh';

async function runFlow(flow: Flow, popup: Page, extension: ExtensionHandle, token: string) {
  if (flow === 'refresh') {
    await popup.getByRole('button', { name: 'Refresh' }).click();
    return;
  }
  if (flow === 'token sign-in') {
    await popup.getByLabel('Personal access token').fill(token);
  } else {
    await popup.getByRole('tab', { name: /email/i }).click();
    await popup.getByLabel('Email').fill(ADA.email);
    await popup.getByLabel('Password', { exact: true }).fill(ADA.password);
    extension.secrets.add(ADA.password);
  }
  await popup.getByRole('button', { name: 'Sign in' }).click();
}

for (const flow of ['token sign-in', 'password sign-in', 'refresh'] as Flow[]) {
  test.describe(flow, () => {
    for (const [label, fault, words] of FAULTS) {
      test(`${label}: one clear sentence, nothing known lost, the token stays home`, async ({ server, extension }) => {
        test.setTimeout(90_000);
        // Another origin, on whichever port is free: a fixed one may be taken by another run on this machine.
        const other = await startFakeServer({ port: 0 });
        try {
          const popup = await extension.openPopup();
          // A previous sign-in whose token and account must survive the failure untouched.
          const previous = await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
          const before = await extension.storage('local');
          if (flow !== 'refresh') {
            await popup.getByRole('button', { name: 'Sign out' }).click();
            await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
          }
          const beforeSignIn = await extension.storage('local');
          const next = server.mintPat(ADA.email);
          extension.secrets.add(next);

          const path = flow === 'password sign-in' ? '/api/v3/users/login' : '/api/v3/users/info';
          // Chrome retries a reset connection once by itself: the fault stays for every attempt.
          if (fault === 'server down') await server.goDown();
          else if (fault === 'redirect to another origin') server.fault({ path, times: Infinity, redirectTo: `${other.origin}${path}` });
          else server.fault({ path, times: Infinity, ...fault });
          await runFlow(flow, popup, extension, next);

          // With the server down the apps section says so too, in its own alert; the account has exactly one.
          const alert = popup.locator('[role="alert"]:not(section.apps [role="alert"])');
          await expect(alert).toContainText(words, { timeout: 16_000 });
          await expect(alert).toHaveCount(1);
          server.clearFaults();
          await server.comeBack();

          const after = await extension.storage('local');
          if (flow === 'refresh') {
            expect(after.credential).toEqual(before.credential);
            const [was, is] = [before.tokenState, after.tokenState] as { account: unknown; token: unknown }[];
            expect(is!.account).toEqual(was!.account);
            expect(is!.token).toEqual(was!.token);
            await expect(popup.getByText('Ada Lovelace')).toBeVisible();
          } else {
            expect(after.credential).toEqual(beforeSignIn.credential);
            expect(after).not.toHaveProperty('tokenState');
            // The popup stays usable: the form is still there to try again.
            await expect(popup.getByRole('button', { name: 'Sign in' })).toBeEnabled();
          }
          expect(JSON.stringify(after)).not.toContain(next);
          expect(other.requests).toEqual([]);
          for (const request of server.requests) {
            // The previous token went only where a signed-in popup sends it: the account and the apps section.
            if (request.headers.authorization?.includes(previous)) {
              expect(['/api/v3/users/info', '/api/v3/organizations', '/api/v4/query/tql']).toContain(request.path);
            }
          }
        } finally {
          await server.comeBack();
          await other.close();
        }
      });
    }
  });
}
