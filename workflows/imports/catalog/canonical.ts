/** @module Field equality that ignores object key order (jsonb returns keys in its own order, the workbook in the form's). */
import type { Json } from '../../../engine/contract';

function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, Json>)[k]!)]),
    );
  return value;
}

export const canonicalJson = (value: Record<string, Json>) => JSON.stringify(sorted(value));
