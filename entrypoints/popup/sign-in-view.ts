// The popup's code for signing in, loaded only when signed out (see popup-views.ts).
export { SignedOutView } from '../../components/SignedOutView';
