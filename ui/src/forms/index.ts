/** @module ui/forms: the JSON Schema form renderer (rjsf + antd), its widgets and fields, and the field-by-field diff. */
export { annotateUiSchema } from './annotate-ui';
export { FieldDiff, type FieldDiffProps } from './field-diff';
export { makeTransformErrors } from './localize-errors';
export { localizeFormLabels, zhStringTranslator } from './localize-labels';
export { formFields, formWidgets, SchemaForm, type SchemaFormProps } from './schema-form';
export { type JsonSchema, labelFor, optionsOf, orderedKeys, schemaAt, splitPath, titleAt, titlePath } from './schema-paths';
export { fieldIssuesOf, toErrorSchema } from './server-errors';
