/**
 * @module ui/forms/choice-schema: "a fixed choice or a typed value" strings (共享期限 = 长期 | a date) are rendered
 * by ConstOrValueField. rjsf's own anyOf handling rewrites such a value while it is being typed (an empty "other"
 * becomes the first const), so the renderer gets the branches under `x-choices` instead of `anyOf`, and this
 * module validates them itself, in the server's words (forms/messages). The server still validates the real schema.
 */
import type { FormValidation } from '@rjsf/utils';
import { isConstOrValue } from './fields/const-or-value-field';
import { fieldMessage } from '../../../forms/messages';
import type { JsonSchema } from './schema-paths';

/** A copy of the schema with each choice-or-value string's anyOf/oneOf moved to `x-choices`, and where they were. */
export function liftChoices(schema: JsonSchema): { schema: JsonSchema; paths: string[][] } {
  const paths: string[][] = [];
  const walk = (node: JsonSchema, at: string[]): JsonSchema => {
    if (!node || typeof node !== 'object') return node;
    if (node.type === 'string' && isConstOrValue(node)) {
      paths.push(at);
      const { anyOf, oneOf, ...rest } = node;
      return { ...rest, 'x-choices': anyOf ?? oneOf };
    }
    if (!node.properties) return node;
    const properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, JsonSchema>).map(([k, v]) => [k, walk(v, [...at, k])]),
    );
    return { ...node, properties };
  };
  return { schema: walk(schema, []), paths };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value satisfies one of the branches (consts, or the free branch's format/pattern/length). */
export function matchesChoice(value: string, branches: JsonSchema[]): boolean {
  return branches.some((b) => {
    if ('const' in b) return b.const === value;
    if (b.format === 'date' && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) return false;
    if (typeof b.pattern === 'string' && !new RegExp(b.pattern, 'u').test(value)) return false;
    if (typeof b.minLength === 'number' && value.length < b.minLength) return false;
    return value !== '';
  });
}

export function makeChoiceValidate(
  lifted: JsonSchema,
  uiSchema: JsonSchema | undefined,
  paths: string[][],
  lang: 'zh' | 'en',
) {
  return (formData: any, errors: FormValidation): FormValidation => {
    for (const path of paths) {
      let value: any = formData;
      let errNode: any = errors;
      for (const seg of path) {
        value = value?.[seg];
        errNode = errNode?.[seg];
      }
      if (value === undefined || !errNode?.addError) continue;
      let node: JsonSchema | undefined = lifted;
      for (const seg of path) node = node?.properties?.[seg];
      const branches = (node?.['x-choices'] ?? []) as JsonSchema[];
      if (matchesChoice(String(value), branches)) continue;
      // The server sees the real anyOf: word it as the server does (forms/messages), branches put back.
      const own = { ...node, anyOf: branches };
      errNode.addError(
        fieldMessage({ keyword: 'anyOf', params: {} }, { schema: lifted, uiSchema }, path, lang, own).message,
      );
    }
    return errors;
  };
}
