/**
 * @module ui/forms: the JSON Schema form renderer (rjsf + antd), its widgets and fields, and the field-by-field diff.
 * Nothing here imports the renderer statically: `SchemaForm` loads it on first use (see lazy-schema-form), so a page
 * that only reads labels or shows a diff does not carry rjsf and ajv. The renderer's own helpers (annotate-ui,
 * localize-labels) are not exported either: they import @rjsf/utils and antd's Radio, and only schema-form uses them.
 */
export { FieldDiff, type FieldDiffProps } from './field-diff';
export { prefetchWhenIdle, preloadSchemaForm, SchemaForm } from './lazy-schema-form';
export { makeTransformErrors } from './localize-errors';
export {
  type AttachmentRefMeta,
  attachmentMeta,
  clearRefCache,
  type EntryRefLabel,
  entryLabel,
  refKindOf,
  unitName,
  unitNameMap,
} from './refs';
export type { SchemaFormProps } from './schema-form';
export {
  type JsonSchema,
  labelFor,
  optionsOf,
  orderedKeys,
  schemaAt,
  splitPath,
} from './schema-paths';
export { titlePath } from '../../../forms/messages';
export { fieldIssuesOf, toErrorSchema } from './server-errors';
export { type DraftedForm, useDraftedForm } from './drafted-form';
export { localizeForm } from './localize-form';
