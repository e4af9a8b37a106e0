/**
 * @module Server and browser say the same thing: for every keyword the message table words, the same schema and
 * data go through the server's validateFormData (ajv) and the browser's rjsf validator with makeTransformErrors,
 * in Chinese and English, and the messages must be equal. No browser is needed: both sides are plain functions.
 */
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { validateFormData } from '../../forms/validate';
import { makeTransformErrors } from '../src/forms/localize-errors';

interface Case {
  keyword: string;
  schema: Record<string, any>;
  uiSchema?: Record<string, any>;
  data: unknown;
  /** The Chinese message both sides must give. */
  zh: string;
}

const form = (properties: Record<string, any>, extra: Record<string, any> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});
const name = (extra: Record<string, any>) => form({ name: { type: 'string', title: '名称', ...extra } });
const count = (extra: Record<string, any>) => form({ n: { type: 'number', title: '数量', ...extra } });
const rows = (extra: Record<string, any>) =>
  form({
    items: {
      type: 'array',
      title: '数据项',
      items: { type: 'object', properties: { name: { type: 'string', title: '名称' } } },
      ...extra,
    },
  });
const tags = (extra: Record<string, any>) =>
  form({ tags: { type: 'array', title: '标签', items: { type: 'string' }, ...extra } });

const CASES: Case[] = [
  { keyword: 'required', schema: { ...name({}), required: ['name'] }, data: {}, zh: '「名称」为必填项' },
  {
    keyword: 'required (in a table row)',
    schema: form({
      items: {
        type: 'array',
        title: '数据项',
        items: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', title: '名称' } },
        },
      },
    }),
    data: { items: [{ name: 'a' }, {}] },
    zh: '「数据项 第2行 名称」为必填项',
  },
  {
    keyword: 'required (ui:title)',
    schema: { ...name({}), required: ['name'] },
    uiSchema: { name: { 'ui:title': '资源名称', 'ui:titleEn': 'Resource name' } },
    data: {},
    zh: '「资源名称」为必填项',
  },
  {
    keyword: 'minLength (empty)',
    schema: name({ minLength: 1 }),
    data: { name: '' },
    zh: '「名称」不能为空',
  },
  {
    keyword: 'minLength',
    schema: name({ minLength: 3 }),
    data: { name: 'ab' },
    zh: '「名称」至少需要 3 个字符',
  },
  {
    keyword: 'maxLength',
    schema: name({ maxLength: 2 }),
    data: { name: 'abc' },
    zh: '「名称」不能超过 2 个字符',
  },
  { keyword: 'minimum', schema: count({ minimum: 1 }), data: { n: 0 }, zh: '「数量」不能小于 1' },
  { keyword: 'maximum', schema: count({ maximum: 9 }), data: { n: 10 }, zh: '「数量」不能大于 9' },
  {
    keyword: 'exclusiveMinimum',
    schema: count({ exclusiveMinimum: 0 }),
    data: { n: 0 },
    zh: '「数量」必须大于 0',
  },
  {
    keyword: 'exclusiveMaximum',
    schema: count({ exclusiveMaximum: 5 }),
    data: { n: 5 },
    zh: '「数量」必须小于 5',
  },
  {
    keyword: 'multipleOf',
    schema: count({ multipleOf: 5 }),
    data: { n: 7 },
    zh: '「数量」必须是 5 的整数倍',
  },
  {
    keyword: 'minItems (rows)',
    schema: rows({ minItems: 1 }),
    data: { items: [] },
    zh: '「数据项」至少需要填写 1 行',
  },
  {
    keyword: 'minItems (items)',
    schema: tags({ minItems: 2 }),
    data: { tags: ['a'] },
    zh: '「标签」至少需要 2 项',
  },
  { keyword: 'maxItems', schema: tags({ maxItems: 1 }), data: { tags: ['a', 'b'] }, zh: '「标签」最多 1 项' },
  {
    keyword: 'uniqueItems',
    schema: tags({ uniqueItems: true }),
    data: { tags: ['a', 'b', 'a'] },
    zh: '「标签」有重复：第 3 项与第 1 项相同',
  },
  {
    keyword: 'minProperties',
    schema: form({ meta: { type: 'object', title: '附加信息', minProperties: 1 } }),
    data: { meta: {} },
    zh: '「附加信息」至少需要填写 1 项',
  },
  {
    keyword: 'maxProperties',
    schema: form({ meta: { type: 'object', title: '附加信息', maxProperties: 1 } }),
    data: { meta: { a: 1, b: 2 } },
    zh: '「附加信息」最多填写 1 项',
  },
  {
    keyword: 'pattern',
    schema: name({ pattern: '^[A-Z]+$' }),
    data: { name: 'abc' },
    zh: '「名称」格式不正确',
  },
  {
    keyword: 'pattern (x-error-message)',
    schema: name({
      pattern: '^\\d{6}$',
      'x-error-message': '应为 6 位数字',
      'x-error-message-en': 'must be 6 digits',
    }),
    data: { name: '12' },
    zh: '「名称」应为 6 位数字',
  },
  {
    keyword: 'format (date)',
    schema: name({ format: 'date' }),
    data: { name: '2026-13-01' },
    zh: '「名称」应为有效的日期（格式 YYYY-MM-DD）',
  },
  {
    keyword: 'format (email)',
    schema: name({ format: 'email' }),
    data: { name: 'nobody' },
    zh: '「名称」应为有效的电子邮箱地址',
  },
  {
    keyword: 'format (uri)',
    schema: name({ format: 'uri' }),
    data: { name: 'not a url' },
    zh: '「名称」应为有效的网址（以 http:// 或 https:// 开头）',
  },
  { keyword: 'type', schema: count({}), data: { n: 'x' }, zh: '「数量」应为数字' },
  { keyword: 'type (root)', schema: count({}), data: [], zh: '「表单」应为对象' },
  {
    keyword: 'enum',
    schema: name({ enum: ['a', 'b'] }),
    uiSchema: { name: { 'ui:enumNames': ['甲', '乙'] } },
    data: { name: 'c' },
    zh: '「名称」应为以下之一：甲、乙',
  },
  {
    keyword: 'const',
    schema: name({ const: 'yes' }),
    data: { name: 'no' },
    zh: '「名称」的取值不在允许范围内',
  },
  {
    keyword: 'oneOf',
    schema: name({
      oneOf: [
        { const: 'unconditional', title: '无条件共享' },
        { const: 'none', title: '不予共享' },
      ],
    }),
    data: { name: 'x' },
    zh: '「名称」应为以下之一：无条件共享、不予共享',
  },
  {
    keyword: 'anyOf',
    schema: name({
      anyOf: [
        { const: 'long-term', title: '长期' },
        { format: 'date', title: '截止日期' },
      ],
    }),
    data: { name: 'soon' },
    zh: '「名称」应为以下之一：长期、截止日期',
  },
  {
    keyword: 'anyOf (x-error-message)',
    schema: name({
      anyOf: [{ const: 'long-term', title: '长期' }, { format: 'date' }],
      'x-error-message': '应为“长期”或一个日期',
    }),
    data: { name: 'soon' },
    zh: '「名称」应为“长期”或一个日期',
  },
  {
    keyword: 'additionalProperties',
    schema: name({}),
    data: { name: 'a', extra: 1 },
    zh: '「extra」不是此表单的字段，不能提交',
  },
  {
    keyword: 'dependencies',
    schema: form(
      { a: { type: 'string', title: '甲' }, b: { type: 'string', title: '乙' } },
      { dependencies: { a: ['b'] } },
    ),
    data: { a: 'x' },
    zh: '「乙」为必填项',
  },
  {
    keyword: 'if/then (only the then branch speaks)',
    schema: form(
      { kind: { type: 'string', title: '类型' }, reason: { type: 'string', title: '理由' } },
      {
        if: { properties: { kind: { const: 'other' } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
        then: { required: ['reason'] },
      },
    ),
    data: { kind: 'other' },
    zh: '「理由」为必填项',
  },
  {
    keyword: 'contains (ajv-i18n fallback)',
    schema: tags({ contains: { const: 'x' } }),
    data: { tags: ['a'] },
    zh: '「标签」应当包含一个有效项',
  },
  {
    keyword: 'propertyNames',
    schema: form({ meta: { type: 'object', title: '附加信息', propertyNames: { pattern: '^[a-z]+$' } } }),
    data: { meta: { A: 1 } },
    zh: '「附加信息」中有不允许的字段名',
  },
];

/** additionalProperties is refused only where the form says so (forms/README: no silent stripping). */
function closed(schema: Record<string, any>, keyword: string) {
  return keyword === 'additionalProperties' ? { ...schema, additionalProperties: false } : schema;
}

async function serverMessages(c: Case, lang: 'zh' | 'en'): Promise<string[]> {
  const result = await validateFormData(
    { key: 'parity', version: 1, schema: closed(c.schema, c.keyword), uiSchema: c.uiSchema },
    c.data,
    { lang: 'zh' },
  );
  if (result.ok) return [];
  return result.details.map((d) => (lang === 'en' ? d.messageEn : d.message)).sort();
}

const validator = customizeValidator();

function browserMessages(c: Case, lang: 'zh' | 'en'): string[] {
  const schema = closed(c.schema, c.keyword) as RJSFSchema;
  const result = validator.validateFormData(
    c.data,
    schema,
    undefined,
    makeTransformErrors(schema, c.uiSchema, lang),
    c.uiSchema,
  );
  return result.errors.map((e) => e.message ?? '').sort();
}

describe('validation messages: server and browser', () => {
  it.each(CASES)(
    'given a $keyword error, when both sides validate, then the Chinese message is the same',
    async (c) => {
      expect(await serverMessages(c, 'zh')).toEqual([c.zh]);
      expect(browserMessages(c, 'zh')).toEqual([c.zh]);
    },
  );

  it.each(CASES)(
    'given a $keyword error, when both sides validate in English, then the message is the same',
    async (c) => {
      const server = await serverMessages(c, 'en');
      expect(server).toHaveLength(1);
      expect(server[0]).not.toMatch(/[「」]/);
      expect(browserMessages(c, 'en')).toEqual(server);
    },
  );
});
