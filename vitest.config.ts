import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Two zones whose offsets and daylight-saving dates differ, each given to a process of its own. */
const TIME_ZONES = ['Europe/Berlin', 'America/Los_Angeles'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['tests/unit/i18n-setup.ts'],
    restoreMocks: true,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      // Node applies a change of process.env.TZ in a main thread only, never in a worker thread (StrykerJS runs
      // vitest in threads): each zone gets a process of its own, started with TZ in its environment.
      ...TIME_ZONES.map((timeZone) => ({
        extends: true,
        test: { name: `time zone ${timeZone}`, include: ['tests/time-zone/**/*.test.ts'], pool: 'forks', env: { TZ: timeZone } },
      })),
    ],
  },
});
