/**
 * @module validateFormData: data against a form's JSON Schema, then its references against the injected checks.
 * Failures are values: one `{path, message, field}` per failing field, Chinese by default.
 */
import type { ErrorObject } from 'ajv';
import type { FieldIssue, FormDataCheck, FormToValidate, JsonSchema, Lang, RefChecks } from '../types';
import type { ValidationContext } from './ajv';
import { compiledValidator } from './compile-cache';
import {
  errorSegments,
  fieldMessage,
  meaningfulErrors,
  pointerSegments,
  titlePath,
  toPointer,
} from '../messages';
import { checkRefs, refMessage } from './refs';
import { checkUnique, uniqueMessage } from './unique';

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
  const context: ValidationContext = { refs: [], unique: [] };
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
  for (const u of await checkUnique(context.unique ?? [], context.refs, options.refs)) {
    const segments = pointerSegments(u.path);
    const field = titlePath(form.schema, form.uiSchema, segments, lang);
    details.push({
      path: u.path,
      field,
      message: uniqueMessage(field, u.value, lang),
      messageEn: uniqueMessage(titlePath(form.schema, form.uiSchema, segments, 'en'), u.value, 'en'),
    });
  }
  return details.length === 0 ? { ok: true } : { ok: false, details: dedupe(details).slice(0, MAX_DETAILS) };
}

/**
 * ajv's raw errors → field issues: noise dropped, required errors moved onto the missing field. `message` is in
 * `lang`; `messageEn` is always English, so the HTTP edge can answer either language (server/http/errors.ts). The
 * wording is forms/messages', the browser's too.
 */
export function describeErrors(form: FormToValidate, errors: ErrorObject[], lang: Lang): FieldIssue[] {
  return meaningfulErrors(errors).map((e) => {
    const segments = errorSegments(e.keyword, e.params, pointerSegments(e.instancePath));
    const own = (e.parentSchema ?? {}) as JsonSchema;
    const mine = fieldMessage(e, form, segments, lang, own);
    return {
      path: toPointer(segments),
      field: mine.field,
      message: mine.message,
      messageEn: lang === 'en' ? mine.message : fieldMessage(e, form, segments, 'en', own).message,
    };
  });
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
