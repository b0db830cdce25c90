// The benchmark's results: their budgets, the tables printed, and the shape of bench/results.json.
import type { AlarmDay } from './bench-alarm-day.ts';
import type { Machine } from './bench-machine.ts';
import { MILESTONES, type Milestone, type MilestonesResult } from './bench-milestones.ts';
import type { PopupRequests } from './bench-requests.ts';
import { round } from './bench-stats.ts';
import type { TimeToContentResult } from './bench-time-to-content.ts';
import type { WorkerStartResult } from './bench-worker-start.ts';
import { checkBudgets, type ExtensionSize, kb, sizeReport } from './bundle-sizes.ts';
import { passFail, textTable } from './text-table.ts';

/**
 * How many times as long as the floor page each page may take to show its content (the median of the ratios
 * of runs paired in one `npm run bench`); every row of the page is held to it, warm and cold worker alike. A
 * guard, not a target: a person cannot tell the popup's time from the floor's at this ratio.
 */
const TIME_RATIO_BUDGETS: Record<string, number> = { 'popup.html': 1.3, 'options.html': 1.5 };

export interface BenchResults {
  machine: Machine;
  settings: { runs: number; apiOrigin: string; extensionDir: string; productionDir: string; floorPageSha256: string };
  timeToContent: (TimeToContentResult & { state: 'signed in' | 'signed out' })[];
  milestones: MilestonesResult[];
  bytes: ExtensionSize;
  requests: {
    /** Right after signing in, before anything but the sign-in's own data is cached: not budgeted. */
    popupFirstOpen: PopupRequests;
    popupFresh: PopupRequests;
    popupStale: PopupRequests;
    /** Requests while every signed-in page of the time-to-content runs loaded (fresh cache): must be 0. */
    duringSignedInTimings: { pageLoads: number; count: number };
  };
  alarmDay: AlarmDay;
  workerStart: WorkerStartResult[];
}

export interface Budget {
  what: string;
  measured: string;
  limit: string;
  pass: boolean;
}

function budgets(results: BenchResults): Budget[] {
  const list: Budget[] = [];
  for (const row of results.timeToContent) {
    const budget = TIME_RATIO_BUDGETS[row.page];
    if (budget === undefined) continue;
    list.push({
      what: `${row.page.replace('.html', '')} time to content, ${row.state}, ${row.worker} worker (median page/floor ratio)`,
      measured: `${row.medianPairRatio.toFixed(2)}× (middle half ${spread(row.pairRatioMiddleHalf)})`,
      limit: `≤ ${budget}×`,
      pass: row.medianPairRatio <= budget,
    });
  }
  for (const check of checkBudgets(results.bytes)) {
    list.push({
      what: `${check.entry} JavaScript, gzipped`,
      measured: `${kb(check.gzip)} kB`,
      limit: `≤ ${kb(check.budget)} kB`,
      pass: check.pass,
    });
  }
  const { popupFresh, popupStale, duringSignedInTimings } = results.requests;
  list.push({
    what: 'API requests on opening the popup, cache fresh',
    measured: String(popupFresh.count),
    limit: '= 0',
    pass: popupFresh.count === 0,
  });
  list.push({
    what: `API requests during ${duringSignedInTimings.pageLoads} signed-in timed page loads`,
    measured: String(duringSignedInTimings.count),
    limit: '= 0',
    pass: duringSignedInTimings.count === 0,
  });
  list.push({
    what: 'API requests on opening the popup, cache 6 min old',
    measured: String(popupStale.count),
    limit: '= 1',
    pass: popupStale.count === 1,
  });
  const day = results.alarmDay;
  list.push({
    what:
      `alarm wake-ups in a day, token expiring in ${day.expiresInDays} days ` +
      `(allowed: ${day.badgeChanges} badge changes + ${day.remindersSent} reminders + ${day.revalidationChecks} revalidations)`,
    measured: String(day.wakeUps),
    limit: `≤ ${day.allowedWakeUps}`,
    pass: day.pass,
  });
  return list;
}

function ms(value: number): string {
  return value.toFixed(1);
}

function spread([low, high]: [number, number]): string {
  return `${low.toFixed(2)}-${high.toFixed(2)}×`;
}

function timeToContentTable(results: BenchResults): string {
  const rows = results.timeToContent.map((row) => {
    const budget = TIME_RATIO_BUDGETS[row.page];
    return [
      row.opened.replace('.html', ''),
      row.state,
      row.worker,
      row.content,
      ms(row.pageMedianMs),
      row.baseline.replace('.html', ''),
      ms(row.baselineMedianMs),
      `${row.medianPairRatio.toFixed(2)}×`,
      spread(row.pairRatioMiddleHalf),
      `${row.ratioOfMedians.toFixed(2)}×`,
      budget === undefined ? '—' : `≤ ${budget}×`,
      budget === undefined ? '' : passFail(row.medianPairRatio <= budget),
    ];
  });
  return textTable(
    ['page', 'state', 'worker', 'content', 'page ms', 'paired with', 'its ms', 'ratio', 'middle half', 'ratio of medians', 'budget', ''],
    rows,
  );
}

const MILESTONE_HEADINGS: Record<Milestone, string> = {
  parsed: 'HTML parsed',
  storageAsked: 'storage asked',
  storageAnswered: 'storage answered',
  contentFound: 'content in DOM',
  painted: 'frame painted',
};

