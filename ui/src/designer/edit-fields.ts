/** @module ui/designer/edit-fields: immutable edits of a field list (move, remove, rename keeping conditions pointing right). */
import type { Condition, DesignerField, FieldOption } from './model';

/** Moves the field at `from` to `to` (indexes in the same list). */
export function moveField<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return list;
  const next = [...list];
  const [f] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, f);
  return next;
}

/** Removes a field; siblings' conditions on it are dropped (they would point at nothing). */
export function removeField(list: DesignerField[], name: string): DesignerField[] {
  return list
    .filter((f) => f.name !== name)
    .map((f) => {
      if (f.visibleWhen?.field !== name && f.requiredWhen?.field !== name) return f;
      const next = { ...f };
      if (next.visibleWhen?.field === name) delete next.visibleWhen;
      if (next.requiredWhen?.field === name) delete next.requiredWhen;
      return next;
    });
}

/** Renames a field and every sibling condition that names it. */
export function renameField(list: DesignerField[], from: string, to: string): DesignerField[] {
  const rename = <C extends { field: string }>(c: C | undefined) =>
    c && c.field === from ? { ...c, field: to } : c;
  return list.map((f) => {
    const next = { ...f, visibleWhen: rename(f.visibleWhen), requiredWhen: rename(f.requiredWhen) };
    if (f.name === from) next.name = to;
    if (!next.visibleWhen) delete next.visibleWhen;
    if (!next.requiredWhen) delete next.requiredWhen;
    return next;
  });
}

/** Replaces the field named `name` with `next`. */
export function replaceField(list: DesignerField[], name: string, next: DesignerField): DesignerField[] {
  return list.map((f) => (f.name === name ? next : f));
}

/**
 * A property edit of the field named `name`. When the title changes and `keyFor` is given (the key still follows
 * the title: generated, not typed, not published), the key is spelt anew from the title among its siblings, and
 * conditions naming it follow. `undefined` values remove a property. Returns the list and the field's name after.
 */
export function patchField(
  list: DesignerField[],
  name: string,
  patch: Partial<DesignerField>,
  keyFor?: (title: string, siblings: DesignerField[]) => string,
): { list: DesignerField[]; name: string } {
  const field = list.find((f) => f.name === name);
  if (!field) return { list, name };
  const to =
    patch.title !== undefined && keyFor
      ? keyFor(
          patch.title,
          list.filter((f) => f !== field),
        )
      : name;
  const next = Object.fromEntries(
    Object.entries({ ...field, ...patch, name: to }).filter(([, v]) => v !== undefined),
  ) as unknown as DesignerField;
  const renamed = replaceField(renameField(list, name, to), to, next);
  return { list: followValues(renamed, to, field.options, patch.options), name: to };
}

/**
 * When a select's choices are edited in place (same count: a value retyped or following its label), siblings'
 * conditions on that field that compared with an old value compare with the new one, instead of silently never
 * matching again. Adding or removing choices renames nothing.
 */
function followValues(
  list: DesignerField[],
  name: string,
  before: FieldOption[] | undefined,
  after: FieldOption[] | undefined,
): DesignerField[] {
  if (!before || !after || before.length !== after.length) return list;
  const renamed = new Map<string, string>();
  before.forEach((o, i) => {
    if (o.value !== after[i].value) renamed.set(o.value, after[i].value);
  });
  if (renamed.size === 0) return list;
  const map = (v: Condition['equals']) =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === 'string' ? (renamed.get(x) ?? x) : x))
      : typeof v === 'string'
        ? (renamed.get(v) ?? v)
        : v;
  const follow = (c: Condition | undefined) => (c && c.field === name ? { ...c, equals: map(c.equals) } : c);
  return list.map((f) => {
    if (f.visibleWhen?.field !== name && f.requiredWhen?.field !== name) return f;
    const next = { ...f, visibleWhen: follow(f.visibleWhen), requiredWhen: follow(f.requiredWhen) };
    if (!next.visibleWhen) delete next.visibleWhen;
    if (!next.requiredWhen) delete next.requiredWhen;
    return next;
  });
}

/**
 * A choice's new label. A value that still follows its label (a new choice, value not typed, not in the saved
 * version) is spelt anew from it by `valueFor`; a published or typed value stays, stored data refers to it.
 */
export function relabelOption(
  options: FieldOption[],
  index: number,
  label: string,
  valueFor?: (label: string, others: string[]) => string,
  published?: Set<string>,
): FieldOption[] {
  return options.map((o, i) => {
    if (i !== index) return o;
    const follows = o.autoValue && valueFor && label.trim() !== '' && !published?.has(o.value);
    if (!follows) return { ...o, label };
    const others = options.filter((_, j) => j !== index).map((x) => x.value);
    return { ...o, label, value: valueFor(label, others) };
  });
}
