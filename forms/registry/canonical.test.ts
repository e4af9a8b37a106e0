/** @module Tests of the canonical form content: stable checksums and the field order kept as ui:order. */
import { describe, expect, it } from 'vitest';
import { formChecksum, stableStringify, withFieldOrder } from './canonical';

describe('canonical form content', () => {
  it('gives the same checksum whatever the key order, and another for other content', () => {
    const a = formChecksum({
      title: 't',
      schema: { type: 'object', properties: { x: {}, y: {} } },
      uiSchema: {},
    });
    const b = formChecksum({
      uiSchema: {},
      schema: { properties: { x: {}, y: {} }, type: 'object' },
      title: 't',
    });
    expect(a).toBe(b);
    expect(
      formChecksum({ title: 't', schema: { type: 'object', properties: { y: {}, x: {} } }, uiSchema: {} }),
    ).toBe(a);
    expect(formChecksum({ title: 'u', schema: { type: 'object' }, uiSchema: {} })).not.toBe(a);
    expect(stableStringify({ b: [2, { d: 1, c: undefined }], a: null })).toBe('{"a":null,"b":[2,{"d":1}]}');
  });

  it('writes the property order into ui:order at every level, keeping other ui settings', () => {
    const schema = {
      type: 'object',
      properties: {
        z: { type: 'string' },
        a: { type: 'array', items: { type: 'object', properties: { n: {}, m: {} } } },
        o: { type: 'object', properties: { q: {}, p: {} } },
      },
    };
    expect(withFieldOrder(schema, { z: { 'ui:widget': 'textarea' } })).toEqual({
      'ui:order': ['z', 'a', 'o'],
      z: { 'ui:widget': 'textarea' },
      a: { items: { 'ui:order': ['n', 'm'] } },
      o: { 'ui:order': ['q', 'p'] },
    });
  });

  it('repairs an explicit ui:order that rjsf would refuse, and keeps a wildcard one', () => {
    const schema = { type: 'object', properties: { a: {}, b: {}, c: {} } };
    expect(withFieldOrder(schema, { 'ui:order': ['c', 'gone', 'a'] })['ui:order']).toEqual(['c', 'a', 'b']);
    expect(withFieldOrder(schema, { 'ui:order': ['c', '*'] })['ui:order']).toEqual(['c', '*']);
  });
});
