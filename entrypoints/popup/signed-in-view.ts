// The popup's code for a signed-in state: in the file of the signed-in page, imported by the other (see popup-views.ts).
export { SignedInView } from '../../components/popup/SignedInView';
