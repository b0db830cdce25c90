import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntentMap, IntentType } from '../../lib/protocol/intents';
import { test as base, builtManifest, expect, unpackedExtensionId } from './fixtures';
import { ADA, signInWithToken } from './helpers';

const DAY = 86_400_000;

/**
 * What each intent carries when a page of ours sends it: every intent of the protocol, or tsc fails. Those that
 * read the token come first, while the user is still signed in.
 */
const CARRIES: { [T in IntentType]: IntentMap[T]['carries'] } = {
  copyToken: { format: 'token' },
  revealToken: {},
  signInWithToken: { token: `tdpat_${'S'.repeat(40)}`, name: 'Planted', expiresAt: null },
  signInWithPassword: { email: 'mallory@example.com', password: 'not Ada’s password' },
  refresh: { reason: 'user' },
  signOut: {},
  setTokenDetails: { name: 'Renamed', expiresAt: null },
  setReminderSettings: { enabled: false, leadTimesMs: [], revocationRepeatMs: DAY },
  addTrackedToken: { name: 'Planted', expiresAt: Date.now() + 10 * DAY },
  updateTrackedToken: { id: 'planted', name: 'Planted', expiresAt: Date.now() + 10 * DAY },
  deleteTrackedToken: { id: 'planted' },
  confirmRevoked: { id: 'planted' },
  setApiServer: { origin: 'https://api.attacker.example' },
  setKeepSignedIn: { keepSignedIn: false },
  setRevalidateEvery: { everyMs: DAY },
  forgetEverything: {},
  dismissNotice: {},
  refreshApps: { reason: 'user' },
  setAppsPreferences: { selectedAppIds: [], excludeTestMode: false },
  setClipboardClearAfter: { afterMs: null },
  clearDiagnostics: {},
};

/** An intent in the shape our pages send it, and in the shapes a stranger might try. */
function shapesOf(type: string, carries: object, ourId: string): unknown[] {
  const intent = { type, ...carries };
  const ownPage = { id: ourId, url: `chrome-extension://${ourId}/popup.html` };
  return [
    intent,
    type,
    { type },
    { ...intent, extra: true },
    { ...intent, sender: ownPage, origin: `chrome-extension://${ourId}` },
    { type, ...Object.fromEntries(Object.keys(carries).map((field) => [field, null])) },
    [intent],
    [type, carries],
    { intent },
    JSON.stringify(intent),
  ];
}

/** Values that are no intent at all. */
const NOT_INTENTS: unknown[] = [null, 0, '', true, {}, [], [null]];

/**
 * A second extension, as anyone may install one: with the `management` permission it finds ours, and its worker
 * sends each message with runtime.sendMessage, and on a port of runtime.connect, one port per intent.
 */
const PROBE_WORKER = `
const SETTLE_MS = 1000;
async function outcomeOf(promise) {
  try { return { answer: await promise }; } catch (error) { return { error: String(error && error.message) }; }
}
function throughPort(id, name, messages) {
  return new Promise((done) => {
    const heard = { name, messages: [], errors: [], disconnected: null };
    let port;
    try { port = chrome.runtime.connect(id, { name }); } catch (error) { heard.errors.push(String(error.message)); done(heard); return; }
    const finish = () => { try { port.disconnect(); } catch {} done(heard); };
    port.onMessage.addListener((message) => heard.messages.push(message));
    port.onDisconnect.addListener(() => {
      heard.disconnected = chrome.runtime.lastError ? String(chrome.runtime.lastError.message) : 'without an error';
      done(heard);
    });
    for (const message of messages) {
      try { port.postMessage(message); } catch (error) { heard.errors.push(String(error.message)); }
    }
    setTimeout(finish, SETTLE_MS);
  });
}
async function probe(messages, groups) {
  const others = (await chrome.management.getAll()).filter((extension) => extension.id !== chrome.runtime.id);
  const found = others.map(({ id, enabled, type }) => ({ id, enabled, type }));
  const report = { found, sent: [], ports: [] };
  for (const target of others) {
    for (const message of messages) {
      report.sent.push({ to: target.id, message, ...(await outcomeOf(chrome.runtime.sendMessage(target.id, message))) });
    }
    report.ports.push(...(await Promise.all(groups.map((group) => throughPort(target.id, group.name, group.messages)))));
  }
  return report;
}
chrome.runtime.onMessage.addListener((request, sender, respond) => {
  if (sender.id !== chrome.runtime.id || !request || request.probe !== true) return undefined;
  probe(request.messages, request.groups).then(respond, (error) => respond({ failed: String(error.message) }));
  return true;
});
`;

interface ProbeReport {
  found: { id: string; enabled: boolean; type: string }[];
  sent: { to: string; message: unknown; answer?: unknown; error?: string }[];
  ports: { name: string; messages: unknown[]; errors: string[]; disconnected: string | null }[];
  failed?: string;
}

const test = base.extend<object, { probeExtension: string }>({
  probeExtension: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its destructured first argument
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'tdtm-e2e-other-extension-'));
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'Another extension',
          version: '1.0',
          permissions: ['management'],
          background: { service_worker: 'probe.js' },
        }),
      );
      writeFileSync(join(dir, 'probe.js'), PROBE_WORKER);
      // Its own page asks its worker to start: a message wakes a worker that may have stopped.
      writeFileSync(join(dir, 'probe.html'), '<!doctype html><title>Another extension</title>');
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  otherExtensions: async ({ probeExtension }, use) => {
    await use([probeExtension]);
  },
});

test('the manifest lets no web page and no other extension connect', () => {
  expect(builtManifest().externally_connectable).toEqual({ ids: [], matches: [] });
});

test('another extension that sends every intent, in every shape, by message and by port, gets no answer and changes nothing', async ({
  server,
  extension,
  probeExtension,
}) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
  await expect(popup.getByRole('region', { name: 'Your apps' }).getByText('Events 30 d').first()).toBeVisible();
  const local = await extension.storage('local');
  const session = await extension.storage('session');

  const groups = Object.entries(CARRIES).map(([type, carries]) => ({ name: type, messages: shapesOf(type, carries, extension.id) }));
  const messages = [...groups.flatMap((group) => group.messages), ...NOT_INTENTS];
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${unpackedExtensionId(probeExtension)}/probe.html`);
  const report = (await page.evaluate(([messages, groups]) => chrome.runtime.sendMessage({ probe: true, messages, groups }), [
    messages,
    groups,
  ] as const)) as ProbeReport;

  // It found ours, enabled, and tried everything.
  expect(report.failed).toBeUndefined();
  expect(report.found).toEqual([{ id: extension.id, enabled: true, type: 'extension' }]);
  expect(report.sent).toHaveLength(messages.length);
  expect(report.ports).toHaveLength(Object.keys(CARRIES).length);

  // Nothing came back: no answer to a message, no message on a port, and so never the token.
  extension.expectNoSecretIn(report, 'what the other extension received');
  expect(report.sent.filter((attempt) => attempt.answer !== undefined)).toEqual([]);
  expect(report.ports.flatMap((port) => port.messages)).toEqual([]);

  // Still signed in, nothing forgotten, nothing changed.
  expect(await extension.storage('local')).toEqual(local);
  expect(await extension.storage('session')).toEqual(session);
  await popup.reload();
  await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(JSON.stringify(local)).toContain(token);
});
