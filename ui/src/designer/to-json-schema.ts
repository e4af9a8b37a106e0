/**
 * @module ui/designer/to-json-schema: the designer model compiled to `{schema, uiSchema}` for the renderer and the server.
 *
 * Conditions. required-when compiles to `allOf: [{if: {properties: {Y: {const: v}}, required: [Y]}, then: {required: [X]}}]`.
 * visible-when puts X's property *only* in the `then` branch: `{if: ..., then: {properties: {X: {...}}}}`. rjsf resolves
 * `allOf` + `if/then` against the live form data (retrieveSchema), so X appears exactly when Y = v, and the server's ajv
 * validates X only then; a ui: hint could not be conditional, and a hidden-but-present field would still be validated.
 * Because rjsf appends properties merged from `then` after the base ones, `ui:order` is always written to keep the order.
 */
import type { Condition, DesignerField, DesignerModel } from './model';
import { ATTACHMENTS_FIELD, CATALOG_ENTRY_WIDGET, TABLE_FIELD, UNIT_WIDGET } from './widgets';

type Json = Record<string, unknown>;

export interface CompiledForm {
  schema: Json;
  uiSchema: Json;
}

const defined = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function conditionIf(c: Condition): Json {
  const test = Array.isArray(c.equals) ? { enum: c.equals } : { const: c.equals };
  return { properties: { [c.field]: test }, required: [c.field] };
}

/** `{if, then}` for a condition. */
export function ifThen(c: Condition, then: Json): Json {
  return { if: conditionIf(c), then };
}

/** One field's own schema and uiSchema (without its required flag, which lives in the parent). */
export function fieldToSchema(f: DesignerField): CompiledForm {
  const base: Json = { title: f.title || f.name, description: f.description || undefined };
  const text = { minLength: f.minLength, maxLength: f.maxLength, pattern: f.pattern || undefined };
  const bounds = { minimum: f.min, maximum: f.max };
  let schema: Json;
  let ui: Json = {};
  switch (f.kind) {
    case 'text':
      schema = { ...base, type: 'string', ...text, 'x-unique': f.unique ? 'catalog' : undefined };
      break;
    case 'textarea':
      schema = { ...base, type: 'string', ...text };
      ui = { 'ui:widget': 'textarea' };
      break;
    case 'number':
    case 'integer':
      schema = { ...base, type: f.kind, ...bounds };
      break;
    case 'date':
      schema = {
        ...base,
        type: 'string',
        format: 'date',
        'x-not-before-today': f.notBeforeToday || undefined,
      };
      break;
    case 'select':
      schema = {
        ...base,
        type: 'string',
        oneOf: (f.options ?? []).map((o) => ({ const: o.value, title: o.label || o.value })),
      };
      break;
    case 'checkbox':
      schema = { ...base, type: 'boolean' };
      break;
    case 'unit':
      schema = { ...base, type: 'string', 'x-unit': true };
      ui = { 'ui:widget': UNIT_WIDGET };
      break;
    case 'catalogEntry':
      schema = { ...base, type: 'string', 'x-catalog-entry': true };
      ui = { 'ui:widget': CATALOG_ENTRY_WIDGET };
      break;
    case 'attachments':
      schema = { ...base, type: 'array', items: { type: 'string' }, 'x-attachment': true };
      ui = { 'ui:field': ATTACHMENTS_FIELD };
      break;
    case 'table': {
      const rows = compileObject(f.columns ?? []);
      schema = { ...base, type: 'array', items: { type: 'object', ...f.rowExtra, ...rows.schema } };
      ui = { 'ui:field': TABLE_FIELD, items: rows.uiSchema };
      break;
    }
    case 'custom': {
      // Verbatim, except what the properties pane may change: title and description.
      const raw = f.raw ?? { schema: {}, uiSchema: {} };
      schema = { ...raw.schema };
      if (f.title !== (raw.schema.title ?? f.name)) schema.title = f.title;
      if (f.description) schema.description = f.description;
      else delete schema.description;
      return { schema, uiSchema: { ...raw.uiSchema } };
    }
    case 'section': {
      const inner = compileObject(f.fields ?? []);
      schema = { ...base, type: 'object', ...inner.schema };
      ui = inner.uiSchema;
      break;
    }
  }
  return { schema: defined({ ...schema, ...f.schemaExtra }), uiSchema: { ...ui, ...f.uiExtra } };
}

/** The properties, required list, conditions and ui of one object level (the form, a section or a table row). */
export function compileObject(fields: DesignerField[]): CompiledForm {
  const properties: Json = {};
  const required: string[] = [];
  const allOf: Json[] = [];
  const ui: Json = {};
  for (const f of fields) {
    const compiled = fieldToSchema(f);
    if (Object.keys(compiled.uiSchema).length) ui[f.name] = compiled.uiSchema;
    if (f.visibleWhen) {
      const then: Json = { properties: { [f.name]: compiled.schema } };
      if (f.required) then.required = [f.name];
      allOf.push(ifThen(f.visibleWhen, then));
    } else {
      properties[f.name] = compiled.schema;
      if (f.required) required.push(f.name);
    }
    if (f.requiredWhen) {
      const then: Json = { required: [f.name] };
      if (f.requiredWhen.nonEmpty) then.properties = { [f.name]: { minLength: 1 } };
      allOf.push(ifThen({ field: f.requiredWhen.field, equals: f.requiredWhen.equals }, then));
    }
  }
  const schema: Json = { properties };
  if (required.length) schema.required = required;
  if (allOf.length) schema.allOf = allOf;
  if (fields.length) ui['ui:order'] = fields.map((f) => f.name);
  return { schema, uiSchema: ui };
}

export function toJsonSchema(model: DesignerModel): CompiledForm {
  const inner = compileObject(model.fields);
  const schema = defined({
    title: model.title || undefined,
    description: model.description || undefined,
    type: 'object',
    ...inner.schema,
    ...model.schemaExtra,
  });
  return { schema, uiSchema: { ...inner.uiSchema, ...model.uiExtra } };
}
