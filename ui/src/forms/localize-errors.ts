/** @module ui/forms/localize-errors: ajv errors rewritten in Chinese (or English) and named by the field's title, like the server's. */
import type { RJSFValidationError } from '@rjsf/utils';
import { type JsonSchema, splitPath, titleAt } from './schema-paths';

const FORMAT_ZH: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  'date-time': '日期时间',
  time: '时间',
  email: '电子邮箱地址',
  uri: '网址',
  url: '网址',
  ipv4: 'IPv4 地址',
};
const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  null: '空值',
};

function zhMessage(e: RJSFValidationError, title: string): string | null {
  const p = e.params ?? {};
  const f = `“${title}”`;
  switch (e.name) {
    case 'required':
      return `请填写${f}`;
    case 'minLength':
      return p.limit === 1 ? `请填写${f}` : `${f}至少 ${p.limit} 个字符`;
    case 'maxLength':
      return `${f}最多 ${p.limit} 个字符`;
    case 'minimum':
      return `${f}不能小于 ${p.limit}`;
    case 'maximum':
      return `${f}不能大于 ${p.limit}`;
    case 'exclusiveMinimum':
      return `${f}必须大于 ${p.limit}`;
    case 'exclusiveMaximum':
      return `${f}必须小于 ${p.limit}`;
    case 'multipleOf':
      return `${f}必须是 ${p.multipleOf} 的倍数`;
    case 'minItems':
      return `${f}至少需要 ${p.limit} 项`;
    case 'maxItems':
      return `${f}最多 ${p.limit} 项`;
    case 'uniqueItems':
      return `${f}中有重复项（第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项）`;
    case 'pattern':
      return `${f}格式不正确`;
    case 'format':
      return `${f}不是有效的${FORMAT_ZH[p.format] ?? p.format}`;
    case 'type':
      return `${f}应为${String(p.type).split(',').map((t) => TYPE_ZH[t] ?? t).join('或')}`;
    case 'enum':
    case 'const':
      return `${f}的取值不在允许范围内`;
    case 'oneOf':
    case 'anyOf':
      return `${f}不符合任何一个可选项`;
    case 'additionalProperties':
      return `${f}包含不允许的字段 ${p.additionalProperty}`;
    case 'dependencies':
    case 'dependentRequired':
      return `填写${f}时还须填写“${p.missingProperty}”`;
    case 'if':
      // ajv also reports the failing `then` branch itself; "must match then" adds nothing for a user.
      return null;
    default:
      return e.message ? `${f}${e.message}` : `${f}不符合要求`;
  }
}

/** Makes a transformErrors for one schema: each error names its field by title; noise (`if`) is dropped. */
export function makeTransformErrors(schema: JsonSchema, uiSchema: JsonSchema | undefined, lang: 'zh' | 'en') {
  return (errors: RJSFValidationError[]): RJSFValidationError[] => {
    const out: RJSFValidationError[] = [];
    for (const e of errors) {
      const segments = splitPath(e.property ?? '');
      const title = titleAt(schema, uiSchema, segments) || e.title || (lang === 'en' ? 'This field' : '此项');
      const message = lang === 'en' ? (e.name === 'if' ? null : `${title}: ${e.message ?? 'is invalid'}`) : zhMessage(e, title);
      if (message === null) continue;
      out.push({ ...e, message, stack: message });
    }
    return out;
  };
}
