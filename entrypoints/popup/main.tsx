// The popup page for a signed-in state (lib/toolbar/popup-page.ts): the account's view is in this page's file,
// the sign-in forms load only if storage holds no token.
import { SignedInView } from './signed-in-view';
import { startPopup } from './start-popup';

startPopup({ signedIn: { SignedInView }, signIn: () => import('./sign-in-view') });
