// The popup page for a signed-out state (lib/toolbar/popup-page.ts): the sign-in forms are in this page's
// file, the account's view loads only if storage holds a token.
import { SignedOutView } from '../popup/sign-in-view';
import { startPopup } from '../popup/start-popup';

startPopup({ signIn: { SignedOutView }, signedIn: () => import('../popup/signed-in-view') });
