import { useEffect, useState } from 'preact/hooks';
import type { PopupViewName } from '../../lib/toolbar/popup-page';
import type * as SignInView from './sign-in-view';
import type * as SignedInView from './signed-in-view';

/**
 * The popup's code for each state: the account and apps when signed in, the sign-in forms when signed out.
 * Each popup page (lib/toolbar/popup-page.ts) holds its own state's view in its one file and names the other
 * one's `import()`, which a popup loads only when storage holds the other state: one opened before the
 * background pointed the toolbar at the right page, or one whose state changed while it was open.
 * `npm run check-sizes` counts each page's file against the popup's budget.
 */
export interface PopupViews {
  signedIn: typeof SignedInView;
  signIn: typeof SignInView;
}
export type ViewName = PopupViewName & keyof PopupViews;

/** Each view, either in the page's own file or to import. */
export type ViewSources = { [Name in ViewName]: PopupViews[Name] | (() => Promise<PopupViews[Name]>) };

const loaded: Partial<PopupViews> = {};
const loading: Partial<Record<ViewName, Promise<unknown>>> = {};
const importers: Partial<{ [Name in ViewName]: () => Promise<PopupViews[Name]> }> = {};

/** Called once by the page, before anything renders. */
export function provideViews(sources: ViewSources): void {
  provide('signedIn', sources.signedIn);
  provide('signIn', sources.signIn);
}

function provide<Name extends ViewName>(name: Name, source: ViewSources[Name]): void {
  if (typeof source === 'function') importers[name] = source as (typeof importers)[Name];
  else loaded[name] = source as PopupViews[Name];
}

/** A view's code if the page already holds it or it has arrived. */
export function loadedView<Name extends ViewName>(name: Name): PopupViews[Name] | undefined {
  return loaded[name];
}

/** A view's code, imported once however often it is asked for. */
export function loadView<Name extends ViewName>(name: Name): Promise<PopupViews[Name]> {
  const view = loaded[name];
  if (view) return Promise.resolve(view);
  loading[name] ??= importers[name]!().then((arrived) => {
    loaded[name] = arrived;
    return arrived;
  });
  return loading[name] as Promise<PopupViews[Name]>;
}

/**
 * A view's code when it is `needed` and loaded. While a needed view loads, undefined, and the component
 * renders again once it has arrived; a view never needed is never loaded.
 */
export function useView<Name extends ViewName>(name: Name, needed: boolean): PopupViews[Name] | undefined {
  const view = loaded[name];
  const [, setArrivals] = useState(0);
  useEffect(() => {
    if (needed && !view) void loadView(name).then(() => setArrivals((count) => count + 1));
  }, [name, needed, view]);
  return needed ? view : undefined;
}
