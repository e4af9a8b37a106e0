/** @module Which keywords a form schema may use (draft-07 + ours), and where subschemas sit, for the unknown-keyword walk. */
import { ANNOTATION_KEYWORDS, REF_KEYWORDS, RULE_KEYWORDS } from '../validate';

const DRAFT7 = [
  '$id',
  '$schema',
  '$ref',
  '$comment',
  'definitions',
  '$defs',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'contentMediaType',
  'contentEncoding',
  'items',
  'additionalItems',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependencies',
  'propertyNames',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'examples',
];

export const KNOWN_KEYWORDS = new Set<string>([
  ...DRAFT7,
  ...Object.keys(REF_KEYWORDS),
  ...ANNOTATION_KEYWORDS,
  ...RULE_KEYWORDS,
]);

/** Keywords whose value is a map of name → subschema. */
export const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'];
/** Keywords whose value is one subschema. */
export const SCHEMA_ONE = [
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'items',
];
/** Keywords whose value is a list of subschemas. */
export const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];

/** Schema objects beneath a schema, with their JSON pointer suffix. */
export function subschemas(schema: Record<string, any>): { path: string; schema: Record<string, any> }[] {
  const out: { path: string; schema: Record<string, any> }[] = [];
  const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  for (const k of SCHEMA_MAPS) {
    if (!isObj(schema[k])) continue;
    for (const [name, sub] of Object.entries(schema[k]))
      if (isObj(sub)) out.push({ path: `/${k}/${esc(name)}`, schema: sub });
  }
  for (const k of SCHEMA_ONE) if (isObj(schema[k])) out.push({ path: `/${k}`, schema: schema[k] });
  for (const k of SCHEMA_LISTS) {
    if (!Array.isArray(schema[k])) continue;
    schema[k].forEach((sub: unknown, i: number) => {
      if (isObj(sub)) out.push({ path: `/${k}/${i}`, schema: sub });
    });
  }
  return out;
}
