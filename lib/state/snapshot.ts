import { BUILD_API_ORIGIN } from '../api/build-origin';
import { defaultSettings, EMPTY_REMINDERS } from './defaults';
import type { AppsState, Notice, Reminders, Settings, TokenState } from './types';

/** Everything a screen needs, none of it secret. */
export interface Snapshot {
  tokenState: TokenState | null;
  settings: Settings;
  reminders: Reminders;
  notice: Notice | null;
  /** The organizations and app numbers last fetched (check `tokenAddedAt` before showing them). */
  apps: AppsState | null;
  /** Some stored value did not parse and was ignored. */
  discarded: boolean;
}

/** What reading one stored value came to: nothing there, a value to use, or one that could not be read. */
export type ReadOutcome<T> = { status: 'absent' } | { status: 'valid'; value: T } | { status: 'invalid' };

/**
 * The snapshot from each key's outcome, however it was checked (zod in the worker, light guards in the
 * screens): what could not be read counts as absent, with defaults, and is reported as `discarded`.
 */
export function snapshotOf(read: {
  tokenState: ReadOutcome<TokenState>;
  settings: ReadOutcome<Settings>;
  reminders: ReadOutcome<Reminders>;
  notice: ReadOutcome<Notice>;
  apps: ReadOutcome<AppsState>;
}): Snapshot {
  const value = <T>(outcome: ReadOutcome<T>, fallback: T) => (outcome.status === 'valid' ? outcome.value : fallback);
  return {
    tokenState: value(read.tokenState, null),
    settings: value(read.settings, defaultSettings(BUILD_API_ORIGIN)),
    reminders: value(read.reminders, EMPTY_REMINDERS),
    notice: value(read.notice, null),
    apps: value(read.apps, null),
    discarded: Object.values(read).some((outcome) => outcome.status === 'invalid'),
  };
}
