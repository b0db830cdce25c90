import { useEffect, useState } from 'preact/hooks';
import type { PopupViewName } from '../../lib/toolbar/popup-hint';
import type * as SignInView from './sign-in-view';
import type * as SignedInView from './signed-in-view';

/**
 * The popup loads its core (this module, the storage read, the frame around every state) plus the code of
 * the one state it finds: the account and apps when signed in, the sign-in forms when signed out. Each
 * state's code is its own chunk, so no popup loads the other state's: `npm run check-sizes` counts the
 * core plus the larger of the two against the popup's budget. The toolbar button's URL names the state the
 * background last saw (lib/popup-hint.ts), so that view usually loads while storage is read.
 */
export interface PopupViews {
  signedIn: typeof SignedInView;
  signIn: typeof SignInView;
}
export type ViewName = PopupViewName & keyof PopupViews;

const importers: { [Name in ViewName]: () => Promise<PopupViews[Name]> } = {
  signedIn: () => import('./signed-in-view'),
  signIn: () => import('./sign-in-view'),
};
const loaded: Partial<PopupViews> = {};
const loading: Partial<Record<ViewName, Promise<unknown>>> = {};

/** A view's code, imported once however often it is asked for. */
export function loadView<Name extends ViewName>(name: Name): Promise<PopupViews[Name]> {
  loading[name] ??= importers[name]().then((view) => {
    loaded[name] = view;
    return view;
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
