/**
 * @module ui/forms/localize-errors: rjsf's ajv errors reworded in Chinese (or English) and named by the field's
 * title path, through the server's own table (forms/messages), so a message reads the same whether the browser
 * or the server caught it (ui/e2e/validation-messages.test.ts holds the two side by side).
 */
import type { RJSFValidationError } from '@rjsf/utils';
import { errorSegments, fieldMessage, meaningfulErrors } from '../../../forms/messages';
import { type JsonSchema, splitPath } from './schema-paths';

/** rjsf's error as the shared table reads it: rjsf names the keyword `name`. */
interface NamedError {
  keyword: string;
  schemaPath?: string;
  error: RJSFValidationError;
}

/**
 * Makes a transformErrors for one schema: each error names its field by title path; noise (`if`, the branches of
 * a failed choice) is dropped. rjsf has already moved `required` onto the missing property.
 */
export function makeTransformErrors(schema: JsonSchema, uiSchema: JsonSchema | undefined, lang: 'zh' | 'en') {
  const form = { schema, uiSchema };
  return (errors: RJSFValidationError[]): RJSFValidationError[] => {
    const named: NamedError[] = errors.map((e) => ({
      keyword: e.name ?? '',
      schemaPath: e.schemaPath,
      error: e,
    }));
    // Without schemaPath (rjsf's customValidate errors) the branch errors of a failed choice are found by property.
    const choiceFailed = new Set(
      errors.filter((e) => e.name === 'oneOf' || e.name === 'anyOf').map((e) => e.property),
    );
    const out: RJSFValidationError[] = [];
    const seen = new Set<string>();
    for (const { error: e } of meaningfulErrors(named)) {
      if (choiceFailed.has(e.property) && (e.name === 'const' || e.name === 'format' || e.name === 'type'))
        continue;
      // rjsf has moved `required` onto the missing property already, but not `additionalProperties`.
      const at = splitPath(e.property ?? '');
      const segments =
        e.name === 'additionalProperties' ? errorSegments('additionalProperties', e.params, at) : at;
      const { message } = fieldMessage(
        { keyword: e.name ?? '', params: e.params ?? {}, message: e.message },
        form,
        segments,
        lang,
      );
      const key = `${e.property}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...e, message, stack: message });
    }
    return out;
  };
}
