import { builtManifest, expect, test } from './fixtures';

test('keyboard shortcuts open the popup and copy the token, and the options page shows which ones the browser gave them', async ({
  extension,
}) => {
  const commands = builtManifest().commands as Record<string, { suggested_key?: { default?: string } }>;
  expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+K');

  const worker = await extension.worker();
  const assigned = await worker.evaluate(
    async () => (await chrome.commands.getAll()).find((command) => command.name === '_execute_action')?.shortcut,
  );
  expect(assigned).toBeTruthy();

  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(section.getByText(`Open the popup with ${assigned}.`)).toBeVisible();
  await expect(section.getByText('Copy the token with Alt+Shift+Y.')).toBeVisible();
  await expect(section.locator('kbd')).toHaveText([assigned!, 'Alt+Shift+Y']);
  const [settings] = await Promise.all([
    extension.context.waitForEvent('page'),
    section.getByRole('button', { name: 'Change the shortcut' }).click(),
  ]);
  await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
});
