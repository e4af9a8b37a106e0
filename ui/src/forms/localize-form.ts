/**
 * @module ui/forms/localize-form: a form in English where its author gave English (#17: English mode kept the catalog's
 * labels in Chinese). Forms are authored in Chinese; beside a field's uiSchema an author may add `ui:titleEn`,
 * `ui:descriptionEn`, `ui:placeholderEn`, `ui:helpEn` and `ui:optionsEn` ({value: English label} for its choices).
 * In English mode these replace the Chinese in both the uiSchema and the schema (titles, descriptions, choice titles),
 * so the form, the read-only views and the diffs all say the same. Chinese mode returns both unchanged. Pure.
 */
import type { JsonSchema } from './schema-paths';

const UI_KEYS: [string, string][] = [
  ['ui:titleEn', 'ui:title'],
  ['ui:descriptionEn', 'ui:description'],
  ['ui:placeholderEn', 'ui:placeholder'],
  ['ui:helpEn', 'ui:help'],
];

function localizeUi(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = localizeUi(v);
  for (const [en, key] of UI_KEYS) if (typeof out[en] === 'string') out[key] = out[en];
  return out;
}

function localizeSchema(schema: unknown, ui: JsonSchema | undefined): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const s = { ...(schema as JsonSchema) };
  if (typeof ui?.['ui:titleEn'] === 'string') s.title = ui['ui:titleEn'];
  if (typeof ui?.['ui:descriptionEn'] === 'string') s.description = ui['ui:descriptionEn'];
  const labels = ui?.['ui:optionsEn'] as Record<string, string> | undefined;
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(s[key])) continue;
    s[key] = s[key].map((branch: JsonSchema) => {
      if (!branch || typeof branch !== 'object') return branch;
      const label = 'const' in branch ? labels?.[String(branch.const)] : labels?.[`:${branch.format ?? ''}`];
      return label ? { ...branch, title: label } : branch;
    });
  }
  if (s.properties && typeof s.properties === 'object') {
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, unknown>).map(([k, v]) => [
        k,
        localizeSchema(v, ui?.[k] as JsonSchema | undefined),
      ]),
    );
  }
  if (s.items && typeof s.items === 'object' && !Array.isArray(s.items))
    s.items = localizeSchema(s.items, ui?.items as JsonSchema | undefined);
  // Conditional branches (if/then/else, allOf) restate properties: keep them in step.
  for (const key of ['then', 'else'] as const) if (s[key]) s[key] = localizeSchema(s[key], ui);
  if (Array.isArray(s.allOf)) s.allOf = s.allOf.map((b: unknown) => localizeSchema(b, ui));
  return s;
}

export function localizeForm(
  schema: JsonSchema | undefined,
  uiSchema: JsonSchema | undefined,
  lang: 'zh' | 'en',
): { schema: JsonSchema | undefined; uiSchema: JsonSchema | undefined } {
  if (lang === 'zh') return { schema, uiSchema };
  return {
    schema: localizeSchema(schema, uiSchema) as JsonSchema | undefined,
    uiSchema: localizeUi(uiSchema) as JsonSchema | undefined,
  };
}
