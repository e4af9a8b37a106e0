/**
 * @module One failing keyword at one data path → its message, from the form alone. The server (ajv's raw errors)
 * and the browser (rjsf's errors) both call this, so a field reads the same whichever side caught it; they differ
 * only in how they find the path (ajv's instancePath, rjsf's property).
 */
import type { JsonSchema, Lang, UiSchema } from '../types';
import { optionLabels, schemasAt, titlePath, uiAt } from './schema-paths';
import {
  customMessage,
  enMessage,
  type KeywordError,
  type MessageContext,
  zhMessage,
} from './validation-messages';

export interface FormSchemas {
  schema: JsonSchema;
  uiSchema?: UiSchema;
}

/** A keyword whose failure explains itself: the per-branch, per-item or per-name errors under it do not. */
const SUMMARISING = new Set(['oneOf', 'anyOf', 'contains', 'propertyNames']);
const CHOICE = new Set(['enum', 'const', 'oneOf', 'anyOf']);

/**
 * The errors worth a message: `if` only says "must match then" (the `then` branch's own errors say what is
 * missing), and a failed oneOf/anyOf/contains/propertyNames swallows the errors of its branches, items or names.
 */
export function meaningfulErrors<E extends { keyword: string; schemaPath?: string }>(errors: E[]): E[] {
  const roots = errors
    .filter((e) => SUMMARISING.has(e.keyword) && e.schemaPath)
    .map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => e.keyword !== 'if' && !roots.some((root) => e.schemaPath?.startsWith(root)));
}

/**
 * Where an error belongs in the data, given where ajv reported it: `required` and `additionalProperties` are about
 * the property itself, not its parent.
 */
export function errorSegments(
  keyword: string,
  params: Record<string, any> | undefined,
  at: string[],
): string[] {
  const name =
    keyword === 'required' || keyword === 'dependentRequired' || keyword === 'dependencies'
      ? params?.missingProperty
      : keyword === 'additionalProperties'
        ? params?.additionalProperty
        : undefined;
  return name === undefined || name === null || name === '' ? at : [...at, String(name)];
}

/**
 * The message of one error in `lang`. `segments` is where the error belongs in the data (for `required` and
 * `additionalProperties`, the property itself); `own` is the schema holding the failed keyword when the caller
 * knows it (ajv's parentSchema), else the schemas at the path stand in.
 */
export function fieldMessage(
  e: KeywordError,
  form: FormSchemas,
  segments: string[],
  lang: Lang,
  own?: JsonSchema,
): { field: string; message: string } {
  const c = messageContext(e, form, segments, lang, own);
  return { field: c.field, message: lang === 'en' ? enMessage(e, c) : zhMessage(e, c) };
}

function messageContext(
  e: KeywordError,
  form: FormSchemas,
  segments: string[],
  lang: Lang,
  own: JsonSchema | undefined,
): MessageContext {
  const here = schemasAt(form.schema, segments);
  const holder = own ?? here.find((s) => e.keyword in s) ?? here[0] ?? {};
  return {
    field: titlePath(form.schema, form.uiSchema, segments, lang),
    lang,
    custom: customMessage(holder, lang) ?? firstCustom(here, lang),
    options: CHOICE.has(e.keyword) ? choiceLabels(holder, uiAt(form.uiSchema, segments), lang) : undefined,
    rowLike: here.some(
      (s) => s.items && !Array.isArray(s.items) && (s.items.type === 'object' || s.items.properties),
    ),
  };
}

function firstCustom(schemas: JsonSchema[], lang: Lang): string | undefined {
  for (const s of schemas) {
    const m = customMessage(s, lang);
    if (m) return m;
  }
  return undefined;
}

/** Option labels for choice errors: Chinese titles in zh, the stored codes in en (titles are authored in Chinese). */
function choiceLabels(own: JsonSchema, ui: UiSchema | undefined, lang: Lang): string[] | undefined {
  if (lang === 'en') {
    const branches = own.oneOf ?? own.anyOf;
    if (Array.isArray(branches) && branches.every((b: JsonSchema) => b && 'const' in b)) {
      return branches.map((b: JsonSchema) => JSON.stringify(b.const));
    }
    if (Array.isArray(own.enum)) return own.enum.map((v: unknown) => JSON.stringify(v));
    return undefined;
  }
  return optionLabels(own, ui);
}
