/** @module Tests of the field list edits and name rules. */
import { describe, expect, it } from 'vitest';
import { moveField, removeField, renameField } from './edit-fields';
import { catalogLikeModel } from './fixtures';
import { changeKind, compatibleKinds, type DesignerField, freeName, nameProblem, newField } from './model';

describe('field list edits', () => {
  it('renames a field and the conditions that point at it', () => {
    const fields = renameField(catalogLikeModel().fields, 'sharing', 'sharingKind');
    expect(fields[3].name).toBe('sharingKind');
    expect(fields[4].requiredWhen).toEqual({ field: 'sharingKind', equals: '有条件共享' });
    expect(fields[5].visibleWhen).toEqual({ field: 'sharingKind', equals: '不予共享' });
  });

  it('drops conditions on a removed field rather than leaving them dangling', () => {
    const fields = removeField(catalogLikeModel().fields, 'sharing');
    expect(fields.find((f) => f.name === 'sharing')).toBeUndefined();
    expect(fields.find((f) => f.name === 'sharingCondition')?.requiredWhen).toBeUndefined();
    expect(fields.find((f) => f.name === 'legalBasis')?.visibleWhen).toBeUndefined();
  });

  it('moves a field up, down and to the ends, ignoring moves out of range', () => {
    const names = (l: { name: string }[]) => l.map((f) => f.name).slice(0, 3);
    const fields = catalogLikeModel().fields;
    expect(names(moveField(fields, 1, 0))).toEqual(['unitId', 'resourceName', 'summary']);
    expect(names(moveField(fields, 0, 2))).toEqual(['unitId', 'summary', 'resourceName']);
    expect(moveField(fields, 99, 0)).toBe(fields);
  });

  it('validates names: identifier, unique among siblings', () => {
    const fields = catalogLikeModel().fields;
    expect(nameProblem('', fields)).toBe('empty');
    expect(nameProblem('共享条件', fields)).toBe('pattern');
    expect(nameProblem('2nd', fields)).toBe('pattern');
    expect(nameProblem('sharing', fields)).toBe('duplicate');
    expect(nameProblem('sharing', fields, fields[3])).toBeNull();
    expect(nameProblem('sharing_2', fields)).toBeNull();
  });

  it('gives new fields a free name and something to edit', () => {
    const fields = [{ name: 'field1', kind: 'text' as const, title: 'x' }];
    expect(freeName(fields)).toBe('field2');
    expect(newField('select', fields, '下拉选择').options).toHaveLength(2);
    expect(newField('table', fields, '表格').columns?.[0].kind).toBe('text');
  });
});

describe('changing a field kind', () => {
  it('keeps identity, required and conditions, and drops what only fit the old kind', () => {
    // given a text field with a pattern, a placeholder, an email format and a required-when
    const f: DesignerField = {
      name: 'contact',
      kind: 'text',
      title: '联系方式',
      required: true,
      pattern: '^\\S+$',
      maxLength: 50,
      requiredWhen: { field: 'sharing', equals: '有条件共享' },
      schemaExtra: { format: 'email', default: '' },
      uiExtra: { 'ui:placeholder': '邮箱', 'ui:widget': 'email' },
    };
    // when it becomes a paragraph
    const g = changeKind(f, 'textarea');
    // then
    expect(g).toEqual({
      name: 'contact',
      kind: 'textarea',
      title: '联系方式',
      required: true,
      requiredWhen: { field: 'sharing', equals: '有条件共享' },
      schemaExtra: { default: '' },
      uiExtra: { 'ui:placeholder': '邮箱' },
    });
    expect(changeKind(f, 'select').options).toHaveLength(2);
  });

  it('offers only kinds that store the same type of value', () => {
    expect(compatibleKinds('integer')).toEqual(['number', 'integer']);
    expect(compatibleKinds('date')).toContain('unit');
    expect(compatibleKinds('table')).toEqual(['table']);
  });
});
