/**
 * @module forms: the JSON-Schema form registry (versioned, immutable versions), server-side validation of data
 * with Chinese/English field messages and injected reference checks, and meta-validation of definitions.
 * Depends on nothing of ours but the store's Db types and AppError; the server composes it.
 */
export {
  saveForm,
  getForm,
  latestFormVersion,
  listForms,
  listFormVersions,
  validateStoredForm,
} from './registry';
export type { SaveFormInput, SaveFormResult } from './registry';
export { validateFormData, type ValidateOptions } from './validate';
export {
  checkFormDefinition,
  declaredFields,
  FORM_KEY_PATTERN,
  MAX_FORM_BYTES,
  MAX_SCHEMA_DEPTH,
} from './definition';
export { attachments, forms } from './store';
export type * from './types';
export {
  attachmentIdsIn,
  attachmentOwnedBy,
  getAttachmentMeta,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
  storeAttachment,
  type AttachmentMeta,
} from './attachments';
