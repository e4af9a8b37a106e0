/** @module The OpenAPI → TypeScript conversion on the shapes our zod schemas produce. */
import { describe, expect, it } from 'vitest';
import { apiTypesSource, typeOf } from './openapi-to-ts';

describe('typeOf', () => {
  it('given nullable, enum, array and record schemas, when converted, then each is its TypeScript type', () => {
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeOf({ type: 'string', enum: ['open', 'done'] })).toBe('"open" | "done"');
    expect(typeOf({ type: 'array', items: { type: ['number', 'null'] } })).toBe('(number | null)[]');
    expect(typeOf({ type: 'object', additionalProperties: {} })).toBe('Record<string, unknown>');
    expect(typeOf({ type: 'object', additionalProperties: { type: 'integer' } })).toBe('Record<string, number>');
    expect(typeOf({ $ref: '#/components/schemas/Task' })).toBe('Schemas["Task"]');
    expect(typeOf({})).toBe('unknown');
    expect(typeOf({ const: 'x' })).toBe('"x"');
  });

  it('given an object with optional and passthrough fields, when converted, then optional ones carry ? and others are allowed', () => {
    const t = typeOf({
      type: 'object',
      properties: { id: { type: 'string' }, 'due-at': { type: 'string' } },
      required: ['id'],
      additionalProperties: {},
    });
    expect(t).toBe('{\n  id: string;\n  "due-at"?: string;\n  [key: string]: unknown;\n}');
  });

  it('given allOf and anyOf, when converted, then they become an intersection and a union', () => {
    expect(typeOf({ allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { b: { type: 'number' } }, required: ['b'] }] })).toBe(
      'Schemas["A"] & {\n  b: number;\n}',
    );
    expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBe('string | number');
  });
});

describe('apiTypesSource', () => {
  it('given a document, when converted, then operations list path, query, body and responses by status', () => {
    const src = apiTypesSource({
      openapi: '3.1.0',
      components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
      paths: {
        '/api/things/{id}': {
          post: {
            summary: 'a thing',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'dry', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
            ],
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '204': { description: 'nothing' },
            },
          },
        },
      },
    });
    expect(src).toContain('  Thing: {\n    id: string;\n  };');
    expect(src).toContain('      path: { id: string };');
    expect(src).toContain('        dry?: "true" | "false";');
    expect(src).toContain('      body: Schemas["Thing"];');
    expect(src).toContain('        200: Schemas["Thing"];\n        204: never;');
  });
});
