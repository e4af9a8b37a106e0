/**
 * @module ui/pages/modeler/deploy/flow-nodes: the steps of a BPMN file (tasks, events, gateways, subprocesses) with
 * their names, read from the XML text so the deploy dialog needs no modeler: it serves the card designer too.
 */

export interface FlowNode {
  id: string;
  name?: string;
  type: string;
}

const NODE =
  /<(?:[\w-]+:)?(\w*(?:Task|Event|Gateway)|task|subProcess|callActivity|transaction|adHocSubProcess)\b([^>]*)>/g;
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#10;/g, ' ')
    .replace(/&amp;/g, '&');

/** Every flow node of every process in the file, in document order. */
export function flowNodes(xml: string): FlowNode[] {
  const out: FlowNode[] = [];
  for (const m of xml.matchAll(NODE)) {
    const id = attr(m[2], 'id');
    if (!id) continue;
    const name = attr(m[2], 'name');
    out.push({ id, type: m[1], ...(name ? { name: unescapeXml(name) } : {}) });
  }
  return out;
}

/** The process id of the first executable process (or the first process) of a BPMN file. */
export function processIdOf(xml: string): string | undefined {
  const procs = [...xml.matchAll(/<(?:[\w-]+:)?process\b([^>]*)>/g)].map((m) => m[1]);
  const exec = procs.find((a) => attr(a, 'isExecutable') === 'true') ?? procs[0];
  return exec ? attr(exec, 'id') : undefined;
}

export interface Mapping {
  source: string;
  target: string;
}

/**
 * The mapping pre-filled by element id: each step where old instances wait goes to the step of the same id in the
 * new version, or to nothing (the administrator picks one) when the new version has no such step.
 */
export function prefillMapping(activeIds: string[], target: FlowNode[]): Mapping[] {
  const ids = new Set(target.map((n) => n.id));
  return [...new Set(activeIds)].map((source) => ({ source, target: ids.has(source) ? source : '' }));
}

/** What the API wants: only the steps that move to a different id (same ids migrate without a mapping). */
export const mappingsToSend = (m: Mapping[]) => m.filter((x) => x.target && x.target !== x.source);

/** Steps with no target yet: their instances would fail to migrate. */
export const unmapped = (m: Mapping[]) => m.filter((x) => !x.target).map((x) => x.source);
