/** @module Tests of toJsonSchema: the condition shapes, and that rjsf, ajv and the server's definition check all accept the output. */
import { retrieveSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../../../forms/definition';
import { catalogLikeModel } from './fixtures';
import { toJsonSchema } from './to-json-schema';

describe('toJsonSchema', () => {
  it('compiles required-when to allOf if/then with the condition field required in the if', () => {
    // given the catalog-like model, where 共享条件 is required when 共享属性 = 有条件共享
    const { schema } = toJsonSchema(catalogLikeModel());
    // then the allOf holds exactly the documented shape
    expect(schema.allOf).toContainEqual({
      if: { properties: { sharing: { const: '有条件共享' } }, required: ['sharing'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { required: ['sharingCondition'] },
    });
    // and the field itself stays a plain, always-present property, not required outright
    expect((schema.properties as any).sharingCondition).toEqual({ title: '共享条件', type: 'string' });
    expect(schema.required).toEqual(['resourceName', 'unitId', 'sharing']);
  });

  it('defines a visible-when field only inside its then branch, and keeps its place through ui:order', () => {
    const { schema, uiSchema } = toJsonSchema(catalogLikeModel());
    expect((schema.properties as any).legalBasis).toBeUndefined();
    expect(schema.allOf).toContainEqual({
      if: { properties: { sharing: { const: '不予共享' } }, required: ['sharing'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { properties: { legalBasis: { title: '法律依据', type: 'string' } }, required: ['legalBasis'] },
    });
    expect((uiSchema['ui:order'] as string[]).indexOf('legalBasis')).toBe(5);
    expect(uiSchema.legalBasis).toEqual({ 'ui:widget': 'textarea' });
  });

  it('writes the pickers, attachments, table and section the way the renderer and server know them', () => {
    const { schema, uiSchema } = toJsonSchema(catalogLikeModel());
    const p = schema.properties as any;
    expect(p.unitId).toEqual({ title: '提供单位', type: 'string', 'x-unit': true });
    expect(uiSchema.unitId).toEqual({ 'ui:widget': 'unit' });
    expect(uiSchema.related).toEqual({ 'ui:widget': 'catalogEntry' });
    expect(p.files).toEqual({
      title: '附件',
      type: 'array',
      items: { type: 'string' },
      'x-attachment': true,
    });
    expect(p.sharing.oneOf[1]).toEqual({ const: '有条件共享', title: '有条件共享' });
    expect(p.publishedOn.format).toBe('date');
    expect(p.items.items.required).toEqual(['name']);
    expect(uiSchema.items).toEqual({
      'ui:field': 'table',
      items: { 'ui:order': ['name', 'type', 'length'] },
    });
    expect(p.contact).toMatchObject({ type: 'object', title: '联系人', required: ['person'] });
  });

  it('is accepted by the server definition check', () => {
    const { schema, uiSchema } = toJsonSchema(catalogLikeModel());
    expect(checkFormDefinition({ key: 'catalog-like', title: '目录编制', schema, uiSchema })).toEqual({
      ok: true,
    });
  });

  it('makes ajv require 共享条件 only when 共享属性 = 有条件共享', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(toJsonSchema(catalogLikeModel()).schema);
    const base = { resourceName: '人口信息', unitId: 'u1' };
    // when conditional sharing is chosen without a condition, then the missing property is 共享条件
    expect(validate({ ...base, sharing: '有条件共享' })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ missingProperty: 'sharingCondition' });
    // when the condition is given, or sharing is unconditional, then the data is valid
    expect(validate({ ...base, sharing: '有条件共享', sharingCondition: '仅用于审批' })).toBe(true);
    expect(validate({ ...base, sharing: '无条件共享' })).toBe(true);
    // and 不予共享 needs the (then-only) 法律依据
    expect(validate({ ...base, sharing: '不予共享' })).toBe(false);
    expect(validate({ ...base, sharing: '不予共享', legalBasis: '《数据安全法》' })).toBe(true);
  });

  it('lets rjsf show the visible-when field exactly when its condition holds', () => {
    const { schema } = toJsonSchema(catalogLikeModel());
    const shown = (data: object) =>
      Object.keys(retrieveSchema(validator, schema as any, schema as any, data).properties ?? {});
    expect(shown({ sharing: '无条件共享' })).not.toContain('legalBasis');
    expect(shown({})).not.toContain('legalBasis');
    expect(shown({ sharing: '不予共享' })).toContain('legalBasis');
    // and rjsf marks 共享条件 required (the asterisk) only under 有条件共享
    expect(
      retrieveSchema(validator, schema as any, schema as any, { sharing: '有条件共享' }).required,
    ).toContain('sharingCondition');
    expect(
      retrieveSchema(validator, schema as any, schema as any, { sharing: '无条件共享' }).required ?? [],
    ).not.toContain('sharingCondition');
  });
});

describe('the 日期不早于今天 switch', () => {
  it('given a date field with the switch on, when compiled and read back, then x-not-before-today round-trips and the server knows it', async () => {
    const { fromJsonSchema, isUnsupported } = await import('./from-json-schema');
    const model = {
      fields: [{ name: 'sharePeriod', kind: 'date' as const, title: '共享期限', notBeforeToday: true }],
    };
    const { schema, uiSchema } = toJsonSchema(model);
    expect((schema as { properties: Record<string, unknown> }).properties.sharePeriod).toMatchObject({
      format: 'date',
      'x-not-before-today': true,
    });
    const back = fromJsonSchema(schema, uiSchema);
    expect(isUnsupported(back) ? back : back.fields[0]).toMatchObject({ notBeforeToday: true });
    expect(checkFormDefinition({ key: 'share', title: '共享', schema, uiSchema })).toEqual({ ok: true });
    const off = toJsonSchema({ fields: [{ ...model.fields[0], notBeforeToday: undefined }] });
    expect(JSON.stringify(off.schema)).not.toContain('x-not-before-today');
  });
});
