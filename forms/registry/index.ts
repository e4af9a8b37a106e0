/** @module forms/registry: versioned storage of form definitions. */
export { saveForm, type SaveFormInput, type SaveFormResult } from './save-form';
export { getForm, latestFormVersion, listForms, listFormVersions } from './read-forms';
export { formChecksum, stableStringify, withFieldOrder } from './canonical';
export { validateStoredForm } from './validate-stored-form';
