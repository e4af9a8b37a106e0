/**
 * @module Which attachment ids a form's data holds in its file fields (`x-attachment`), found by the same ajv pass
 * that validates it, so if/then, items and $ref decide exactly as they do for the ownership check. An id typed into
 * a free-text field is not a reference: it was never checked as the submitter's own upload.
 */
import type { FormToValidate } from '../types';
import type { ValidationContext } from '../validate/ajv';
import { compiledValidator } from '../validate/compile-cache';

export function attachmentIdsIn(form: FormToValidate, data: unknown): string[] {
  const context: ValidationContext = { refs: [] };
  compiledValidator(form).call(context, data);
  return [...new Set(context.refs.filter((r) => r.kind === 'attachment').map((r) => r.id))];
}
