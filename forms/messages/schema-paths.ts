/**
 * @module Data path → the schemas that govern it and a readable title path (`数据项 第1行 名称`). A field may be
 * described in several places (its property, an if/then branch, allOf parts, a local $ref), so the walk keeps
 * every candidate and takes the first title it finds.
 */
import type { JsonSchema, Lang, UiSchema } from '../types';

/** "/dataItems/0/name" → ["dataItems", "0", "name"] (JSON pointer unescaping included). */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: any = root;
  for (const seg of pointerSegments(ref.slice(1))) node = node?.[seg];
  return node && typeof node === 'object' ? node : undefined;
}

/** The schema itself plus everything that applies alongside it at the same data location. */
function expand(root: JsonSchema, schema: JsonSchema, out: JsonSchema[], depth = 0): void {
  if (!schema || typeof schema !== 'object' || depth > 20 || out.includes(schema)) return;
  out.push(schema);
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target) expand(root, target, out, depth + 1);
  }
  for (const key of ['then', 'else']) if (schema[key]) expand(root, schema[key], out, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[key])) for (const s of schema[key]) expand(root, s, out, depth + 1);
  }
}

function childSchemas(root: JsonSchema, schemas: JsonSchema[], seg: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  const isIndex = /^\d+$/.test(seg);
  for (const s of schemas) {
    if (isIndex && s.items) {
      const item = Array.isArray(s.items) ? s.items[Number(seg)] : s.items;
      if (item) expand(root, item, out);
    }
    if (s.properties?.[seg]) expand(root, s.properties[seg], out);
  }
  return out;
}

/** Every schema that applies at a data path (empty when the path is outside the schema). */
export function schemasAt(root: JsonSchema, segments: string[]): JsonSchema[] {
  let current: JsonSchema[] = [];
  expand(root, root, current);
  for (const seg of segments) current = childSchemas(root, current, seg);
  return current;
}

function uiAt(uiSchema: UiSchema | undefined, segments: string[]): UiSchema | undefined {
  let ui = uiSchema;
  for (const seg of segments) ui = /^\d+$/.test(seg) ? ui?.items : ui?.[seg];
  return ui && typeof ui === 'object' ? ui : undefined;
}

/** One segment's human name: uiSchema ui:title (ui:titleEn in English), then the schema's title, then the key. */
function segmentTitle(
  root: JsonSchema,
  uiSchema: UiSchema | undefined,
  segments: string[],
  lang: Lang,
): string {
  const seg = segments[segments.length - 1];
  if (/^\d+$/.test(seg)) {
    const n = Number(seg) + 1;
    const rowLike = schemasAt(root, segments).some((s) => s.type === 'object' || s.properties);
    if (lang === 'en') return rowLike ? `row ${n}` : `item ${n}`;
    return rowLike ? `第${n}行` : `第${n}项`;
  }
  const ui = uiAt(uiSchema, segments);
  const uiTitle = lang === 'en' ? (ui?.['ui:titleEn'] ?? ui?.['ui:title']) : ui?.['ui:title'];
  if (typeof uiTitle === 'string' && uiTitle) return uiTitle;
  const titled = schemasAt(root, segments).find((s) => typeof s.title === 'string' && s.title);
  return titled?.title ?? seg;
}

/** "数据项 第1行 名称" (zh) / "Data items › row 1 › Name" (en); the form's own title for the root. */
export function titlePath(
  root: JsonSchema,
  uiSchema: UiSchema | undefined,
  segments: string[],
  lang: Lang,
): string {
  if (segments.length === 0) return lang === 'en' ? 'The form' : '表单';
  const parts = segments.map((_, i) => segmentTitle(root, uiSchema, segments.slice(0, i + 1), lang));
  return parts.join(lang === 'en' ? ' › ' : ' ');
}

/** Labels of a choice field's options: oneOf/anyOf `const` + `title`, or enum with ui:enumNames / enumNames. */
export function optionLabels(schema: JsonSchema, ui?: UiSchema): string[] | undefined {
  const branches = schema.oneOf ?? schema.anyOf;
  if (
    Array.isArray(branches) &&
    branches.length > 0 &&
    branches.every((b) => b && typeof b === 'object' && 'title' in b)
  ) {
    return branches.map((b: JsonSchema) => String(b.title ?? b.const));
  }
  if (Array.isArray(schema.enum)) {
    const names = ui?.['ui:enumNames'] ?? schema.enumNames;
    return schema.enum.map((v: unknown, i: number) =>
      String(Array.isArray(names) && names[i] ? names[i] : v),
    );
  }
  // A lone `const` lists no options: its `title` is the field's name, not an option's.
  return undefined;
}

export { uiAt };
