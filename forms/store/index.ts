/** @module forms/store: the forms and attachments tables and their queries (the only place forms touches SQL). */
export { attachments, type AttachmentRow, forms, type FormRow } from './schema';
export {
  insertFormRow,
  selectFormVersion,
  selectFormVersions,
  selectLatestForm,
  selectLatestOfEachKey,
  selectLatestVersionNumber,
  type NewFormRow,
} from './queries';
export {
  attachmentExistsFor,
  type AttachmentMetaRow,
  insertAttachmentRow,
  selectAttachment,
  selectAttachmentMeta,
} from './attachment-queries';
