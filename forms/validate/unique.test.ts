/** @module The 唯一性 rule (x-unique: "catalog"): a value another entry holds is refused naming the field; one's own entry is left out. */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../definition';
import type { RefChecks } from '../types';
import { validateFormData } from './validate-form-data';

const form = {
  key: 'unique-check',
  version: 1,
  title: '唯一性',
  schema: {
    type: 'object',
    properties: {
      entryId: { type: 'string', title: '目录条目', 'x-catalog-entry': true },
      resourceName: { type: 'string', title: '信息资源名称', 'x-unique': 'catalog' },
      note: { type: 'string', title: '备注' },
      changes: {
        type: 'object',
        title: '变更后的内容',
        properties: { resourceName: { type: 'string', title: '信息资源名称', 'x-unique': 'catalog' } },
      },
      rows: {
        type: 'array',
        title: '数据项',
        items: {
          type: 'object',
          properties: { name: { type: 'string', title: '名称', 'x-unique': 'catalog' } },
        },
      },
    },
  },
  uiSchema: { resourceName: { 'ui:titleEn': 'Resource name' } },
};

/** A catalog of one entry, e-1, named 常住人口信息; records what was asked. */
function catalogOfOne() {
  const asked: [string, string, string[]][] = [];
  const refs: RefChecks = {
    catalogEntryVisible: async () => true,
    valueTakenInCatalog: async (field, value, except) => {
      asked.push([field, value, except]);
      return field === 'resourceName' && value === '常住人口信息' && !except.includes('e-1');
    },
  };
  return { refs, asked };
}

describe('x-unique: "catalog"', () => {
  it('given a name another entry holds, when validated, then it is refused naming the field in Chinese and English', async () => {
    const { refs } = catalogOfOne();
    const zh = await validateFormData(form, { resourceName: ' 常住人口信息 ' }, { refs });
    expect(zh).toEqual({
      ok: false,
      details: [
        {
          path: '/resourceName',
          field: '信息资源名称',
          message: '「信息资源名称」“常住人口信息”已被其他目录条目使用，须在资源目录中唯一',
          messageEn:
            'Resource name "常住人口信息" is already used by another catalog entry; it must be unique in the catalog',
        },
      ],
    });
  });

  it('given a name nobody holds, when validated, then it passes and the lookup was asked with the property name', async () => {
    const { refs, asked } = catalogOfOne();
    expect(await validateFormData(form, { resourceName: '居民电子健康档案', note: 'x' }, { refs })).toEqual({
      ok: true,
    });
    expect(asked).toEqual([['resourceName', '居民电子健康档案', []]]);
  });

  it('given a change of entry e-1 keeping its own name, when validated, then e-1 is left out and it passes', async () => {
    const { refs, asked } = catalogOfOne();
    const data = { entryId: 'e-1', changes: { resourceName: '常住人口信息' } };
    expect(await validateFormData(form, data, { refs })).toEqual({ ok: true });
    expect(asked).toEqual([['resourceName', '常住人口信息', ['e-1']]]);
    // and the same name in a change of another entry is refused on its own path
    const other = await validateFormData(form, { ...data, entryId: 'e-2' }, { refs });
    expect(other.ok ? [] : other.details.map((d) => d.path)).toEqual(['/changes/resourceName']);
  });

  it('given empty values, table cells or no lookup injected, when validated, then nothing is asked', async () => {
    const { refs, asked } = catalogOfOne();
    const data = { resourceName: '  ', rows: [{ name: '常住人口信息' }] };
    expect(await validateFormData(form, data, { refs })).toEqual({ ok: true });
    expect(asked).toEqual([]);
    expect(await validateFormData(form, { resourceName: '常住人口信息' })).toEqual({ ok: true });
  });

  it('given the keyword, when a definition is checked, then "catalog" is known and another scope is refused', () => {
    expect(checkFormDefinition(form)).toEqual({ ok: true });
    const bad = {
      ...form,
      schema: { type: 'object', properties: { a: { type: 'string', 'x-unique': 'county' } } },
    };
    expect(checkFormDefinition(bad)).toEqual({
      ok: false,
      issues: [
        {
          path: '/schema/properties/a/x-unique',
          message: '唯一性（x-unique）只能是 "catalog"（在资源目录中唯一），不能是 "county"',
          messageEn: 'x-unique can only be "catalog" (unique in the resource catalog), not "county"',
        },
      ],
    });
  });
});
