/**
 * @module OpenAPI 3.1 (as @hono/zod-openapi writes it from our zod schemas) → TypeScript source. Covers what those
 * schemas produce: objects (properties, required, additionalProperties), arrays, the JSON types and type lists
 * (`["string", "null"]`), enum, const, anyOf/oneOf (union), allOf (intersection) and local `$ref`s. Anything else
 * becomes `unknown`, never `any`, so a shape the generator does not know is loud in the UI's type check.
 */

export interface JsonSchema {
  [k: string]: any;
}

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  components?: { schemas?: Record<string, JsonSchema> };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
const literal = (v: unknown) => JSON.stringify(v);
const pad = (depth: number) => '  '.repeat(depth);

/** Named schemas live only in `Schemas` (no top-level `Error` or `Notification` shadowing the DOM's). */
function refName(ref: string): string {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  return m ? `Schemas[${JSON.stringify(m[1])}]` : 'unknown';
}

/** Parenthesises a union or intersection used where a tighter-binding type is needed (`(A | B)[]`). */
const group = (t: string) => (/[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t);

function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length ? unique.join(' | ') : 'never';
}

/** One schema as a TypeScript type expression; `depth` indents object members. */
export function typeOf(schema: JsonSchema | boolean | undefined, depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
  if (Array.isArray(schema.allOf)) return schema.allOf.map((s: JsonSchema) => group(typeOf(s, depth))).join(' & ');
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    const t = union(branches.map((s: JsonSchema) => typeOf(s, depth)));
    return schema.nullable ? union([t, 'null']) : t;
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectType(schema, depth) : 'unknown';
  const out = types.map((t) => {
    switch (t) {
      case 'string':
        return 'string';
      case 'number':
      case 'integer':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return Array.isArray(schema.prefixItems)
          ? `[${schema.prefixItems.map((s: JsonSchema) => typeOf(s, depth)).join(', ')}]`
          : `${group(typeOf(schema.items, depth))}[]`;
      case 'object':
        return objectType(schema, depth);
      default:
        return 'unknown';
    }
  });
  return union(schema.nullable ? [...out, 'null'] : out);
}

function objectType(schema: JsonSchema, depth: number): string {
  const required = new Set<string>(schema.required ?? []);
  const props = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const extra = schema.additionalProperties;
  const lines = props.map(([k, s]) => {
    const doc = typeof s.description === 'string' ? `${pad(depth + 1)}/** ${s.description.replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}${pad(depth + 1)}${key(k)}${required.has(k) ? '' : '?'}: ${typeOf(s, depth + 1)};`;
  });
  const open = extra !== undefined && extra !== false;
  // A record: no properties, every key of one schema (`{}`: anything).
  if (props.length === 0) return open ? `Record<string, ${typeOf(extra, depth)}>` : 'Record<string, never>';
  // zod's passthrough: `additionalProperties: {}`, other keys allowed beside the named ones.
  if (open) lines.push(`${pad(depth + 1)}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

function jsonSchemaOf(content: Record<string, { schema?: JsonSchema }> | undefined): JsonSchema | undefined {
  return content?.['application/json']?.schema;
}

function operationType(op: Operation, depth: number): string {
  const lines: string[] = [];
  const at = pad(depth + 1);
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const path = (op.parameters ?? []).filter((p) => p.in === 'path');
  if (path.length) {
    lines.push(
      `${at}path: { ${path.map((p) => `${key(p.name)}: ${typeOf(p.schema, depth + 2)}`).join('; ')} };`,
    );
  }
  if (query.length) {
    const members = query.map((p) => `${pad(depth + 2)}${key(p.name)}?: ${typeOf(p.schema, depth + 2)};`);
    lines.push(`${at}query: {\n${members.join('\n')}\n${at}};`);
  }
  const body = jsonSchemaOf(op.requestBody?.content);
  if (body) lines.push(`${at}body: ${typeOf(body, depth + 1)};`);
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const schema = jsonSchemaOf(r.content);
    // A response without JSON (204, a download) has no body the client parses.
    return `${pad(depth + 2)}${/^\d+$/.test(status) ? status : key(status)}: ${schema ? typeOf(schema, depth + 2) : 'never'};`;
  });
  lines.push(`${at}responses: {\n${responses.join('\n')}\n${at}};`);
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

/** The whole generated file. Deterministic: same document, same text. */
export function apiTypesSource(doc: OpenApiDocument): string {
  const out: string[] = [
    '/**',
    ' * @module ui/api/generated: the API types, generated from the server\'s /api/openapi.json by',
    ' * scripts/gen-api-types.ts (`npm run gen:api`). Do not edit: change the route\'s zod schema and regenerate.',
    ' */',
    '/* biome-ignore-all format: generated */',
    '',
    '/** `components.schemas`: the named shapes of the contract. */',
    'export interface Schemas {',
  ];
  const schemas = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) out.push(`  ${key(name)}: ${typeOf(schemas[name], 1)};`);
  out.push('}', '');
  out.push('/** Each operation by path and method: path and query parameters, JSON body, responses by status. */');
  out.push('export interface Paths {');
  for (const path of Object.keys(doc.paths).sort()) {
    const ops = doc.paths[path];
    out.push(`  ${JSON.stringify(path)}: {`);
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      if (op.summary) out.push(`    /** ${op.summary.replace(/\*\//g, '* /')} */`);
      out.push(`    ${method}: ${operationType(op, 2)};`);
    }
    out.push('  };');
  }
  out.push('}', '');
  out.push(
    'export type ApiPath = keyof Paths;',
    '/** The methods a path has. */',
    'export type ApiMethod<P extends ApiPath> = keyof Paths[P] & string;',
    'type Op<P extends ApiPath, M extends ApiMethod<P>> = Paths[P][M];',
    'type ResponsesOf<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { responses: infer R } ? R : never;',
    '/** The JSON body of a response (the 200/201 one unless a status is named). */',
    'export type ApiResponse<',
    '  P extends ApiPath,',
    '  M extends ApiMethod<P>,',
    '  S extends keyof ResponsesOf<P, M> = Extract<keyof ResponsesOf<P, M>, 200 | 201 | 204>,',
    '> = ResponsesOf<P, M>[S];',
    '/** The JSON request body of an operation. */',
    'export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { body: infer B } ? B : never;',
    '/** The query parameters of an operation. */',
    'export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> = Op<P, M> extends { query: infer Q } ? Q : never;',
    '',
  );
  return out.join('\n');
}