function milestonesTable(results: BenchResults): string {
  const rows = results.milestones.map((row) => [
    row.opened.replace('.html', ''),
    ...MILESTONES.map((milestone) => {
      const value = row.medianMs[milestone];
      return value === undefined ? '—' : ms(value);
    }),
  ]);
  return textTable(['page', ...MILESTONES.map((milestone) => MILESTONE_HEADINGS[milestone])], rows);
}

function describeWakeUps(day: AlarmDay): string {
  const when = (afterMs: number) => (afterMs < 60_000 ? `+${afterMs} ms` : `+${round(afterMs / 3_600_000, 2)} h`);
  return day.wakeUpTimes.map(({ alarm, afterMs }) => `${alarm} ${when(afterMs)}`).join(', ');
}

export function formatReport(results: BenchResults): string {
  const { machine, settings, requests, alarmDay } = results;
  const budgetRows = budgets(results).map((budget) => [budget.what, budget.measured, budget.limit, passFail(budget.pass)]);
  const failed = budgetRows.filter((row) => row[3] === 'FAIL').length;
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; ${machine.os}; Node ${machine.node}; ${machine.chromium}`,
    '',
    `1-2. Time to content: milliseconds from navigation start to the first frame painted with the content; median of ${settings.runs}`,
    '     runs per row, each paired with a run of the floor page (the floor itself with the blank page), in alternating order, a',
    '     fresh tab each. "ratio" is the median of the pairs\' ratios (the budgeted figure); "middle half", their first to third',
    '     quartile, shows how far this machine\'s noise spreads them. "cold": the service worker was stopped',
    `     before every run of the pair, the floor's included. Floor page SHA-256 ${settings.floorPageSha256.slice(0, 16)}… (pinned).`,
    "     bench-static-*: the page's first frame saved as a static page, no script: what painting its content alone costs.",
    '',
    timeToContentTable(results),
    '',
    `     Where the time goes: ${settings.runs} more runs of each, warm worker, a fresh tab each, median milliseconds since`,
    '     navigation start. The first storage read is wrapped to note when it was asked and answered: the pages ask as',
    "     their first act, so it marks when the page's own script began. The floor's script blocks parsing, so it asks",
    '     before its HTML is parsed; the popup paints from its address and storage answers after.',
    '',
    milestonesTable(results),
    '',
    '3. Bytes of the production build (kB = 1000 bytes; each file gzipped at level 9, then summed):',
    '',
    sizeReport(results.bytes),
    '',
    '4. Requests and wake-ups:',
    '',
    textTable(
      ['what', 'count'],
      [
        ['API requests on first opening the popup after signing in (fills the caches; no budget)', `${requests.popupFirstOpen.count}`],
        ['API requests on opening the popup again, account fetched just now', `${requests.popupFresh.count}`],
        ['API requests on opening the popup, account and last check 6 minutes old', `${requests.popupStale.count}`],
        [
          `API requests during the ${requests.duringSignedInTimings.pageLoads} signed-in timed page loads`,
          `${requests.duringSignedInTimings.count}`,
        ],
        [
          `Alarm wake-ups over a day, token expiring in ${alarmDay.expiresInDays} days (computed from lib's schedule)`,
          `${alarmDay.wakeUps}`,
        ],
      ],
    ),
    `   First opening: ${requests.popupFirstOpen.paths.join(', ') || 'none'}`,
    `   Fresh: ${requests.popupFresh.paths.join(', ') || 'none'}`,
    `   Stale: ${requests.popupStale.paths.join(', ') || 'none'}`,
    `   Wake-ups after sign-in: ${describeWakeUps(alarmDay)}`,
    '',
    '5. Worker start: from the event that wakes the stopped worker to the badge being correct again (median ms):',
    '',
    textTable(
      ['event', 'median ms', 'runs', 'badge'],
      results.workerStart.map((row) => [
        row.event === 'message' ? 'runtime message' : 'state-change alarm (from when due)',
        ms(row.medianMs),
        String(row.runs),
        row.badgeText,
      ]),
    ),
    '',
    'Budgets:',
    '',
    textTable(['budget', 'measured', 'limit', ''], budgetRows),
    '',
    failed === 0 ? 'Every budget is met.' : `${failed} of ${budgetRows.length} budgets not met.`,
  ].join('\n');
}

/** Each of a record's milliseconds rounded to 0.1 ms. */
function roundEach(timings: Partial<Record<Milestone, number>>): Partial<Record<Milestone, number>> {
  return Object.fromEntries(Object.entries(timings).map(([name, value]) => [name, round(value)]));
}

/** The results file: timings rounded to 0.1 ms. */
export function resultsForFile(results: BenchResults): unknown {
  const roundSamples = (samples: number[]) => samples.map((sample) => round(sample));
  return {
    ...results,
    timeToContent: results.timeToContent.map((row) => ({
      ...row,
      pageMedianMs: round(row.pageMedianMs),
      baselineMedianMs: round(row.baselineMedianMs),
      medianPairRatio: round(row.medianPairRatio, 3),
      pairRatioMiddleHalf: row.pairRatioMiddleHalf.map((ratio) => round(ratio, 3)),
      ratioOfMedians: round(row.ratioOfMedians, 3),
      pageSamplesMs: roundSamples(row.pageSamplesMs),
      baselineSamplesMs: roundSamples(row.baselineSamplesMs),
    })),
    milestones: results.milestones.map((row) => ({
      ...row,
      medianMs: roundEach(row.medianMs),
      samples: row.samples.map((sample) => roundEach(sample)),
    })),
    workerStart: results.workerStart.map((row) => ({ ...row, medianMs: round(row.medianMs), samplesMs: roundSamples(row.samplesMs) })),
    budgets: budgets(results),
  };
}
