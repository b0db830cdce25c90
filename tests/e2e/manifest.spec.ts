import { builtManifest, E2E_API_ORIGIN, expect, test } from './fixtures';

test('the built manifest asks for exactly what the extension uses', async ({ extension }) => {
  const manifest = builtManifest();
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'clipboardWrite', 'notifications', 'offscreen', 'storage']);
  // Reading the clipboard, to clear only an unchanged copy, is asked for in the options page when it is needed.
  expect(manifest.optional_permissions).toEqual(['clipboardRead']);
  expect(Object.keys(manifest.commands as object).sort()).toEqual(['_execute_action', 'copy-token']);
  expect([...(manifest.host_permissions as string[])].sort()).toEqual(
    [`${E2E_API_ORIGIN}/*`, 'https://api.telemetrydeck.com/*', 'https://api.telemetrydeckapi.com/*'].sort(),
  );
  expect(manifest).not.toHaveProperty('content_scripts');
  expect(manifest).not.toHaveProperty('web_accessible_resources');
  expect(manifest).not.toHaveProperty('content_security_policy');
  expect(manifest.background).toEqual({ service_worker: 'background.js' });
  expect(manifest.minimum_chrome_version).toBe('116');
  const worker = await extension.worker();
  expect(worker.url()).toBe(`chrome-extension://${extension.id}/background.js`);
});

test('signed out: an empty badge, a tooltip that says so, and the token tab selected', async ({ extension }) => {
  // The worker paints the tooltip as soon as it has started.
  await expect.poll(async () => (await extension.badge()).title).toMatch(/not signed in/);
  expect((await extension.badge()).text).toBe('');
  const popup = await extension.openPopup();
  await expect(popup.getByRole('tab', { name: /token/i })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tab', { name: /email/i })).toHaveAttribute('aria-selected', 'false');
  await expect(popup.getByLabel('Personal access token')).toBeFocused();
});
