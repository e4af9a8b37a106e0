/** @module Tests of declaredFields: which top-level fields a form lets a start or a completion write. */
import { describe, expect, it } from 'vitest';
import { declaredFields } from './declared-fields';

describe('declaredFields', () => {
  it('given properties, required names and conditional branches, when read, then every top-level field is declared', () => {
    const schema = {
      type: 'object',
      required: ['decision'],
      properties: { decision: { type: 'string' }, comment: { type: 'string' } },
      allOf: [
        {
          if: { properties: { decision: { const: 'return' } } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
          then: { properties: { reason: {} } },
        },
      ],
      oneOf: [{ properties: { a: {} } }, { properties: { b: {} } }],
      dependencies: { a: ['c'], b: { properties: { d: {} } } },
    };
    const out = declaredFields(schema);
    expect(out.any).toBe(false);
    expect(!out.any && out.fields.sort()).toEqual(['a', 'b', 'c', 'comment', 'd', 'decision', 'reason']);
  });

  it('given a designer form that says nothing about extra fields, when read, then only its fields (nested ones are not top-level)', () => {
    const out = declaredFields({
      type: 'object',
      properties: { note: { type: 'object', properties: { x: {} } } },
    });
    expect(out).toEqual({ any: false, fields: ['note'] });
  });

  it('given a form that explicitly accepts more, when read, then any field', () => {
    expect(declaredFields({ type: 'object', additionalProperties: true })).toEqual({ any: true });
    expect(declaredFields({ type: 'object', additionalProperties: { type: 'string' } })).toEqual({
      any: true,
    });
    expect(declaredFields({ type: 'object', patternProperties: { '^x-': {} } })).toEqual({ any: true });
    expect(declaredFields({ type: 'object', additionalProperties: false, properties: { a: {} } })).toEqual({
      any: false,
      fields: ['a'],
    });
  });
});
