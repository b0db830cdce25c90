// The popup's code for a signed-in state, loaded only when there is one (see popup-views.ts).
export { SignedInView } from '../../components/SignedInView';
