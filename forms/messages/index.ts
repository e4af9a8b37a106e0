/**
 * @module forms/messages: the validation wording and the field naming shared by the server and the browser. Pure
 * (no ajv instance, no database, no Node), so ui/ may import it (scripts/check-deps.ts).
 */
export { errorSegments, fieldMessage, type FormSchemas, meaningfulErrors } from './field-message';
export {
  optionLabels,
  pointerSegments,
  schemasAt,
  titlePath,
  toPointer,
  uiAt,
} from './schema-paths';
export {
  customMessage,
  enMessage,
  type KeywordError,
  type MessageContext,
  zhMessage,
} from './validation-messages';
