// `npm run bench`: how fast the real extension is in Chromium, against the bundled fake TelemetryDeck.
//   1-2. popup and options page time to content, each run paired with a run of the floor page (one script, one
//        storage read, one line: the least a page showing stored data costs), and the floor beside a blank page;
//        and each signed-in page's first frame saved as a static page, no script: what its content alone costs;
//        and, in runs of their own, where the floor's, the popup's and the options page's time goes
//   3.   bytes each entry loads (the production build)
//   4.   API requests on opening the popup, and alarm wake-ups over a day
//   5.   worker start after Chrome stopped it
// Prints tables with PASS/FAIL against the budgets and writes bench/results.json. Timings depend on the
// machine; nothing here fails on a budget (the exit code is 0 unless the benchmark itself breaks).
//   --runs N     runs per timing (default 21, at least 15)
//   --port P     the fake server's port (default: any free one, or TDTM_BENCH_PORT); the bench build bakes it in
//   --out FILE   default bench/results.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type FakeServer, startFakeServer } from '../tests/fake-server/server.ts';
import { simulateAlarmDay } from './bench-alarm-day.ts';
import { BenchBrowser } from './bench-browser.ts';
import { setAccountAge, signIn, signOut } from './bench-extension-state.ts';
import { checkFloorPage, FLOOR_PAGE_SHA256 } from './bench-floor-page.ts';
import { describeMachine } from './bench-machine.ts';
import { measureMilestones } from './bench-milestones.ts';
import { type BenchResults, formatReport, resultsForFile } from './bench-report.ts';
import { popupRequestsOnFirstOpen, popupRequestsWhenFresh, popupRequestsWhenStale } from './bench-requests.ts';
import { writeStaticCopy } from './bench-static-copy.ts';
import {
  BLANK_PAGE,
  type ContentProbe,
  FLOOR_PAGE,
  measureTimeToContent,
  OPTIONS_SIGNED_IN,
  OPTIONS_SIGNED_OUT,
  POPUP_SIGNED_IN,
  POPUP_SIGNED_OUT,
  POPUP_VIEWPORT,
  TAB_VIEWPORT,
  type WorkerTemperature,
} from './bench-time-to-content.ts';
import { measureWorkerStart } from './bench-worker-start.ts';
import { measureBuild } from './bundle-sizes.ts';
import { buildExtension, ROOT } from './wxt-build.ts';

const MIN_RUNS = 15;
/** The token the benchmark signs in with: the alarm day is computed for the same expiry. */
const TOKEN_EXPIRES_IN_DAYS = 10;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    port: { type: 'string', default: process.env.TDTM_BENCH_PORT || '0' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const runs = Number(values.runs);
const port = Number(values.port);
if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`--runs must be a whole number of at least ${MIN_RUNS}.`);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}.`);
const outFile = resolve(ROOT, values.out);

// The server first, so that its port (a free one unless told) is taken before the build bakes it in.
const server = await startServer(port);
const productionDir = buildExtension({ outDir: '.output-sizes' });
const extensionDir = buildExtension({ outDir: '.output-bench', apiOrigin: server.origin, withBenchPage: true });
// Every time budget is a ratio to the floor page: the same two files in every run, source and build alike.
for (const dir of [resolve(ROOT, 'scripts'), extensionDir]) checkFloorPage(dir);
const browser = await BenchBrowser.launch(extensionDir).catch(async (error: unknown) => {
  await server.close();
  throw error;
});
try {
  const results = await runBenchmark(browser, server);
  console.log(`\n${formatReport(results)}`);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(resultsForFile(results), null, 2)}\n`);
  console.log(`\nWritten to ${values.out}`);
} finally {
  await browser.close();
  await server.close();
}

