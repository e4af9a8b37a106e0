/**
 * @module ui/designer/from-json-schema: reads `{schema, uiSchema}` back into the designer model, or says which
 * constructs the designer cannot express (so the UI sends the user to the JSON tab instead of dropping them).
 * Harmless annotations (default, placeholder, help, error messages...) are kept verbatim in `schemaExtra`/`uiExtra`.
 */
import type { DesignerField, DesignerModel, FieldKind, FieldOption, Unsupported } from './model';
import { readConditions } from './read-conditions';

export type { Unsupported } from './model';
import { ATTACHMENTS_FIELD, CATALOG_ENTRY_WIDGET_ALIASES, TABLE_FIELD, UNIT_WIDGET_ALIASES } from './widgets';

type Json = Record<string, any>;

export type ImportResult = DesignerModel | { unsupported: Unsupported[] };

export const isUnsupported = (r: ImportResult): r is { unsupported: Unsupported[] } => 'unsupported' in r;

/** Field keywords kept as-is: they change nothing the designer edits. */
const SCHEMA_EXTRAS = [
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  '$comment',
  'x-error-message',
  'x-error-message-en',
  'minItems',
  'maxItems',
  'uniqueItems',
  // On kinds whose own properties do not include them (a picker's minLength: 1, a section's additionalProperties).
  'minLength',
  'maxLength',
  'pattern',
  'additionalProperties',
  'minProperties',
  'maxProperties',
];
/** Keywords on a table's row object the designer keeps. */
const ROW_EXTRAS = ['title', 'description', 'additionalProperties'];
const ROOT_EXTRAS = [
  '$schema',
  '$id',
  '$comment',
  'additionalProperties',
  'x-error-message',
  'x-error-message-en',
];
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

class Reader {
  issues: Unsupported[] = [];
  add(path: string, message: string, messageEn: string) {
    this.issues.push({ path, message, messageEn });
  }
  keyword(path: string, key: string) {
    this.add(
      `${path}/${esc(key)}`,
      `设计器不支持关键字“${key}”`,
      `The designer does not support the keyword "${key}"`,
    );
  }

