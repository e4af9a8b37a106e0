/**
 * @module ui/forms/localize-errors: ajv errors reworded in Chinese (or English) and named by the field's title path,
 * in the same words the server uses for its 422s, so a message reads the same whether the browser or the server caught it.
 */
import type { RJSFValidationError } from '@rjsf/utils';
import { type JsonSchema, optionsOf, schemaAt, splitPath, titlePath } from './schema-paths';

const FORMAT_ZH: Record<string, string> = {
  date: '日期（格式 YYYY-MM-DD）',
  'date-time': '日期时间（如 2026-01-31T09:00:00+08:00）',
  time: '时间（如 09:30:00）',
  email: '电子邮箱地址',
  uri: '网址（以 http:// 或 https:// 开头）',
  url: '网址',
};
const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '对象', null: '空值' };

interface Ctx {
  field: string;
  custom?: string;
  options?: string[];
  rowLike: boolean;
}

function zh(e: RJSFValidationError, c: Ctx): string | null {
  const p = e.params ?? {};
  const f = `「${c.field}」`;
  const unit = c.rowLike ? '行' : '项';
  switch (e.name) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return `${f}为必填项`;
    case 'minLength':
      return p.limit <= 1 ? `${f}不能为空` : `${f}至少需要 ${p.limit} 个字符`;
    case 'maxLength':
      return `${f}不能超过 ${p.limit} 个字符`;
    case 'minimum':
      return `${f}不能小于 ${p.limit}`;
    case 'maximum':
      return `${f}不能大于 ${p.limit}`;
    case 'exclusiveMinimum':
      return `${f}必须大于 ${p.limit}`;
    case 'exclusiveMaximum':
      return `${f}必须小于 ${p.limit}`;
    case 'multipleOf':
      return `${f}必须是 ${p.multipleOf} 的整数倍`;
    case 'minItems':
      return p.limit <= 1 ? `${f}至少需要填写 1 ${unit}` : `${f}至少需要 ${p.limit} ${unit}`;
    case 'maxItems':
      return `${f}最多 ${p.limit} ${unit}`;
    case 'minProperties':
      return `${f}至少需要填写 ${p.limit} 项`;
    case 'uniqueItems':
      return `${f}有重复：第 ${Number(p.j) + 1} ${unit}与第 ${Number(p.i) + 1} ${unit}相同`;
    case 'pattern':
      return c.custom ? `${f}${c.custom}` : `${f}格式不正确`;
    case 'format':
      return c.custom ? `${f}${c.custom}` : `${f}应为有效的${FORMAT_ZH[p.format] ?? p.format}`;
    case 'type':
      return `${f}应为${String(p.type).split(',').map((t) => TYPE_ZH[t] ?? t).join('或')}`;
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      if (c.custom) return `${f}${c.custom}`;
      return c.options?.length ? `${f}应为以下之一：${c.options.join('、')}` : `${f}的取值不在允许范围内`;
    case 'additionalProperties':
      return `${f}不是此表单的字段，不能提交`;
    case 'if':
      return null;
    default:
      return `${f}不符合要求`;
  }
}

function en(e: RJSFValidationError, c: Ctx): string | null {
  const p = e.params ?? {};
  const f = c.field;
  const unit = c.rowLike ? 'row' : 'item';
  switch (e.name) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return `${f} is required`;
    case 'minLength':
      return p.limit <= 1 ? `${f} must not be empty` : `${f} must be at least ${p.limit} characters`;
    case 'maxLength':
      return `${f} must be at most ${p.limit} characters`;
    case 'minimum':
      return `${f} must be at least ${p.limit}`;
    case 'maximum':
      return `${f} must be at most ${p.limit}`;
    case 'minItems':
      return `${f} needs at least ${p.limit} ${unit}${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${f} allows at most ${p.limit} ${unit}s`;
    case 'pattern':
      return c.custom ? `${f} ${c.custom}` : `${f} has an invalid format`;
    case 'format':
      return c.custom ? `${f} ${c.custom}` : `${f} must be a valid ${p.format}`;
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      if (c.custom) return `${f} ${c.custom}`;
      return c.options?.length ? `${f} must be one of: ${c.options.join(', ')}` : `${f} has a value that is not allowed`;
    case 'if':
      return null;
    default:
      return `${f} ${e.message ?? 'is invalid'}`;
  }
}

/** Where an error belongs: rjsf already moved `required` onto the missing property. */
function segmentsOf(e: RJSFValidationError): string[] {
  return splitPath(e.property ?? '');
}

/** Makes a transformErrors for one schema: each error names its field by title path; noise (`if`, const branches) is dropped. */
export function makeTransformErrors(schema: JsonSchema, uiSchema: JsonSchema | undefined, lang: 'zh' | 'en') {
  return (errors: RJSFValidationError[]): RJSFValidationError[] => {
    const out: RJSFValidationError[] = [];
    const seen = new Set<string>();
    // A failed oneOf/anyOf also reports each branch's const/format miss; keep only the oneOf/anyOf line for that field.
    const choiceFailed = new Set(errors.filter((e) => e.name === 'oneOf' || e.name === 'anyOf').map((e) => e.property));
    for (const e of errors) {
      if (choiceFailed.has(e.property) && (e.name === 'const' || e.name === 'format' || e.name === 'type')) continue;
      const segments = segmentsOf(e);
      const field = titlePath(schema, uiSchema, segments, lang) || (lang === 'en' ? 'The form' : '表单');
      const own = schemaAt(schema, segments);
      const customRaw = lang === 'en' ? (own?.['x-error-message-en'] ?? own?.['x-error-message']) : own?.['x-error-message'];
      const options = optionsOf(own)?.map((o) => (lang === 'en' ? String(o.value) : o.label));
      const item = /^\d+$/.test(segments[segments.length - 1] ?? '') ? own : (own?.items as JsonSchema | undefined);
      const ctx: Ctx = {
        field,
        custom: typeof customRaw === 'string' && customRaw ? customRaw : undefined,
        options,
        rowLike: item?.type === 'object' || !!item?.properties,
      };
      const message = lang === 'en' ? en(e, ctx) : zh(e, ctx);
      if (message === null) continue;
      const key = `${e.property}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...e, message, stack: message });
    }
    return out;
  };
}
