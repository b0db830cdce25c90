// `npm run check-sizes`: builds the extension for production (into .output-sizes) and checks the gzipped
// JavaScript of the popup, the options page and the background worker against their budgets. Exits 1 when
// one is over. Sizes only, so the result is the same on every machine.
//   --dir <path>  check an existing unpacked build instead (e.g. .output/chrome-mv3 after `npx wxt build`)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudgets, entriesWithoutPolyfill, kb, measureBuild, shortPath, sizeReport } from './bundle-sizes.ts';
import { buildExtension } from './wxt-build.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const buildDir = values.dir ? resolve(values.dir) : buildExtension({ outDir: '.output-sizes' });

const size = measureBuild(buildDir);
console.log(`\nBundle sizes of ${shortPath(buildDir)} (kB = 1000 bytes; each file gzipped at level 9, then summed)\n`);
console.log(sizeReport(size));

const over = checkBudgets(size).filter((check) => !check.pass);
if (over.length > 0) {
  console.error(`\nOver budget: ${over.map((check) => `${check.entry} ${kb(check.gzip)} kB > ${kb(check.budget)} kB`).join('; ')}.`);
  process.exit(1);
}
const unpolyfilled = entriesWithoutPolyfill(buildDir, size);
if (unpolyfilled.length > 0) {
  console.error(`\nWithout webextension-polyfill: ${unpolyfilled.join(', ')}. Every browser call goes through it (wxt.config.ts).`);
  process.exit(1);
}
console.log('\nEvery bundle is within its budget, and each loads webextension-polyfill before it runs.');
