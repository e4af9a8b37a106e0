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
  /** For flows: what they connect, by name (or kind), so an unnamed `Flow_13t2qym` reads as 单位审核 → 审核结论. */
  from?: string;
  to?: string;
}
export interface DiagramDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
  moved: DiffEntry[];
}

const ref = (el: any) => (el ? el.name || String(el.$type ?? '').replace(/^bpmn:/, '') : undefined);

const entry = (id: string, el: any, attrs?: string[]): DiffEntry => ({
  id,
  type: String(el?.$type ?? '').replace(/^bpmn:/, ''),
  name: el?.name || undefined,
  ...(attrs ? { attrs } : {}),
  ...(el?.$type === 'bpmn:SequenceFlow' ? { from: ref(el.sourceRef), to: ref(el.targetRef) } : {}),
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
  const old = indexById(before);
  const changed = Object.entries(d._changed)
    .filter(([, c]) => isModel(c.model))
    .map(([id, c]) => {
      const attrs = Object.keys(c.attrs);
      // the differ reports a changed extension (candidate groups, a header) with no attribute: name it ourselves
      return entry(id, c.model, attrs.length ? attrs : extensionChanges(old.get(id), c.model));
    });
  const touched = new Set([...Object.keys(d._added), ...Object.keys(d._changed)]);
  return {
    added: pick(d._added),
    removed: pick(d._removed),
    changed,
    moved: pick(d._layoutChanged).filter((e) => !touched.has(e.id)),
  };
}

/** Flow elements by id, through processes, pools and subprocesses. */
function indexById(defs: any): Map<string, any> {
  const out = new Map<string, any>();
  const walk = (el: any) => {
    if (!el || typeof el !== 'object') return;
    if (el.id) out.set(el.id, el);
    for (const child of [...(el.rootElements ?? []), ...(el.flowElements ?? [])]) walk(child);
  };
  walk(defs);
  return out;
}

/** The extension's own attributes, without moddle's back references, as comparable text. */
function plain(v: any): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = { $type: v.$type };
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = plain(x);
  return out;
}

/** `zeebe:AssignmentDefinition.candidateGroups`-style paths of what differs in the extension elements (and loop). */
function extensionChanges(before: any, after: any): string[] {
  const byType = (el: any) => {
    const m = new Map<string, any>();
    for (const v of el?.extensionElements?.values ?? []) m.set(v.$type, v);
    return m;
  };
  const a = byType(before);
  const b = byType(after);
  const out: string[] = [];
  for (const type of new Set([...a.keys(), ...b.keys()])) {
    const x = (plain(a.get(type)) ?? {}) as Record<string, unknown>;
    const y = (plain(b.get(type)) ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
      if (k !== '$type' && JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(`${type}.${k}`);
  }
  if (
    JSON.stringify(plain(before?.loopCharacteristics)) !== JSON.stringify(plain(after?.loopCharacteristics))
  )
    out.push('loopCharacteristics');
  return out;
}

export const isEmptyDiff = (d: DiagramDiff) =>
  !d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;

/** Nothing a person would call a change: only moves (which the summary and the canvas no longer show). */
export const hasNoRealChange = (d: DiagramDiff) => !d.added.length && !d.removed.length && !d.changed.length;
