/**
 * Where each stored value lives. Its own module, free of schemas, so that the screens can name the keys
 * without bundling zod.
 */
export const STORAGE_KEYS = {
  credential: 'credential',
  tokenState: 'tokenState',
  settings: 'settings',
  reminders: 'reminders',
  notice: 'notice',
  /** The organizations, apps and their numbers last fetched: a cache, never secret. */
  apps: 'apps',
  /** The worker's last failures, for a bug report: read by the options page alone. */
  diagnostics: 'diagnostics',
} as const;

/** The keys both screens read: everything but the secret and the diagnostics, which only the options page reads. */
export const SNAPSHOT_KEYS = [
  STORAGE_KEYS.tokenState,
  STORAGE_KEYS.settings,
  STORAGE_KEYS.reminders,
  STORAGE_KEYS.notice,
  STORAGE_KEYS.apps,
];