async function startServer(port: number): Promise<FakeServer> {
  try {
    return await startFakeServer({ port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is in use: choose another with --port (or TDTM_BENCH_PORT).`);
    }
    throw error;
  }
}

function progress(message: string): void {
  console.log(`  ${message}`);
}

async function runBenchmark(browser: BenchBrowser, server: FakeServer): Promise<BenchResults> {
  const machine = describeMachine(await browser.version());
  console.log(`\nBenchmarking in ${machine.chromium}, fake TelemetryDeck at ${server.origin}, ${runs} runs per timing:`);

  await signIn(browser, server, TOKEN_EXPIRES_IN_DAYS);
  progress('requests on opening the popup');
  const popupFirstOpen = await popupRequestsOnFirstOpen(browser, server);
  const popupFresh = await popupRequestsWhenFresh(browser, server);
  const popupStale = await popupRequestsWhenStale(browser, server);

  progress('worker start');
  const workerStart = await measureWorkerStart(browser, runs);

  const timeToContent: BenchResults['timeToContent'] = [];
  const time = async (
    state: 'signed in' | 'signed out',
    probe: ContentProbe,
    worker: WorkerTemperature,
    viewport = probe.path === 'popup.html' ? POPUP_VIEWPORT : TAB_VIEWPORT,
  ) => {
    progress(`time to content: ${probe.path}, ${state}, ${worker} worker`);
    // The account must stay fresh (under 5 minutes old), or opening the popup would revalidate it.
    if (state === 'signed in') await setAccountAge(browser, 0);
    // Each page against the floor, in the same run; the floor itself against the blank page.
    const baseline = probe === FLOOR_PAGE ? BLANK_PAGE : FLOOR_PAGE;
    timeToContent.push({ state, ...(await measureTimeToContent(browser, { probe, baseline, worker, runs, viewport })) });
  };

  const requestsBefore = server.requests.length;
  // The least a page that shows stored data can cost, beside the blank page: every page is held against it.
  for (const worker of ['warm', 'cold'] as const) await time('signed in', FLOOR_PAGE, worker);
  for (const worker of ['warm', 'cold'] as const) await time('signed in', POPUP_SIGNED_IN, worker);
  for (const worker of ['warm', 'cold'] as const) await time('signed in', OPTIONS_SIGNED_IN, worker);
  // Each row loads its page and its baseline once untimed, then `runs` times each.
  const duringSignedInTimings = { pageLoads: 6 * 2 * (runs + 1), count: server.requests.length - requestsBefore };

  // Where the time goes, in runs of their own: noting it costs the page a little.
  const milestones: BenchResults['milestones'] = [];
  for (const probe of [FLOOR_PAGE, POPUP_SIGNED_IN, OPTIONS_SIGNED_IN]) {
    progress(`milestones: ${probe.path}`);
    await setAccountAge(browser, 0);
    const viewport = probe === OPTIONS_SIGNED_IN ? TAB_VIEWPORT : POPUP_VIEWPORT;
    milestones.push(await measureMilestones(browser, { probe, runs, viewport }));
  }

  // What the content alone costs: each signed-in page's first frame as a static page, no script at all.
  const staticCopies = [
    { name: 'popup', path: await browser.toolbarPopupPath(), probe: POPUP_SIGNED_IN, viewport: POPUP_VIEWPORT },
    { name: 'options', path: 'options.html', probe: OPTIONS_SIGNED_IN, viewport: TAB_VIEWPORT },
  ];
  for (const copy of staticCopies) {
    const probe = await writeStaticCopy(browser, extensionDir, copy);
    for (const worker of ['warm', 'cold'] as const) await time('signed in', probe, worker, copy.viewport);
  }

  await signOut(browser);
  for (const worker of ['warm', 'cold'] as const) await time('signed out', POPUP_SIGNED_OUT, worker);
  for (const worker of ['warm', 'cold'] as const) await time('signed out', OPTIONS_SIGNED_OUT, worker);

  return {
    machine,
    settings: {
      runs,
      apiOrigin: server.origin,
      extensionDir: relative(extensionDir),
      productionDir: relative(productionDir),
      floorPageSha256: FLOOR_PAGE_SHA256,
    },
    timeToContent,
    milestones,
    bytes: measureBuild(productionDir),
    requests: { popupFirstOpen, popupFresh, popupStale, duringSignedInTimings },
    alarmDay: simulateAlarmDay(TOKEN_EXPIRES_IN_DAYS),
    workerStart,
  };
}

function relative(path: string): string {
  return path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : path;
}
