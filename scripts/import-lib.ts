// lib/ imports its siblings without a file extension, as the bundler allows; Node's own loader needs `.ts`.
// This hook adds it for relative imports made from lib/, so that Node scripts can use lib's pure functions.
import { registerHooks } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const LIB_URL = `${pathToFileURL(resolve(import.meta.dirname, '..', 'lib')).href}/`;
let registered = false;

/** Call before `await import('../lib/….ts')`: static imports are resolved before any code runs. */
export function allowExtensionlessImportsInLib(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (relative && !/\.[cm]?[jt]sx?$/.test(specifier) && context.parentURL?.startsWith(LIB_URL)) {
        return nextResolve(`${specifier}.ts`, context);
      }
      return nextResolve(specifier, context);
    },
  });
}
