/** @module One scope's control-flow graph (a process or subprocess body) as the compiler and the structural checks see it. */
import type { ModelElement, ProcessModel } from '../types';

export interface ScopeGraph {
  scopeId: string;
  /** Nodes in the main flow of the scope (non-interrupting boundary paths excluded). */
  nodes: string[];
  succ: Map<string, { flow: string; to: string }[]>;
  pred: Map<string, { flow: string; from: string }[]>;
  /** Per non-interrupting boundary event: the nodes of its side path. */
  sidePaths: Map<string, string[]>;
}

export const isNonInterrupting = (el: ModelElement) =>
  el.kind === 'timerBoundaryEvent' ||
  el.kind === 'messageBoundaryEvent' ||
  el.kind === 'signalBoundaryEvent' ||
  el.kind === 'escalationBoundaryEvent'
    ? el.source.cancelActivity === false
    : false;

/**
 * Interrupting boundary events are graph nodes reached from their host (an alternative exit); the paths of
 * non-interrupting ones run as separate side paths and are split off here.
 */
export function buildScopeGraph(model: ProcessModel, scopeId: string): ScopeGraph {
  const scope = model.scopes.get(scopeId);
  if (!scope) throw new Error(`unknown scope ${scopeId}`);
  const succ = new Map<string, { flow: string; to: string }[]>();
  const pred = new Map<string, { flow: string; from: string }[]>();
  // Event subprocesses have no flows: they are triggers of the scope (elements/container/event-sub-process.ts).
  // Compensation handlers and their boundary events are run by a compensation throw, not by the flow.
  const ids = scope.elements.filter((id) => {
    const e = model.elements.get(id);
    return !!e && e.kind !== 'eventSubProcess' && e.kind !== 'compensationBoundaryEvent' && !e.forCompensation;
  });
  for (const id of ids) {
    succ.set(id, []);
    pred.set(id, []);
  }
  const link = (from: string, to: string, flow: string) => {
    if (!succ.has(from) || !succ.has(to)) return;
    succ.get(from)?.push({ flow, to });
    pred.get(to)?.push({ flow, from });
  };
  for (const fid of scope.flows) {
    const f = model.flows.get(fid);
    if (f) link(f.sourceRef, f.targetRef, f.id);
  }
  const sidePaths = new Map<string, string[]>();
  for (const id of ids) {
    const el = model.elements.get(id) as ModelElement;
    if (!el.attachedTo) continue;
    if (isNonInterrupting(el)) sidePaths.set(id, []);
    else link(el.attachedTo, id, `${el.attachedTo}->${id}`);
  }
  // Side path: everything reachable from the boundary event without entering the main flow from its start events.
  const main = reachable(
    ids.filter((id) => (pred.get(id)?.length ?? 0) === 0 && !model.elements.get(id)?.attachedTo),
    succ,
  );
  for (const b of sidePaths.keys()) {
    const nodes = [...reachable([b], succ)].filter((n) => !main.has(n));
    sidePaths.set(b, nodes);
  }
  const side = new Set([...sidePaths.values()].flat());
  return { scopeId, nodes: ids.filter((id) => !side.has(id)), succ, pred, sidePaths };
}

export function reachable(from: string[], succ: Map<string, { to: string }[]>, stop?: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const n = stack.pop() as string;
    if (seen.has(n) || n === stop) continue;
    seen.add(n);
    for (const s of succ.get(n) ?? []) stack.push(s.to);
  }
  return seen;
}
