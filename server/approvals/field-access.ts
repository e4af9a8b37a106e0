/**
 * @module Field access per step (user task header `fieldAccess`, JSON `{"<path>": "read"|"hidden"|"edit"}`):
 * hidden fields are left out of what the task's reader gets (variables, prefilled data, the form's schema), read
 * fields are shown read-only and a submitted change to one is refused (422); on completion both keep the values
 * the instance already has, so a form that requires them still validates and nothing is lost. The instance's other
 * read paths (the instance, its history, the approval record) apply the same headers per reader: reader-fields.ts.
 */
import type { Vars } from '../../engine/contract';
import { AppError } from '../../platform/errors';

export type Access = 'read' | 'hidden' | 'edit';
export type FieldAccess = Record<string, Access>;

const ACCESS = new Set<Access>(['read', 'hidden', 'edit']);

/** The header parsed; a malformed header grants nothing special (every field editable), as if absent. */
export function parseFieldAccess(header: string | undefined): FieldAccess {
  if (!header?.trim()) return {};
  try {
    const parsed = JSON.parse(header) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        ([k, v]) => k.trim() && ACCESS.has(v as Access),
      ),
    ) as FieldAccess;
  } catch {
    return {};
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const segments = (path: string) => path.split('.').filter(Boolean);

function getPath(obj: unknown, path: string[]): { found: boolean; value?: unknown } {
  let cur = obj;
  for (const k of path) {
    if (!isObj(cur) || !(k in cur)) return { found: false };
    cur = cur[k];
  }
  return { found: true, value: cur };
}

function setPath(obj: Obj, path: string[], value: unknown): Obj {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...obj, [head]: value };
  const child = isObj(obj[head]) ? (obj[head] as Obj) : {};
  return { ...obj, [head]: setPath(child, rest, value) };
}

function dropPath(obj: Obj, path: string[]): Obj {
  const [head, ...rest] = path;
  if (!(head in obj)) return obj;
  if (rest.length === 0) {
    const { [head]: _gone, ...kept } = obj;
    return kept;
  }
  return isObj(obj[head]) ? { ...obj, [head]: dropPath(obj[head] as Obj, rest) } : obj;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const pathsWith = (access: FieldAccess, kind: Access) =>
  Object.entries(access)
    .filter(([, a]) => a === kind)
    .map(([p]) => p);

/** Data without its hidden fields (variables, prefilled form data). */
export function withoutHidden<T extends Obj>(data: T, access: FieldAccess): T {
  return pathsWith(access, 'hidden').reduce<Obj>((d, p) => dropPath(d, segments(p)), data) as T;
}

/** The form as this step shows it: hidden fields gone from the schema, read fields marked read-only. */
export function formForStep(schema: Obj, uiSchema: Obj, access: FieldAccess): { schema: Obj; uiSchema: Obj } {
  let s = schema;
  let ui = uiSchema;
  for (const p of pathsWith(access, 'hidden')) {
    s = dropSchemaField(s, segments(p));
    ui = dropUiField(ui, segments(p));
  }
  for (const p of pathsWith(access, 'read')) ui = setPath(ui, [...segments(p), 'ui:readonly'], true);
  return { schema: s, uiSchema: ui };
}

/** rjsf refuses a `ui:order` naming a field the schema no longer has: the hidden one goes from there too. */
function dropUiField(ui: Obj, path: string[]): Obj {
  const [head, ...rest] = path;
  if (rest.length > 0) return isObj(ui[head]) ? { ...ui, [head]: dropUiField(ui[head] as Obj, rest) } : ui;
  const { [head]: _gone, ...kept } = ui;
  const order = kept['ui:order'];
  return Array.isArray(order) ? { ...kept, 'ui:order': order.filter((k) => k !== head) } : kept;
}

function dropSchemaField(schema: Obj, path: string[]): Obj {
  const [head, ...rest] = path;
  const props = isObj(schema.properties) ? (schema.properties as Obj) : undefined;
  if (!props || !(head in props)) return schema;
  if (rest.length > 0) {
    return isObj(props[head])
      ? { ...schema, properties: { ...props, [head]: dropSchemaField(props[head] as Obj, rest) } }
      : schema;
  }
  const { [head]: _gone, ...kept } = props;
  const required = Array.isArray(schema.required)
    ? (schema.required as string[]).filter((r) => r !== head)
    : undefined;
  return { ...schema, properties: kept, ...(required ? { required } : {}) };
}

/**
 * What a completion may write: a change to a read or hidden field → 422 naming it; otherwise the submission with
 * the instance's current values put back at those paths.
 */
export function checkSubmission(submitted: Vars, current: Vars, access: FieldAccess): Vars {
  const locked = Object.entries(access).filter(([, a]) => a !== 'edit');
  const changed = locked.filter(([p]) => {
    const got = getPath(submitted, segments(p));
    return got.found && !same(got.value, getPath(current, segments(p)).value);
  });
  if (changed.length > 0) {
    throw new AppError('VALIDATION_FAILED', `本环节不能修改以下字段：${changed.map(([p]) => p).join('、')}`, {
      messageEn: `This step may not change: ${changed.map(([p]) => p).join(', ')}`,
      details: changed.map(([p, a]) => ({
        path: p,
        message: a === 'read' ? '该字段在本环节只读' : '该字段在本环节不可见',
      })),
    });
  }
  let out: Obj = submitted;
  for (const [p] of locked) {
    const cur = getPath(current, segments(p));
    if (cur.found) out = setPath(out, segments(p), cur.value);
  }
  return out as Vars;
}
