/** @module forms/definition: meta-validation of a form definition before it is saved. */
export {
  checkFormDefinition,
  type DefinitionInput,
  FORM_KEY_PATTERN,
  MAX_FORM_BYTES,
  MAX_SCHEMA_DEPTH,
} from './check-form-definition';
export { declaredFields } from './declared-fields';
