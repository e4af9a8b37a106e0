/** @module forms/store: the forms table and its queries (the only place forms touches SQL). */
export { forms, type FormRow } from './schema';
export {
  insertFormRow,
  selectFormVersion,
  selectFormVersions,
  selectLatestForm,
  selectLatestOfEachKey,
  selectLatestVersionNumber,
  type NewFormRow,
} from './queries';
