// The layout's rules, checked in CI (`npm run check:deps`). Each says what it keeps true and why; see
// CONTRIBUTING.md for where each kind of code goes.
/** The screens: the popup, the options page, and the components they are built of. */
const SCREENS = '^(components|entrypoints/(popup|popup-sign-in|options))/';
/** Code only the background worker may load: any folder named `worker` (lib/<domain>/worker/, lib/worker/). */
const WORKER_ONLY = '^lib/(worker|[a-z-]+/worker)/';
/** Code only the screens load: lib/<domain>/screen/. */
const SCREEN_ONLY = '^lib/[a-z-]+/screen/';
/** The folders every domain builds on; each feature folder of lib/ (token, clipboard, apps…) may use them. */
const BASE = '^lib/(state|protocol|text|time|api)/';
/** What the background runs: the worker's script and the offscreen document it opens. */
const BACKGROUND = '^entrypoints/(background\\.ts|offscreen/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Modules that import each other, type-only imports included, are one module in two files: merge them or move what they share.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'screens-never-load-zod',
      severity: 'error',
      comment:
        'zod is two thirds of the popup budget: the screens check what they read with light guards (lib/state/screen/screen-guards.ts), and the worker validates every intent.',
      from: { path: SCREENS },
      to: { path: '(^|/)node_modules/zod/', reachable: true },
    },
    {
      name: 'screens-never-load-worker-code',
      severity: 'error',
      comment:
        'What lies under a worker/ folder talks to the network, holds the secret or bundles zod: screens read storage and send intents (lib/protocol/screen/send-intent.ts).',
      from: { path: SCREENS },
      to: { path: WORKER_ONLY, reachable: true },
    },
    {
      name: 'shared-lib-never-imports-worker-code',
      severity: 'error',
      comment: 'Code outside worker/ folders is what the screens may import; if it needs worker code, it belongs under worker/ itself.',
      from: { path: '^lib/', pathNot: WORKER_ONLY },
      to: { path: WORKER_ONLY },
    },
    {
      name: 'worker-never-loads-screen-code',
      severity: 'error',
      comment:
        "What lies under a screen/ folder reads page storage, the DOM or the pages' own state: the worker has none of them, and its bundle carries none of that code.",
      from: { path: BACKGROUND },
      to: { path: SCREEN_ONLY, reachable: true },
    },
    {
      name: 'only-screens-import-screen-code',
      severity: 'error',
      comment: 'Shared and worker code of lib/ must run in the worker too: it never imports a screen/ folder.',
      from: { path: '^lib/', pathNot: SCREEN_ONLY },
      to: { path: SCREEN_ONLY },
    },
    {
      name: 'base-folders-never-import-a-feature',
      severity: 'error',
      comment:
        'state, protocol, text, time and api are the layer the features stand on: what a feature needs there (a default, a format, a failure log) is given to it or lives in the base folder itself.',
      from: { path: BASE },
      to: { path: '^lib/', pathNot: BASE },
    },
    {
      name: 'lib-never-imports-the-screens',
      severity: 'error',
      comment: 'lib/ decides and talks to the browser; components and entrypoints use it, never the other way round.',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'nothing-imports-tests-or-scripts',
      severity: 'error',
      comment: 'tests/ and scripts/ are tools around the extension; what the build reads must not depend on them.',
      from: { pathNot: '^(tests|scripts)/' },
      to: { path: '^(tests|scripts)/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a cycle through them still ties two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|test-results|playwright-report)' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
