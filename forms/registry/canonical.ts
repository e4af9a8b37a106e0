/**
 * @module Canonical content of a form: a stable checksum (jsonb reorders object keys, so the checksum sorts them)
 * and the field order made explicit as `ui:order` (jsonb would otherwise lose the author's property order).
 */
import { createHash } from 'node:crypto';
import type { JsonSchema, UiSchema } from '../types';

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function formChecksum(content: { title: string; schema: JsonSchema; uiSchema: UiSchema }): string {
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

/**
 * rjsf refuses to render when `ui:order` names a property that does not exist or (without `*`) misses one:
 * drop the strays and append the missing, keeping the author's order otherwise.
 */
function repairedOrder(order: unknown[], names: string[]): unknown[] {
  const kept = order.filter((n) => n === '*' || (typeof n === 'string' && names.includes(n)));
  if (kept.includes('*')) return kept;
  return [...kept, ...names.filter((n) => !kept.includes(n))];
}

/**
 * The uiSchema with `ui:order` filled in wherever an object's properties have none, from the order the author
 * wrote them. An explicit `ui:order` is kept, repaired when it names absent fields or misses some.
 */
export function withFieldOrder(schema: JsonSchema, uiSchema: UiSchema | undefined, depth = 0): UiSchema {
  const ui: UiSchema = { ...(uiSchema ?? {}) };
  if (!schema || typeof schema !== 'object' || depth > 30) return ui;
  const props = schema.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    const names = Object.keys(props);
    const order = ui['ui:order'];
    if (Array.isArray(order)) ui['ui:order'] = repairedOrder(order, names);
    else if (names.length > 1) ui['ui:order'] = names;
    for (const name of names) {
      const sub = props[name];
      if (sub && typeof sub === 'object' && (sub.properties || sub.items)) {
        const child = withFieldOrder(sub, ui[name], depth + 1);
        if (Object.keys(child).length > 0) ui[name] = child;
      }
    }
  }
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items) && (items.properties || items.items)) {
    const child = withFieldOrder(items, ui.items, depth + 1);
    if (Object.keys(child).length > 0) ui.items = child;
  }
  return ui;
}
