/**
 * @module ui/pages/modeler/diff/compare: what changed between two versions of a diagram (bpmn-js-differ), as lists a
 * person can read: elements added, removed, changed (which attributes) and only moved.
 */
import { diff } from 'bpmn-js-differ';

export interface DiffEntry {
  id: string;
  type: string;
  name?: string;
  /** For changed elements: the attribute paths that differ, e.g. `name`, `extensionElements.values[0].candidateGroups`. */
  attrs?: string[];
}
export interface DiagramDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
  moved: DiffEntry[];
}

const entry = (id: string, el: any, attrs?: string[]): DiffEntry => ({
  id,
  type: String(el?.$type ?? '').replace(/^bpmn:/, ''),
  name: el?.name || undefined,
  ...(attrs ? { attrs } : {}),
});

/** Labels and diagram interchange are not model elements a person diffs; the DI shows up as "moved". */
const isModel = (el: any) =>
  el && !String(el.$type ?? '').startsWith('bpmndi:') && el.$type !== 'bpmn:Definitions';

/** Compares parsed definitions: `before` is the deployed version, `after` what is on the canvas. */
export function compareDefinitions(before: unknown, after: unknown): DiagramDiff {
  const d = diff(before, after);
  const pick = (m: Record<string, any>) =>
    Object.entries(m)
      .filter(([, el]) => isModel(el))
      .map(([id, el]) => entry(id, el));
  const changed = Object.entries(d._changed)
    .filter(([, c]) => isModel(c.model))
    .map(([id, c]) => entry(id, c.model, Object.keys(c.attrs)));
  const touched = new Set([...Object.keys(d._added), ...Object.keys(d._changed)]);
  return {
    added: pick(d._added),
    removed: pick(d._removed),
    changed,
    moved: pick(d._layoutChanged).filter((e) => !touched.has(e.id)),
  };
}

export const isEmptyDiff = (d: DiagramDiff) =>
  !d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;
