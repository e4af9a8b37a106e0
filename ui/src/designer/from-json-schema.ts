/**
 * @module ui/designer/from-json-schema: reads `{schema, uiSchema}` back into the designer model, or says which
 * constructs the designer cannot express (so the UI sends the user to the JSON tab instead of dropping them).
 * Harmless annotations (default, placeholder, help, error messages...) are kept verbatim in `schemaExtra`/`uiExtra`.
 */
import type { Condition, DesignerField, DesignerModel, FieldKind, FieldOption } from './model';
import { ATTACHMENTS_FIELD, CATALOG_ENTRY_WIDGET_ALIASES, TABLE_FIELD, UNIT_WIDGET_ALIASES } from './widgets';

type Json = Record<string, any>;

export interface Unsupported {
  path: string;
  message: string;
  messageEn: string;
}

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
];
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
    const visible = new Map<string, { schema: Json; when: Condition; required: boolean }>();
    const requiredWhen = new Map<string, Condition>();
    (Array.isArray(schema.allOf) ? schema.allOf : []).forEach((entry: unknown, i: number) => {
      const at = `${path}/allOf/${i}`;
      const when = isObj(entry) ? readCondition(entry.if) : undefined;
      const then = isObj(entry) ? entry.then : undefined;
      const shapeOk =
        isObj(entry) && when && isObj(then) && Object.keys(entry).every((k) => k === 'if' || k === 'then');
      const thenKeys = isObj(then) ? Object.keys(then) : [];
      if (!shapeOk || thenKeys.some((k) => k !== 'properties' && k !== 'required')) {
        this.add(
          at,
          '设计器只支持“当 Y 等于某值时显示/必填 X”形式的条件',
          'The designer only supports conditions of the form "show / require X when Y equals a value"',
        );
        return;
      }
      const thenProps = isObj(then.properties) ? Object.keys(then.properties) : [];
      const thenReq: string[] = Array.isArray(then.required) ? then.required : [];
      if (
        thenProps.length === 1 &&
        thenReq.every((r) => r === thenProps[0]) &&
        !props[thenProps[0]] &&
        !visible.has(thenProps[0])
      ) {
        visible.set(thenProps[0], {
          schema: then.properties[thenProps[0]],
          when,
          required: thenReq.length > 0,
        });
      } else if (thenProps.length === 0 && thenReq.length > 0 && thenReq.every((r) => !requiredWhen.has(r))) {
        for (const r of thenReq) requiredWhen.set(r, when);
      } else {
        this.add(
          at,
          '设计器只支持每个条件显示一个字段，且字段不能重复定义',
          'The designer supports one field per visibility condition, defined once',
        );
      }
    });
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

  field(name: string, s: unknown, ui: Json, path: string): DesignerField | undefined {
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
    if (kind === 'number' || kind === 'integer') {
      take('min', 'minimum');
      take('max', 'maximum');
    }
    if (kind === 'date') handled.push('format');
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
    if (kind === 'attachments') handled.push('items', 'x-attachment');
    if (kind === 'table') {
      handled.push('items');
      const items = s.items as Json;
      f.columns = this.object(items, isObj(ui.items) ? ui.items : {}, `${path}/items`, [
        'type',
        'properties',
        'required',
        'allOf',
      ]);
    }
    if (kind === 'section') {
      handled.push('properties', 'required', 'allOf');
      f.fields = this.object(s, ui, path, Object.keys(s));
    }
    const schemaExtra: Json = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'format' && (kind === 'text' || kind === 'textarea') && v !== undefined) schemaExtra[k] = v;
      else if (SCHEMA_EXTRAS.includes(k)) schemaExtra[k] = v;
      else if (!handled.includes(k)) this.keyword(path, k);
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

function readCondition(cond: unknown): Condition | undefined {
  if (!isObj(cond) || !isObj(cond.properties)) return undefined;
  const keys = Object.keys(cond.properties);
  if (keys.length !== 1 || Object.keys(cond).some((k) => k !== 'properties' && k !== 'required'))
    return undefined;
  const test = cond.properties[keys[0]];
  if (
    !isObj(test) ||
    Object.keys(test).length !== 1 ||
    !['string', 'number', 'boolean'].includes(typeof test.const)
  )
    return undefined;
  return { field: keys[0], equals: test.const };
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
