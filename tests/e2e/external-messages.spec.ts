import { builtManifest, E2E_API_ORIGIN, expect, test } from './fixtures';
import { ADA, signInWithToken } from './helpers';

test('the manifest lets no web page and no other extension connect', () => {
  expect(builtManifest().externally_connectable).toEqual({ ids: [], matches: [] });
});

test('an ordinary web page cannot send the extension a message, nor load its pages', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  await expect(popup.getByRole('region', { name: 'Your apps' }).getByText('Events 30 d').first()).toBeVisible();
  const before = await extension.storage('local');

  // Any http page will do: the fake server's origin answers every path.
  const page = await extension.context.newPage();
  await page.goto(`${E2E_API_ORIGIN}/not-the-api`);
  const attempts = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome?.runtime;
    const tried: Record<string, string> = {
      sendMessage: typeof runtime?.sendMessage,
      connect: typeof runtime?.connect,
    };
    try {
      const send = runtime?.sendMessage as ((id: string, message: unknown) => Promise<unknown>) | undefined;
      tried.signOut = send ? JSON.stringify(await send(id, { type: 'signOut' })) : 'no way to send';
    } catch (error) {
      tried.signOut = `refused: ${(error as Error).message}`;
    }
    try {
      tried.popup = String((await fetch(`chrome-extension://${id}/popup.html`)).status);
    } catch {
      tried.popup = 'refused';
    }
    return tried;
  }, extension.id);
  expect(attempts).toEqual({ sendMessage: 'undefined', connect: 'undefined', signOut: 'no way to send', popup: 'refused' });

  // Still signed in, as before.
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
  expect(await extension.storage('local')).toEqual(before);
});
