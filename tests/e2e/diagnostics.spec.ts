import { expect, test } from './fixtures';
import { signInWithToken } from './helpers';

test('the options page lists the background’s failures, copies them for a bug report, and clears them', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Diagnostics' });
  await expect(section.getByText('No failures recorded.')).toBeVisible();

  // A refresh that meets a server error is a failure of the background's work.
  server.fault({ path: '/api/v3/users/info', status: 503 });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toContainText(/not available right now/);
  const failures = section.getByRole('list');
  await expect(failures.getByRole('listitem')).toHaveCount(1);
  await expect(failures.getByRole('listitem')).toContainText(/refresh.*unavailable.*not available right now/s);

  // The clipboard cannot be read back from a test: what the page hands it is caught on the way.
  await options.evaluate(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
  });
  await section.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(section.getByRole('status')).toContainText('Copied');
  const [report] = await options.evaluate(() => (window as unknown as { copied: string[] }).copied);
  const version = (await extension.worker().then((worker) => worker.evaluate(() => chrome.runtime.getManifest().version))) as string;
  expect(report).toContain(`TelemetryDeck Token Manager ${version}`);
  expect(report).toMatch(/^Browser: .*Chrome\/\d+/m);
  expect(report).toMatch(
    /^Failures \(1, newest first\):\n\d{4}-\d\d-\d\dT[\d:.]+Z {2}refresh {2}unavailable {2}.*not available right now/m,
  );
  extension.expectNoSecretIn(report, 'the diagnostics report');

  await section.getByRole('button', { name: 'Clear' }).click();
  await expect(section.getByText('No failures recorded.')).toBeVisible();
  expect(await extension.storage('local')).not.toHaveProperty('diagnostics');
});
