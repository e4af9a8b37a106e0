/** @module forms/attachments: checked uploads stored in the database, and the ownership check form data uses. */
export {
  type AttachmentMeta,
  attachmentOwnedBy,
  getAttachmentMeta,
  MAX_ATTACHMENT_BYTES,
  type NewAttachment,
  readAttachment,
  storeAttachment,
} from './store-attachment';
export { ALLOWED_EXTENSIONS, recogniseFile } from './file-types';
export { attachmentIdsIn } from './attachment-refs';
