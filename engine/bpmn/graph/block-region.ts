/**
 * @module The region between a split and its join, and the flows that cross its boundary.
 * The region's inner nodes are those reachable from the split without passing the join (or the split again)
 * that can still reach the join the same way. A flow from the split or an inner node to anything else leaves the
 * block; a flow into an inner node or the join from anything but the split or an inner node enters it.
 */
import type { ValidationIssue } from '../../contract';
import type { Analysis } from './analysis';
import { isExit } from './indexed-graph';
import { branchEndsWithoutJoin, flowEntersBlock, flowLeavesBlock } from './issues';

export function checkBlockRegion({ g }: Analysis, split: number, join: number): ValidationIssue[] {
  const forward = new Uint8Array(g.nodes.length);
  const stack = g.succ[split]!.filter((v) => v !== join && v !== split);
  for (const v of stack) forward[v] = 1;
  while (stack.length > 0) {
    for (const w of g.succ[stack.pop()!]!) {
      if (w === join || w === split || forward[w]) continue;
      forward[w] = 1;
      stack.push(w);
    }
  }
  const inner = new Uint8Array(g.nodes.length);
  const innerList: number[] = [];
  const back: number[] = [];
  const addInner = (u: number) => {
    if (!forward[u] || inner[u]) return;
    inner[u] = 1;
    innerList.push(u);
    back.push(u);
  };
  for (const u of g.pred[join]!) addInner(u);
  while (back.length > 0) for (const u of g.pred[back.pop()!]!) addInner(u);
  innerList.sort((a, b) => a - b); // issues in document order

  const issues: ValidationIssue[] = [];
  const [S, J] = [g.nodes[split]!, g.nodes[join]!];
  const endReported = new Set<number>();
  const reportEnd = (end: number) => {
    if (!endReported.has(end)) issues.push(branchEndsWithoutJoin(g.nodes[end]!, S, J));
    endReported.add(end);
  };
  for (const u of [split, ...innerList]) {
    g.succ[u]!.forEach((v, k) => {
      if (v === join || inner[v] || (v === split && u === split)) return;
      const flow = g.flows[g.succFlows[u]![k]!]!;
      // An end reached directly, or a whole branch wandering off to one: name the end, where the token is lost.
      const end = v !== split && isExit(g, v) ? v : u === split ? escapedEnd(g, forward, inner, v) : -1;
      if (end >= 0) reportEnd(end);
      else issues.push(flowLeavesBlock(flow, S, J));
    });
  }
  for (const v of [...innerList, join]) {
    g.pred[v]!.forEach((u, k) => {
      if (u === split || inner[u]) return;
      issues.push(flowEntersBlock(g.flows[g.predFlows[v]![k]!]!, S, J));
    });
  }
  return issues;
}

/** The first exit node met walking forward from `from` through nodes that left the block, or -1. */
function escapedEnd(g: Analysis['g'], forward: Uint8Array, inner: Uint8Array, from: number): number {
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (isExit(g, v)) return v;
    for (const w of g.succ[v]!) {
      if (seen.has(w) || !forward[w] || inner[w]) continue;
      seen.add(w);
      queue.push(w);
    }
  }
  return -1;
}
