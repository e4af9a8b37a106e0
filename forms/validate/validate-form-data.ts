/**
 * @module validateFormData: data against a form's JSON Schema, then its references against the injected checks.
 * Failures are values: one `{path, message, field}` per failing field, Chinese by default.
 */
import type { ErrorObject } from 'ajv';
import type { FieldIssue, FormDataCheck, FormToValidate, JsonSchema, Lang, RefChecks } from '../types';
import type { ValidationContext } from './ajv';
import { compiledValidator } from './compile-cache';
import { customMessage, enMessage, type MessageContext, zhMessage } from './messages';
import { checkRefs, refMessage } from './refs';
import { optionLabels, pointerSegments, schemasAt, titlePath, toPointer, uiAt } from './schema-paths';

/** A 422 lists at most this many fields: enough to fix a form, bounded for a payload with thousands of bad rows. */
export const MAX_DETAILS = 100;

export interface ValidateOptions {
  lang?: Lang;
  refs?: RefChecks;
}

export async function validateFormData(
  form: FormToValidate,
  data: unknown,
  options: ValidateOptions = {},
): Promise<FormDataCheck> {
  const lang = options.lang ?? 'zh';
  const validate = compiledValidator(form);
  const context: ValidationContext = { refs: [] };
  validate.call(context, data);
  const details = describeErrors(form, validate.errors ?? [], lang);
  for (const ref of await checkRefs(context.refs, options.refs)) {
    const segments = pointerSegments(ref.path);
    const field = titlePath(form.schema, form.uiSchema, segments, lang);
    details.push({
      path: ref.path,
      field,
      message: refMessage(ref.kind, field, lang),
      messageEn: refMessage(ref.kind, titlePath(form.schema, form.uiSchema, segments, 'en'), 'en'),
    });
  }
  return details.length === 0 ? { ok: true } : { ok: false, details: dedupe(details).slice(0, MAX_DETAILS) };
}

const SUMMARISING = new Set(['oneOf', 'anyOf', 'contains']);

/**
 * ajv's raw errors → field issues: noise dropped, required errors moved onto the missing field. `message` is in
 * `lang`; `messageEn` is always English, so the HTTP edge can answer either language (server/http/errors.ts).
 */
export function describeErrors(form: FormToValidate, errors: ErrorObject[], lang: Lang): FieldIssue[] {
  // A failed oneOf/anyOf/contains explains itself; the per-branch or per-item errors under it do not.
  const choiceRoots = errors.filter((e) => SUMMARISING.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  const out: FieldIssue[] = [];
  for (const e of errors) {
    // `if` only says "must match then"; the `then` branch's own errors say what is missing.
    if (e.keyword === 'if') continue;
    if (choiceRoots.some((root) => e.schemaPath.startsWith(root))) continue;
    const segments = errorSegments(e);
    const here = schemasAt(form.schema, segments);
    const own = (e.parentSchema ?? {}) as JsonSchema;
    const rowLike = here.some(
      (s) => s.items && !Array.isArray(s.items) && (s.items.type === 'object' || s.items.properties),
    );
    const contextIn = (l: Lang): MessageContext => ({
      field: titlePath(form.schema, form.uiSchema, segments, l),
      lang: l,
      custom: customMessage(own, l) ?? firstCustom(here, l),
      options: choiceLabels(e, own, uiAt(form.uiSchema, segments), l),
      rowLike,
    });
    const mine = contextIn(lang);
    const en = lang === 'en' ? mine : contextIn('en');
    out.push({
      path: toPointer(segments),
      field: mine.field,
      message: lang === 'en' ? enMessage(e, mine) : zhMessage(e, mine),
      messageEn: enMessage(e, en),
    });
  }
  return out;
}

/** The data location an error is about: for required/additionalProperties, the property itself, not its parent. */
function errorSegments(e: ErrorObject): string[] {
  const base = pointerSegments(e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (
    (e.keyword === 'required' || e.keyword === 'dependentRequired' || e.keyword === 'dependencies') &&
    p.missingProperty
  ) {
    return [...base, String(p.missingProperty)];
  }
  if (e.keyword === 'additionalProperties' && p.additionalProperty)
    return [...base, String(p.additionalProperty)];
  return base;
}

function firstCustom(schemas: JsonSchema[], lang: Lang): string | undefined {
  for (const s of schemas) {
    const m = customMessage(s, lang);
    if (m) return m;
  }
  return undefined;
}

/** Option labels for choice errors: Chinese titles in zh, the stored codes in en (titles are authored in Chinese). */
function choiceLabels(
  e: ErrorObject,
  own: JsonSchema,
  ui: Record<string, any> | undefined,
  lang: Lang,
): string[] | undefined {
  if (!['enum', 'const', 'oneOf', 'anyOf'].includes(e.keyword)) return undefined;
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

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\n${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
