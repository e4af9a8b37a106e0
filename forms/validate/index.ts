/** @module forms/validate: data against a form (ajv draft-07, zh/en messages, reference checks) and the compile cache. */
export { validateFormData, type ValidateOptions } from './validate-form-data';
export { compiledValidator, tryCompile } from './compile-cache';
export { ANNOTATION_KEYWORDS, chinaToday, REF_KEYWORDS, RULE_KEYWORDS, UNIQUE_SCOPES } from './ajv';
export { pointerSegments, schemasAt, titlePath } from '../messages';
