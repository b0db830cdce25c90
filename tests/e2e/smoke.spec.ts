import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_API_ORIGIN, expect, test } from './fixtures';

test('the test build loads: its worker runs, its manifest asks for the API hosts only, signed out shows the token tab', async ({
  extension,
  extensionDir,
}) => {
  const worker = await extension.worker();
  expect(extension.id).toMatch(/^[a-p]{32}$/);
  expect(worker.url()).toBe(`chrome-extension://${extension.id}/background.js`);

  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect([...(manifest.host_permissions as string[])].sort()).toEqual(
    [`${E2E_API_ORIGIN}/*`, 'https://api.telemetrydeck.com/*', 'https://api.telemetrydeckapi.com/*'].sort(),
  );
  expect(manifest).not.toHaveProperty('content_scripts');
  expect(manifest).not.toHaveProperty('web_accessible_resources');

  expect((await extension.badge()).text).toBe('');

  const popup = await extension.openPopup();
  await expect(popup.getByRole('tab', { name: /token/i })).toHaveAttribute('aria-selected', 'true');
});
