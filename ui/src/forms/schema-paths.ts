/**
 * @module ui/forms/schema-paths: find a field's sub-schema and option labels by data path, for diffs and widgets. A
 * field's readable name (`数据项 第1行 名称`) is forms/messages' `titlePath`, the one the server's messages use.
 */

export type JsonSchema = Record<string, any>;

/** Splits ".a.b[0]", "/a/b/0", "a.b.0" or "['a-b'].c" into segments. */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[['"]?([^\]'"]+)['"]?\]/g, '.$1')
    .split(/[./]/)
    .filter((s) => s !== '' && s !== '#');
}

/** The sub-schema at a data path, walking properties, items and the branches of if/then/else, allOf, oneOf, anyOf. */
export function schemaAt(schema: JsonSchema | undefined, segments: string[]): JsonSchema | undefined {
  let current = schema;
  for (const seg of segments) {
    if (!current) return undefined;
    current = childSchema(current, seg);
  }
  return current;
}

function childSchema(schema: JsonSchema, seg: string): JsonSchema | undefined {
  if (/^\d+$/.test(seg) && schema.items) return Array.isArray(schema.items) ? schema.items[Number(seg)] : schema.items;
  if (schema.properties?.[seg]) return schema.properties[seg];
  for (const key of ['then', 'else']) {
    const found = schema[key] && childSchema(schema[key], seg);
    if (found) return found;
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const branch of schema[key] ?? []) {
      const found = childSchema(branch, seg);
      if (found) return found;
    }
  }
  if (schema.dependencies) {
    for (const dep of Object.values(schema.dependencies)) {
      const found = dep && typeof dep === 'object' && !Array.isArray(dep) ? childSchema(dep as JsonSchema, seg) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The label for a stored value: oneOf/anyOf `const` + `title`, or enum + uiSchema ui:enumNames. */
export function labelFor(schema: JsonSchema | undefined, ui: JsonSchema | undefined, value: unknown): string | undefined {
  if (!schema) return undefined;
  for (const opt of schema.oneOf ?? schema.anyOf ?? []) {
    if (opt && 'const' in opt && opt.const === value) return opt.title ?? String(value);
  }
  const enumNames = (ui?.['ui:enumNames'] ?? schema.enumNames) as string[] | undefined;
  if (Array.isArray(schema.enum) && enumNames) {
    const i = schema.enum.indexOf(value);
    if (i >= 0) return enumNames[i];
  }
  const itemSchema = schema.items;
  if (Array.isArray(value) && itemSchema && !Array.isArray(itemSchema)) {
    const labels = value.map((v) => (typeof v === 'object' ? undefined : labelFor(itemSchema, ui?.items, v)));
    if (labels.every((l) => l !== undefined)) return labels.join('、');
  }
  return undefined;
}

/** Options of a choice field as {value, label}, or undefined if the field is free input. */
export function optionsOf(schema: JsonSchema | undefined, ui?: JsonSchema): { value: any; label: string }[] | undefined {
  if (!schema) return undefined;
  const branches = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.every((b: JsonSchema) => b && 'const' in b)) {
    return branches.map((b: JsonSchema) => ({ value: b.const, label: b.title ?? String(b.const) }));
  }
  if (Array.isArray(schema.enum)) {
    const names = (ui?.['ui:enumNames'] ?? schema.enumNames) as string[] | undefined;
    return schema.enum.map((v: any, i: number) => ({ value: v, label: names?.[i] ?? String(v) }));
  }
  return undefined;
}

/**
 * A schema's property names in display order: uiSchema `ui:order` first (the server stores schemas as jsonb,
 * which does not keep key order), then the rest as given.
 */
export function orderedKeys(schema: JsonSchema | undefined, uiSchema?: JsonSchema): string[] {
  const keys = Object.keys(schema?.properties ?? {});
  const order = ((uiSchema?.['ui:order'] as string[] | undefined) ?? []).filter((k) => k !== '*' && keys.includes(k));
  return [...order, ...keys.filter((k) => !order.includes(k))];
}
