/**
 * @module ui/pages/modeler/panels/field-access: the `fieldAccess` task header (docs/api.md, approval operations): a JSON
 * object `{"<field path>": "read"|"hidden"|"edit"}` that the server enforces on the task. Pure: the field list of a
 * form's JSON schema, and the header read and written so that a field left editable is not written at all.
 */

export type Access = 'edit' | 'read' | 'hidden';
export const ACCESS_VALUES: readonly Access[] = ['edit', 'read', 'hidden'];
export const FIELD_ACCESS_HEADER = 'fieldAccess';

export interface FormField {
  /** Dot path from the form's root, e.g. `entry.name`. */
  path: string;
  title: string;
  /** Nesting depth (0 for top-level fields), for indentation. */
  depth: number;
}

type Schema = { type?: unknown; title?: unknown; properties?: Record<string, Schema> };

/** The fields of a form, in the schema's order; an object's own fields follow it (its access covers them too). */
export function formFields(schema: unknown, prefix = '', depth = 0): FormField[] {
  const props = (schema as Schema | null)?.properties;
  if (!props || typeof props !== 'object') return [];
  const out: FormField[] = [];
  for (const [key, sub] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({ path, title: typeof sub?.title === 'string' && sub.title ? sub.title : key, depth });
    if (sub?.type === 'object') out.push(...formFields(sub, path, depth + 1));
  }
  return out;
}

/** The header's value → a map; a value that is not such JSON reads as empty (the panel says so, see `isValid`). */
export function parseFieldAccess(value: string | undefined): Record<string, Access> {
  if (!value?.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Record<string, Access> = {};
    for (const [k, v] of Object.entries(parsed))
      if (ACCESS_VALUES.includes(v as Access)) out[k] = v as Access;
    return out;
  } catch {
    return {};
  }
}

/** Whether a header value is a well-formed field-access map (or absent). */
export function isValid(value: string | undefined): boolean {
  if (!value?.trim()) return true;
  try {
    const parsed: unknown = JSON.parse(value);
    return (
      !!parsed &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((v) => ACCESS_VALUES.includes(v as Access))
    );
  } catch {
    return false;
  }
}

/** One field set to one access; `edit` is the default and is left out. Empty map → undefined (no header). */
export function setAccess(map: Record<string, Access>, path: string, access: Access): string | undefined {
  const next = { ...map };
  if (access === 'edit') delete next[path];
  else next[path] = access;
  return Object.keys(next).length ? JSON.stringify(next) : undefined;
}

/**
 * The access a field has: its own entry, else its nearest parent object's (a hidden group hides its fields), else
 * `edit`. `inherited` says it came from a parent.
 */
export function accessOf(map: Record<string, Access>, path: string): { access: Access; inherited: boolean } {
  if (map[path]) return { access: map[path], inherited: false };
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = map[parts.slice(0, i).join('.')];
    if (parent) return { access: parent, inherited: true };
  }
  return { access: 'edit', inherited: false };
}
