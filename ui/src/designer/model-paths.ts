/**
 * @module ui/designer/model-paths: fields addressed by name paths (`['contact', 'phone']`: a section's field or a
 * table's column), and immutable updates of the list a path lives in. Pure, for the component and its tests.
 */
import type { DesignerField, DesignerModel } from './model';

export type FieldPath = string[];

/** A section's fields or a table's columns; undefined for other kinds. */
export function childrenOf(f: DesignerField): DesignerField[] | undefined {
  return f.kind === 'section' ? (f.fields ?? []) : f.kind === 'table' ? (f.columns ?? []) : undefined;
}

function withChildren(f: DesignerField, list: DesignerField[]): DesignerField {
  return f.kind === 'table' ? { ...f, columns: list } : { ...f, fields: list };
}

/** The list of fields at a container path ([] = the form itself). */
export function listAt(model: DesignerModel, container: FieldPath): DesignerField[] | undefined {
  let list: DesignerField[] | undefined = model.fields;
  for (const name of container) {
    const f: DesignerField | undefined = list?.find((x) => x.name === name);
    list = f ? childrenOf(f) : undefined;
  }
  return list;
}

export function fieldAt(model: DesignerModel, path: FieldPath): DesignerField | undefined {
  if (path.length === 0) return undefined;
  return listAt(model, path.slice(0, -1))?.find((f) => f.name === path[path.length - 1]);
}

/** The container field at a path (a section or table), for rules such as "columns take only simple kinds". */
export function containerKind(model: DesignerModel, container: FieldPath): 'form' | 'section' | 'table' {
  return container.length === 0 ? 'form' : (fieldAt(model, container)?.kind as 'section' | 'table');
}

/** Replaces the list at a container path with `update(list)`. */
export function updateListAt(
  model: DesignerModel,
  container: FieldPath,
  update: (list: DesignerField[]) => DesignerField[],
): DesignerModel {
  const walk = (list: DesignerField[], rest: FieldPath): DesignerField[] => {
    if (rest.length === 0) return update(list);
    return list.map((f) =>
      f.name === rest[0] ? withChildren(f, walk(childrenOf(f) ?? [], rest.slice(1))) : f,
    );
  };
  return { ...model, fields: walk(model.fields, container) };
}
