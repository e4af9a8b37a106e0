/**
 * @module The one table of validation wording, shared by the server's 422s (forms/validate) and the browser's
 * inline errors (ui/src/forms/localize-errors): one message per failing keyword, Chinese by default, English on
 * request, naming the field by its title path. Common keywords have our own wording; the rest fall back to
 * ajv-i18n (zh) or ajv's English. Pure: no ajv instance, no Node, so the UI bundle can take it.
 */
import localizeZh from 'ajv-i18n/localize/zh';
import type { JsonSchema, Lang } from '../types';

/**
 * What a message needs of an error: ajv's `keyword` and `params` (rjsf calls the keyword `name`; the UI renames it),
 * and ajv's English `message` for keywords without our own wording.
 */
export interface KeywordError {
  keyword: string;
  params: Record<string, any>;
  message?: string;
}

const FORMAT_ZH: Record<string, string> = {
  date: '日期（格式 YYYY-MM-DD）',
  'date-time': '日期时间（如 2026-01-31T09:00:00+08:00）',
  time: '时间（如 09:30:00）',
  email: '电子邮箱地址',
  uri: '网址（以 http:// 或 https:// 开头）',
  url: '网址',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  uuid: 'UUID',
};
const FORMAT_EN: Record<string, string> = {
  date: 'date (YYYY-MM-DD)',
  'date-time': 'date-time (e.g. 2026-01-31T09:00:00+08:00)',
  time: 'time (e.g. 09:30:00)',
  email: 'email address',
  uri: 'URL (starting with http:// or https://)',
  url: 'URL',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  uuid: 'UUID',
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

/** What a message needs besides the error: the field's readable name and its option labels, if any. */
export interface MessageContext {
  field: string;
  lang: Lang;
  /** Labels of the allowed options (zh titles; en the stored codes). */
  options?: string[];
  /** An author-written message for this field's format/pattern/choice errors (`x-error-message[-en]`). */
  custom?: string;
  rowLike?: boolean;
}

const q = (s: string) => `「${s}」`;

export function zhMessage(e: KeywordError, c: MessageContext): string {
  const p = e.params ?? {};
  const f = q(c.field);
  const unit = c.rowLike ? '行' : '项';
  switch (e.keyword) {
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
    case 'maxProperties':
      return `${f}最多填写 ${p.limit} 项`;
    case 'uniqueItems':
      return `${f}有重复：第 ${Number(p.j) + 1} ${unit}与第 ${Number(p.i) + 1} ${unit}相同`;
    case 'pattern':
      return c.custom ? `${f}${c.custom}` : `${f}格式不正确`;
    case 'format':
      return c.custom ? `${f}${c.custom}` : `${f}应为有效的${FORMAT_ZH[p.format] ?? p.format}`;
    case 'type':
      return `${f}应为${String(p.type)
        .split(',')
        .map((t) => TYPE_ZH[t] ?? t)
        .join('或')}`;
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      if (c.custom) return `${f}${c.custom}`;
      return c.options?.length ? `${f}应为以下之一：${c.options.join('、')}` : `${f}的取值不在允许范围内`;
    case 'additionalProperties':
      return `${f}不是此表单的字段，不能提交`;
    case 'x-not-before-today':
      return `${f}不能早于今天`;
    case 'propertyNames':
      return `${f}中有不允许的字段名`;
    default: {
      // ajv-i18n words the rest ("应当…"); it rewrites `message` in place, so work on a copy.
      const copy = [{ ...e, params: p }];
      localizeZh(copy as Parameters<typeof localizeZh>[0]);
      return `${f}${copy[0].message ?? '不符合要求'}`;
    }
  }
}

export function enMessage(e: KeywordError, c: MessageContext): string {
  const p = e.params ?? {};
  const f = c.field;
  const unit = c.rowLike ? 'row' : 'item';
  switch (e.keyword) {
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
    case 'exclusiveMinimum':
      return `${f} must be greater than ${p.limit}`;
    case 'exclusiveMaximum':
      return `${f} must be less than ${p.limit}`;
    case 'multipleOf':
      return `${f} must be a multiple of ${p.multipleOf}`;
    case 'minItems':
      return `${f} needs at least ${p.limit} ${unit}${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${f} allows at most ${p.limit} ${unit}${p.limit === 1 ? '' : 's'}`;
    case 'minProperties':
      return `${f} needs at least ${p.limit} ${p.limit === 1 ? 'entry' : 'entries'}`;
    case 'maxProperties':
      return `${f} allows at most ${p.limit} ${p.limit === 1 ? 'entry' : 'entries'}`;
    case 'uniqueItems':
      return `${f} has duplicates: ${unit} ${Number(p.j) + 1} is the same as ${unit} ${Number(p.i) + 1}`;
    case 'pattern':
      return c.custom ? `${f} ${c.custom}` : `${f} has an invalid format`;
    case 'format':
      return c.custom ? `${f} ${c.custom}` : `${f} must be a valid ${FORMAT_EN[p.format] ?? p.format}`;
    case 'type':
      return `${f} must be of type ${String(p.type).split(',').join(' or ')}`;
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      if (c.custom) return `${f} ${c.custom}`;
      return c.options?.length
        ? `${f} must be one of: ${c.options.join(', ')}`
        : `${f} has a value that is not allowed`;
    case 'additionalProperties':
      return `${f} is not a field of this form`;
    case 'x-not-before-today':
      return `${f} must not be before today`;
    case 'propertyNames':
      return `${f} has a field name that is not allowed`;
    default:
      return `${f} ${e.message ?? 'is invalid'}`;
  }
}

/** The author's own wording for choice/format errors of a field, if given. */
export function customMessage(schema: JsonSchema | undefined, lang: Lang): string | undefined {
  const m =
    lang === 'en'
      ? (schema?.['x-error-message-en'] ?? schema?.['x-error-message'])
      : schema?.['x-error-message'];
  return typeof m === 'string' && m ? m : undefined;
}
