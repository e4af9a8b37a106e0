/** @module fieldAccess header: fields of a form, reading, writing, inheritance from a parent object. */
import { describe, expect, it } from 'vitest';
import { accessOf, formFields, isValid, parseFieldAccess, setAccess } from './field-access';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '名称' },
    owner: { type: 'object', title: '负责人', properties: { phone: { type: 'string', title: '电话' } } },
    note: { type: 'string' },
  },
};

describe('field access', () => {
  it('given a form schema, when listed, then fields come in order with nested paths and titles', () => {
    expect(formFields(schema)).toEqual([
      { path: 'name', title: '名称', depth: 0 },
      { path: 'owner', title: '负责人', depth: 0 },
      { path: 'owner.phone', title: '电话', depth: 1 },
      { path: 'note', title: 'note', depth: 0 },
    ]);
    expect(formFields(undefined)).toEqual([]);
  });

  it('given a map, when a field is set to edit, then it is left out, and an empty map removes the header', () => {
    const v = setAccess({}, 'name', 'read');
    expect(v).toBe('{"name":"read"}');
    expect(setAccess(parseFieldAccess(v), 'name', 'edit')).toBeUndefined();
    expect(setAccess({ name: 'read' }, 'note', 'hidden')).toBe('{"name":"read","note":"hidden"}');
  });

  it('given a hidden group, when its field is asked, then it is hidden by inheritance unless set itself', () => {
    expect(accessOf({ owner: 'hidden' }, 'owner.phone')).toEqual({ access: 'hidden', inherited: true });
    expect(accessOf({ owner: 'hidden', 'owner.phone': 'read' }, 'owner.phone')).toEqual({
      access: 'read',
      inherited: false,
    });
    expect(accessOf({}, 'name')).toEqual({ access: 'edit', inherited: false });
  });

  it('given a malformed header, when read, then it is empty and reported invalid', () => {
    for (const bad of ['{', '[]', '{"a":"write"}', '"x"']) {
      expect(isValid(bad)).toBe(false);
    }
    expect(parseFieldAccess('{"a":"write","b":"read"}')).toEqual({ b: 'read' });
    expect(isValid(undefined)).toBe(true);
    expect(isValid('{"a":"hidden"}')).toBe(true);
  });
});
