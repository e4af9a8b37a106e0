/** @module Tests of fromJsonSchema: round trips, hand-written forms with annotations, and honest refusals. */
import { describe, expect, it } from 'vitest';
import { catalogLikeModel } from './fixtures';
import { fromJsonSchema, isUnsupported } from './from-json-schema';
import { toJsonSchema } from './to-json-schema';

describe('fromJsonSchema', () => {
  it('reads back every kind and condition the designer writes (model → schema → model → schema)', () => {
    // given the compiled catalog-like model
    const model = catalogLikeModel();
    const compiled = toJsonSchema(model);
    // when it is read back
    const back = fromJsonSchema(compiled.schema, compiled.uiSchema);
    // then the model is the same, and compiling it again gives the same JSON
    expect(back).toEqual(model);
    if (isUnsupported(back)) throw new Error('unexpected');
    expect(toJsonSchema(back)).toEqual(compiled);
  });

  it('reads a hand-written form: enum with enumNames, no ui:order, a widget and annotations it keeps verbatim', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      title: '问题反馈',
      required: ['kind'],
      properties: {
        kind: {
          type: 'string',
          title: '问题类型',
          enum: ['error', 'missing'],
          enumNames: ['数据错误', '数据遗漏'],
        },
        urgent: { type: 'boolean', title: '紧急', default: false },
        systemName: { type: 'string', title: '信息系统' },
        email: { type: 'string', title: '邮箱', format: 'email', 'x-error-message': '请填写正确的邮箱' },
      },
      allOf: [
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
        { if: { properties: { urgent: { const: true } } }, then: { required: ['email', 'systemName'] } },
      ],
    };
    const ui = {
      systemName: { 'ui:widget': 'informationSystem', 'ui:placeholder': '选择' },
      'ui:submitButtonOptions': { norender: true },
    };
    const model = fromJsonSchema(schema, ui);
    if (isUnsupported(model)) throw new Error(JSON.stringify(model.unsupported));
    expect(model.fields.map((f) => [f.name, f.kind])).toEqual([
      ['kind', 'select'],
      ['urgent', 'checkbox'],
      ['systemName', 'text'],
      ['email', 'text'],
    ]);
    expect(model.fields[0].options).toEqual([
      { value: 'error', label: '数据错误' },
      { value: 'missing', label: '数据遗漏' },
    ]);
    expect(model.fields[3].requiredWhen).toEqual({ field: 'urgent', equals: true });
    expect(model.fields[2].requiredWhen).toEqual({ field: 'urgent', equals: true });
    // and the annotations come out again where they were
    const out = toJsonSchema(model);
    expect((out.schema.properties as any).email).toEqual({
      title: '邮箱',
      type: 'string',
      format: 'email',
      'x-error-message': '请填写正确的邮箱',
    });
    expect((out.schema.properties as any).urgent.default).toBe(false);
    expect(out.schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(out.uiSchema.systemName).toEqual({ 'ui:widget': 'informationSystem', 'ui:placeholder': '选择' });
    expect(out.uiSchema['ui:submitButtonOptions']).toEqual({ norender: true });
  });

  it('reads the hyphenated picker widget names too', () => {
    const model = fromJsonSchema(
      {
        type: 'object',
        properties: { u: { type: 'string', title: '单位' }, e: { type: 'string', title: '目录' } },
      },
      { u: { 'ui:widget': 'unit-picker' }, e: { 'ui:widget': 'catalog-entry-picker' } },
    );
    expect(isUnsupported(model) ? model : model.fields.map((f) => f.kind)).toEqual(['unit', 'catalogEntry']);
  });

  it('keeps a field it cannot express verbatim as a custom field, saying why', () => {
    // given a field with anyOf and an array of strings without a known ui:field
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', title: '期限', anyOf: [{ const: 'long-term' }, { format: 'date' }] },
        b: { type: 'array', items: { type: 'string' } },
        c: { type: 'string', title: 'C' },
      },
    };
    const ui = { a: { 'ui:field': 'constOrValue' } };
    // when read
    const model = fromJsonSchema(schema, ui);
    if (isUnsupported(model)) throw new Error(JSON.stringify(model.unsupported));
    // then both are custom fields with their reasons, and the JSON comes back unchanged
    expect(model.fields.map((f) => f.kind)).toEqual(['custom', 'custom', 'text']);
    expect(model.fields[0].unsupported?.map((u) => u.path)).toContain('/properties/a');
    expect(model.fields[1].unsupported?.[0].message).toMatch(/设计器/);
    const out = toJsonSchema(model);
    expect(out.schema.properties).toEqual(schema.properties);
    expect(out.uiSchema.a).toEqual(ui.a);
    // and a title edited in the designer is written into the kept JSON
    model.fields[0].title = '共享期限';
    expect((toJsonSchema(model).schema.properties as any).a).toEqual({
      ...schema.properties.a,
      title: '共享期限',
    });
  });

  it('refuses the whole form when a condition has a shape it cannot express, naming the place', () => {
    // given an else branch, and a uiSchema entry with no field
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, c: { type: 'string' } },
      allOf: [
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
        { if: { properties: { c: { const: 'x' } } }, then: { required: ['a'] }, else: { required: ['c'] } },
      ],
    };
    const r = fromJsonSchema(schema, { ghost: { 'ui:widget': 'textarea' } });
    // then each is reported with its path, in Chinese and English
    if (!isUnsupported(r)) throw new Error('expected unsupported');
    expect(r.unsupported.map((u) => u.path).sort()).toEqual(['/allOf/0', '/ui/ghost']);
    expect(r.unsupported[0].message).toMatch(/设计器/);
    expect(r.unsupported[0].messageEn).toMatch(/designer/);
  });

  it('reads "required when Y is one of" with a non-empty refinement, and writes the same back', () => {
    const schema = {
      type: 'object',
      properties: {
        decision: {
          type: 'string',
          title: '结论',
          oneOf: [
            { const: 'pass', title: '通过' },
            { const: 'return', title: '退回' },
          ],
        },
        comment: { type: 'string', title: '意见' },
      },
      allOf: [
        {
          if: { properties: { decision: { enum: ['return', 'reject'] } }, required: ['decision'] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
          then: { required: ['comment'], properties: { comment: { minLength: 1 } } },
        },
      ],
    };
    const model = fromJsonSchema(schema, {});
    if (isUnsupported(model)) throw new Error(JSON.stringify(model.unsupported));
    expect(model.fields[1].requiredWhen).toEqual({
      field: 'decision',
      equals: ['return', 'reject'],
      nonEmpty: true,
    });
    expect(toJsonSchema(model).schema.allOf).toEqual(schema.allOf);
  });

  it('refuses a schema whose top level is not an object', () => {
    expect(fromJsonSchema({ type: 'string' }, {})).toEqual({
      unsupported: [expect.objectContaining({ path: '/schema' })],
    });
  });
});