  /** Properties, required and allOf conditions of one object level, in ui:order. */
  object(schema: Json, ui: Json, path: string, handled: string[]): DesignerField[] {
    for (const k of Object.keys(schema)) if (!handled.includes(k)) this.keyword(path, k);
    const props: Json = isObj(schema.properties) ? schema.properties : {};
    const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
    const { visible, requiredWhen, issues } = readConditions(schema.allOf, props, path);
    this.issues.push(...issues);
    const names = [...Object.keys(props), ...visible.keys()];
    const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]).filter((n) => n !== '*') : [];
    const ordered = [...order.filter((n) => names.includes(n)), ...names.filter((n) => !order.includes(n))];
    for (const k of Object.keys(ui)) {
      if (!k.startsWith('ui:') && !names.includes(k))
        this.add(
          `${path}/ui/${esc(k)}`,
          `uiSchema 中的“${k}”没有对应字段`,
          `uiSchema entry "${k}" has no field`,
        );
    }
    const fields: DesignerField[] = [];
    for (const name of ordered) {
      const v = visible.get(name);
      const field = this.field(
        name,
        v ? v.schema : props[name],
        isObj(ui[name]) ? ui[name] : {},
        `${path}/properties/${esc(name)}`,
      );
      if (!field) continue;
      if (v ? v.required : required.has(name)) field.required = true;
      if (v) field.visibleWhen = v.when;
      const rw = requiredWhen.get(name);
      if (rw) field.requiredWhen = rw;
      fields.push(field);
    }
    for (const r of [...required, ...requiredWhen.keys()]) {
      if (!names.includes(r))
        this.add(`${path}/required`, `必填字段“${r}”没有定义`, `Required field "${r}" is not defined`);
    }
    return fields;
  }

  /** A field; one the designer cannot express becomes a `custom` field holding its JSON verbatim. */
  field(name: string, s: unknown, ui: Json, path: string): DesignerField | undefined {
    if (!isObj(s)) return this.strictField(name, s, ui, path);
    const sub = new Reader();
    const f = sub.strictField(name, s, ui, path);
    if (f && sub.issues.length === 0) return f;
    const custom: DesignerField = {
      name,
      kind: 'custom',
      title: typeof s.title === 'string' ? s.title : name,
    };
    if (typeof s.description === 'string') custom.description = s.description;
    custom.raw = { schema: s, uiSchema: ui };
    custom.unsupported = sub.issues;
    return custom;
  }

  strictField(name: string, s: unknown, ui: Json, path: string): DesignerField | undefined {
    if (!isObj(s)) return void this.add(path, `字段“${name}”不是对象`, `Field "${name}" is not an object`);
    const kind = detectKind(s, ui);
    if (!kind)
      return void this.add(
        path,
        `字段“${name}”的类型设计器无法表示`,
        `The designer cannot express the type of field "${name}"`,
      );
    const f: DesignerField = { name, kind, title: typeof s.title === 'string' ? s.title : name };
    if (typeof s.description === 'string') f.description = s.description;
    const handled = ['type', 'title', 'description'];
    const extraFromKind: Json = {};
    const take = (key: 'min' | 'max' | 'minLength' | 'maxLength', from: string) => {
      if (typeof s[from] === 'number') f[key] = s[from];
      handled.push(from);
    };
    if (kind === 'text' || kind === 'textarea') {
      take('minLength', 'minLength');
      take('maxLength', 'maxLength');
      if (typeof s.pattern === 'string') f.pattern = s.pattern;
      handled.push('pattern', 'format'); // a non-date format (email...) stays as an extra below
    }
    if (kind === 'text' && s['x-unique'] === 'catalog') {
      f.unique = true;
      handled.push('x-unique');
    }
    if (kind === 'number' || kind === 'integer') {
      take('min', 'minimum');
      take('max', 'maximum');
    }
    if (kind === 'date') {
      if (s['x-not-before-today'] === true) f.notBeforeToday = true;
      handled.push('format', 'x-not-before-today');
    }
    if (kind === 'select') {
      const opts = readOptions(s, ui);
      if (!opts)
        return void this.add(
          path,
          `下拉选项须为文本值（字段“${name}”）`,
          `Select options must be text values (field "${name}")`,
        );
      f.options = opts;
      handled.push('oneOf', 'enum', 'enumNames');
    }
    if (kind === 'unit') handled.push('x-unit');
    if (kind === 'catalogEntry') handled.push('x-catalog-entry');
    if (kind === 'attachments') {
      handled.push('items', 'x-attachment');
      // The designer writes `items: {type: 'string'}` with x-attachment on the array; a form that marks the items
      // instead (or constrains them) keeps its own way: `undefined` in the extras removes the designer's default.
      const items = s.items as Json | undefined;
      const plain = isObj(items) && Object.keys(items).length === 1 && items.type === 'string';
      if (!plain) extraFromKind.items = items;
      if (s['x-attachment'] !== true) extraFromKind['x-attachment'] = undefined;
    }
    if (kind === 'table') {
      handled.push('items');
      const items = s.items as Json;
      f.columns = this.object(items, isObj(ui.items) ? ui.items : {}, `${path}/items`, [
        'type',
        'properties',
        'required',
        'allOf',
        ...ROW_EXTRAS,
      ]);
      const rowExtra = Object.fromEntries(ROW_EXTRAS.filter((k) => k in items).map((k) => [k, items[k]]));
      if (Object.keys(rowExtra).length) f.rowExtra = rowExtra;
    }
    if (kind === 'section') {
      handled.push('properties', 'required', 'allOf');
      f.fields = this.object(s, ui, path, Object.keys(s));
    }
    const schemaExtra: Json = { ...extraFromKind };
    for (const [k, v] of Object.entries(s)) {
      if (k === 'format' && (kind === 'text' || kind === 'textarea')) schemaExtra[k] = v;
      else if (handled.includes(k)) continue;
      else if (SCHEMA_EXTRAS.includes(k)) schemaExtra[k] = v;
      else this.keyword(path, k);
    }
    if (Object.keys(schemaExtra).length) f.schemaExtra = schemaExtra;
    const uiExtra = uiExtras(kind, ui);
    if (Object.keys(uiExtra).length) f.uiExtra = uiExtra;
    return f;
  }
}

