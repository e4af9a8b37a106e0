/** @module Integer-indexed adjacency for a FlowGraph, so the algorithms run on arrays rather than string maps. */
import type { ValidationIssue } from '../../contract';
import { duplicateNode, flowOutsideScope } from './issues';
import type { FlowGraph, FlowNode, SequenceFlow } from './types';

export interface IndexedGraph {
  nodes: FlowNode[];
  /** Flows whose both ends are nodes of the scope; the index in `succFlows`/`predFlows` points here. */
  flows: SequenceFlow[];
  flowSource: number[];
  flowTarget: number[];
  succ: number[][];
  pred: number[][];
  /** Flow indexes parallel to `succ` / `pred`. */
  succFlows: number[][];
  predFlows: number[][];
}

/** Builds the index; a repeated node id or a flow to a node outside the scope becomes an issue and is left out. */
export function indexGraph(graph: FlowGraph): { graph: IndexedGraph; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const indexOf = new Map<string, number>();
  const nodes: FlowNode[] = [];
  for (const node of graph.nodes) {
    if (indexOf.has(node.id)) {
      issues.push(duplicateNode(node.id));
      continue;
    }
    indexOf.set(node.id, nodes.length);
    nodes.push(node);
  }
  const g: IndexedGraph = {
    nodes,
    flows: [],
    flowSource: [],
    flowTarget: [],
    succ: nodes.map(() => []),
    pred: nodes.map(() => []),
    succFlows: nodes.map(() => []),
    predFlows: nodes.map(() => []),
  };
  for (const flow of graph.flows) {
    const from = indexOf.get(flow.sourceRef);
    const to = indexOf.get(flow.targetRef);
    if (from === undefined || to === undefined) {
      issues.push(flowOutsideScope(flow, from === undefined ? flow.sourceRef : flow.targetRef));
      continue;
    }
    const f = g.flows.length;
    g.flows.push(flow);
    g.flowSource.push(from);
    g.flowTarget.push(to);
    g.succ[from]!.push(to);
    g.succFlows[from]!.push(f);
    g.pred[to]!.push(from);
    g.predFlows[to]!.push(f);
  }
  return { graph: g, issues };
}

export const isGatewayKind = (node: FlowNode) =>
  node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway';

/** A parallel or inclusive gateway that fans out: it opens a concurrency block. */
export const isSplit = (g: IndexedGraph, i: number) => isGatewayKind(g.nodes[i]!) && g.succ[i]!.length > 1;

/** A parallel or inclusive gateway that merges: it closes a concurrency block. */
export const isJoin = (g: IndexedGraph, i: number) => isGatewayKind(g.nodes[i]!) && g.pred[i]!.length > 1;

/** Where tokens finish: end events, and any node without outgoing flows (an implicit end). */
export const isExit = (g: IndexedGraph, i: number) => g.nodes[i]!.kind === 'end' || g.succ[i]!.length === 0;

/** Where tokens begin: start events, or (in a scope without any) nodes without incoming flows. */
export function entryNodes(g: IndexedGraph): number[] {
  const starts = g.nodes.flatMap((node, i) => (node.kind === 'start' ? [i] : []));
  return starts.length > 0 ? starts : g.nodes.flatMap((_, i) => (g.pred[i]!.length === 0 ? [i] : []));
}
