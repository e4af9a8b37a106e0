/** @module ui/designer/edit-fields: immutable edits of a field list (move, remove, rename keeping conditions pointing right). */
import type { DesignerField } from './model';

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
  return { list: replaceField(renameField(list, name, to), to, next), name: to };
}