function detectKind(s: Json, ui: Json): FieldKind | undefined {
  const widget = ui['ui:widget'];
  const custom = ui['ui:field'];
  if (custom !== undefined && custom !== TABLE_FIELD && custom !== ATTACHMENTS_FIELD) return undefined;
  if (custom === ATTACHMENTS_FIELD && s.type === 'array') return 'attachments';
  if (custom === TABLE_FIELD && s.type === 'array' && isObj(s.items) && s.items.type === 'object')
    return 'table';
  if (s.type === 'object') return 'section';
  if (s.type === 'boolean') return 'checkbox';
  if (s.type === 'number' || s.type === 'integer') return s.type;
  const stringish =
    s.type === 'string' || (s.type === undefined && (Array.isArray(s.oneOf) || Array.isArray(s.enum)));
  if (!stringish) return undefined;
  if (s['x-unit'] === true || UNIT_WIDGET_ALIASES.includes(widget)) return 'unit';
  if (s['x-catalog-entry'] === true || CATALOG_ENTRY_WIDGET_ALIASES.includes(widget)) return 'catalogEntry';
  if (s.format === 'date') return 'date';
  if (Array.isArray(s.oneOf) || Array.isArray(s.enum)) return 'select';
  return widget === 'textarea' ? 'textarea' : 'text';
}

function readOptions(s: Json, ui: Json): FieldOption[] | undefined {
  if (Array.isArray(s.oneOf)) {
    const ok = s.oneOf.every(
      (o: unknown) =>
        isObj(o) &&
        typeof o.const === 'string' &&
        Object.keys(o).every((k) => k === 'const' || k === 'title'),
    );
    return ok ? s.oneOf.map((o: Json) => ({ value: o.const, label: o.title ?? o.const })) : undefined;
  }
  if (!s.enum.every((v: unknown) => typeof v === 'string')) return undefined;
  const names: unknown[] = s.enumNames ?? ui['ui:enumNames'] ?? [];
  return s.enum.map((v: string, i: number) => ({
    value: v,
    label: typeof names[i] === 'string' ? (names[i] as string) : v,
  }));
}

/** ui: keys the kind itself writes are dropped; other ui: keys (placeholder, help, a text's special widget) are kept. */
function uiExtras(kind: FieldKind, ui: Json): Json {
  const own: Record<string, string[]> = {
    textarea: ['ui:widget'],
    unit: ['ui:widget'],
    catalogEntry: ['ui:widget'],
    attachments: ['ui:field'],
    table: ['ui:field', 'items'],
    select: ['ui:enumNames'],
  };
  const out: Json = {};
  for (const [k, v] of Object.entries(ui)) {
    if (!k.startsWith('ui:') || (own[kind] ?? []).includes(k) || (kind === 'section' && k === 'ui:order'))
      continue;
    out[k] = v;
  }
  return out;
}

export function fromJsonSchema(schema: unknown, uiSchema: unknown): ImportResult {
  const r = new Reader();
  if (!isObj(schema) || schema.type !== 'object') {
    return {
      unsupported: [
        {
          path: '/schema',
          message: '表单最外层必须是对象（"type": "object"）',
          messageEn: 'The top level must be "type": "object"',
        },
      ],
    };
  }
  const ui = isObj(uiSchema) ? uiSchema : {};
  const handled = ['type', 'title', 'description', 'properties', 'required', 'allOf', ...ROOT_EXTRAS];
  const fields = r.object(schema, ui, '', handled);
  if (r.issues.length) return { unsupported: r.issues };
  const model: DesignerModel = { fields };
  if (typeof schema.title === 'string') model.title = schema.title;
  if (typeof schema.description === 'string') model.description = schema.description;
  const schemaExtra = Object.fromEntries(ROOT_EXTRAS.filter((k) => k in schema).map((k) => [k, schema[k]]));
  if (Object.keys(schemaExtra).length) model.schemaExtra = schemaExtra;
  const uiExtra = Object.fromEntries(
    Object.entries(ui).filter(([k]) => k.startsWith('ui:') && k !== 'ui:order'),
  );
  if (Object.keys(uiExtra).length) model.uiExtra = uiExtra;
  return model;
}
