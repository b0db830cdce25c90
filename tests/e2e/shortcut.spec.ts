import { builtManifest, expect, test } from './fixtures';

test('a keyboard shortcut opens the popup, and the options page shows which one the browser gave it', async ({ extension }) => {
  const commands = builtManifest().commands as Record<string, { suggested_key?: { default?: string } }>;
  expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+K');

  const worker = await extension.worker();
  const assigned = await worker.evaluate(
    async () => (await chrome.commands.getAll()).find((command) => command.name === '_execute_action')?.shortcut,
  );
  expect(assigned).toBeTruthy();

  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Keyboard shortcut' });
  await expect(section.getByText(`Open the popup with ${assigned}.`)).toBeVisible();
  await expect(section.locator('kbd')).toHaveText(assigned!);
  const [settings] = await Promise.all([
    extension.context.waitForEvent('page'),
    section.getByRole('button', { name: 'Change the shortcut' }).click(),
  ]);
  await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
});
