// For the end-to-end suites: a copy of a build whose manifest grants optional permissions at install. A browser's
// permission prompt cannot be answered from a test; the feature behind the permission can still be tested.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies `extensionDir` beside it and moves `permissions` from its manifest's optional ones to its granted ones. */
export function buildGranting(extensionDir: string, permissions: readonly string[]): string {
  const copy = `${extensionDir}-granting-${permissions.join('-')}`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions?: string[]; optional_permissions?: string[] };
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((permission) => !permissions.includes(permission));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}
