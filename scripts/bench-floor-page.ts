// The benchmark's floor page (bench-floor.html and bench-floor.js): every time budget is a ratio to it, so it
// must be the same two files in every run, or a budget could be met by changing the floor. Their SHA-256 is
// pinned here; `npm run bench` refuses to run with other files, and a unit test fails as soon as they change.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FLOOR_PAGE_FILES = ['bench-floor.html', 'bench-floor.js'];
export const FLOOR_PAGE_SHA256 = '35af25c4cd225f34ff967f1e53613fc465aeaf213636434207688254ff604cca';

/** SHA-256 of the floor page's files in `dir` (scripts/, or a bench build), one after the other. */
export function floorPageSha256(dir: string): string {
  const hash = createHash('sha256');
  for (const file of FLOOR_PAGE_FILES) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/** Throws unless the floor page in `dir` is the pinned one. */
export function checkFloorPage(dir: string): void {
  const found = floorPageSha256(dir);
  if (found !== FLOOR_PAGE_SHA256) {
    throw new Error(
      `The floor page in ${dir} is not the pinned one (SHA-256 ${found}, pinned ${FLOOR_PAGE_SHA256}): ` +
        'every time budget is a ratio to it, so it must stay the same two files.',
    );
  }
}
