/**
 * @module ui/forms/annotate-ui: schema annotations the server checks (x-unit, x-catalog-entry, x-attachment) and
 * "a choice or a typed value" strings pick our widgets when the uiSchema names none.
 */
import { isConstOrValue } from './fields/const-or-value-field';
import type { JsonSchema } from './schema-paths';

function pick(schema: JsonSchema): Record<string, string | boolean> | undefined {
  if (schema['x-catalog-entry']) return { 'ui:widget': 'catalogEntry' };
  if (schema['x-unit']) return { 'ui:widget': 'unit' };
  const items = schema.items as JsonSchema | undefined;
  if (schema['x-attachment'] || (schema.type === 'array' && items && !Array.isArray(items) && items['x-attachment'])) {
    return { 'ui:field': 'attachments' };
  }
  if (schema.type === 'string' && isConstOrValue(schema)) return { 'ui:field': 'constOrValue', 'ui:fieldReplacesAnyOrOneOf': true };
  return undefined;
}

/** A copy of uiSchema with widgets filled in from annotations; an author's own ui:widget/ui:field always wins. */
export function annotateUiSchema(schema: JsonSchema | undefined, uiSchema: JsonSchema = {}): JsonSchema {
  if (!schema || typeof schema !== 'object') return uiSchema;
  const out: JsonSchema = { ...uiSchema };
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    if (!child || typeof child !== 'object') continue;
    const ui = (uiSchema[key] ?? {}) as JsonSchema;
    const chosen = ui['ui:widget'] || ui['ui:field'] ? undefined : pick(child);
    const nested = child.properties ? annotateUiSchema(child, ui) : ui;
    const items = child.items as JsonSchema | undefined;
    const withItems =
      items && !Array.isArray(items) && items.properties && !chosen
        ? { ...nested, items: annotateUiSchema(items, (ui.items ?? {}) as JsonSchema) }
        : nested;
    if (chosen || withItems !== ui) out[key] = { ...withItems, ...chosen };
  }
  return out;
}
