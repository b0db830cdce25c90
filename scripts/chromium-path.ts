import { existsSync } from 'node:fs';

/** CHROMIUM_PATH, else the system's Chromium, else undefined (Playwright's own download, if any). */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}
