/** @module Tests of checkFormDefinition: what an administrator may not save, and why (zh and en). */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition, MAX_FORM_BYTES } from './check-form-definition';

const ok = {
  key: 'leave-request',
  title: '请假申请',
  schema: {
    type: 'object',
    required: ['days'],
    properties: { days: { type: 'integer', title: '天数', minimum: 1 } },
  },
  uiSchema: { days: { 'ui:widget': 'updown' } },
};
const issuesOf = (def: Record<string, unknown>) => {
  const r = checkFormDefinition(def);
  return r.ok ? [] : r.issues;
};

function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 1; i < depth; i++) schema = { type: 'object', properties: { x: schema } };
  return schema;
}

describe('checkFormDefinition', () => {
  it('accepts a plain object form', () => {
    expect(checkFormDefinition(ok)).toEqual({ ok: true });
  });

  it('rejects a schema whose top level is not an object', () => {
    const list = issuesOf({ ...ok, schema: { type: 'array', items: { type: 'string' } } });
    expect(list).toEqual([
      {
        path: '/schema/type',
        message: '表单最外层必须是对象（"type": "object"）',
        messageEn: 'The top level of a form schema must be "type": "object"',
      },
    ]);
    expect(issuesOf({ ...ok, schema: 'text' }).map((i) => i.path)).toEqual(['/schema']);
  });

  it('rejects keys that are not lowercase kebab case, and a missing title', () => {
    for (const key of ['Leave', 'leave_request', '-leave', 'leave-', '1leave', '', 'a'.repeat(65)]) {
      expect(
        issuesOf({ ...ok, key }).map((i) => i.path),
        key,
      ).toEqual(['/key']);
    }
    expect(issuesOf({ ...ok, title: '  ' })).toEqual([
      { path: '/title', message: '表单名称为必填项', messageEn: 'The form title is required' },
    ]);
  });

  it('rejects a schema nested too deeply', () => {
    expect(checkFormDefinition({ ...ok, schema: nested(20) })).toEqual({ ok: true });
    const list = issuesOf({ ...ok, schema: nested(21) });
    expect(list).toHaveLength(1);
    expect(list[0].message).toContain('嵌套过深');
  });

  it('rejects a definition over the size limit', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++)
      properties[`field${i}`] = { type: 'string', title: `第${i}个字段`, description: 'x'.repeat(80) };
    const list = issuesOf({ ...ok, schema: { type: 'object', properties } });
    expect(JSON.stringify(properties).length).toBeGreaterThan(MAX_FORM_BYTES);
    expect(list.map((i) => i.messageEn)).toEqual([expect.stringContaining('too large')]);
  });

  it('rejects a schema that is not valid JSON Schema or does not compile', () => {
    const wrongValue = issuesOf({
      ...ok,
      schema: { type: 'object', properties: { a: { type: 'string', minLength: '3' } } },
    });
    expect(wrongValue.map((i) => i.path)).toContain('/schema/properties/a/minLength');
    expect(wrongValue[0].message).toMatch(/^JSON Schema 不合法/);
    const badRef = issuesOf({
      ...ok,
      schema: { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } },
    });
    expect(badRef).toHaveLength(1);
    expect(badRef[0].message).toMatch(/^表单结构无法编译/);
    const badPattern = issuesOf({
      ...ok,
      schema: { type: 'object', properties: { a: { type: 'string', pattern: '([a-z' } } },
    });
    expect(badPattern.length).toBeGreaterThan(0);
  });

  it('reports unknown keywords (typos) with their path, but knows our extensions', () => {
    const list = issuesOf({
      ...ok,
      schema: {
        type: 'object',
        requried: ['a'],
        properties: {
          a: { type: 'string', 'x-unit': true, 'x-error-message': '格式不对' },
          b: { type: 'array', items: { type: 'string', 'x-unkown': 1 } },
        },
      },
    });
    expect(list.map((i) => [i.path, i.message])).toEqual([
      ['/schema/requried', '未知的关键字“requried”（拼写错误？）'],
      ['/schema/properties/b/items/x-unkown', '未知的关键字“x-unkown”（拼写错误？）'],
    ]);
  });

  it('rejects other JSON Schema dialects and a uiSchema that is not an object', () => {
    const dialect = issuesOf({
      ...ok,
      schema: { ...ok.schema, $schema: 'https://json-schema.org/draft/2020-12/schema' },
    });
    expect(dialect.map((i) => i.path)).toEqual(['/schema/$schema']);
    expect(
      checkFormDefinition({
        ...ok,
        schema: { ...ok.schema, $schema: 'http://json-schema.org/draft-07/schema#' },
      }),
    ).toEqual({ ok: true });
    expect(issuesOf({ ...ok, uiSchema: [] }).map((i) => i.path)).toEqual(['/uiSchema']);
  });
});
