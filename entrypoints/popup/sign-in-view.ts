// The popup's code for signing in: in the file of the signed-out page, imported by the other (see popup-views.ts).
export { SignedOutView } from '../../components/popup/SignedOutView';
