/**
 * @module Concurrency must form single-entry, single-exit blocks, or splits whose branches all end at end events. The decision is by dominance: a parallel or
 * inclusive split is closed by its immediate post-dominator, which must be a join of the same kind that the split
 * dominates, with no flow crossing the region between them. Only when that fails do we look for the join the
 * modeller most likely meant, to name the flow or end event that breaks the block instead of just the split.
 */
import type { ValidationIssue } from '../../contract';
import type { Analysis } from './analysis';
import { checkBlockRegion } from './block-region';
import { isJoin, isSplit } from './indexed-graph';
import { joinKindMismatch, notBlockStructured, splitWithoutJoin, unmatchedJoin } from './issues';

export function checkConcurrency(a: Analysis): ValidationIssue[] {
  const { g, postdom, dom, virtual } = a;
  const issues: ValidationIssue[] = [];
  const claimed = new Uint8Array(g.nodes.length);
  const splits = g.nodes.flatMap((_, s) => (isSplit(g, s) ? [s] : []));
  // A nested split whose branches only meet at the enclosing block's join has no join of its own.
  const nestedInto = (s: number, join: number) =>
    splits.some((o) => o !== s && postdom.idom[o] === join && dom.dominates(o, s));
  for (const s of splits) {
    const ipdom = postdom.idom[s]!;
    if (ipdom === -1) continue; // the split cannot reach an end at all: reported as DEAD_END
    const S = g.nodes[s]!;
    if (ipdom !== virtual && isJoin(g, ipdom) && !nestedInto(s, ipdom)) {
      claimed[ipdom] = 1;
      const J = g.nodes[ipdom]!;
      const region = checkBlockRegion(a, s, ipdom);
      if (J.kind !== S.kind) issues.push(joinKindMismatch(S, J));
      issues.push(...region);
      // Entering flows are what normally breaks dominance; this catches anything else (say, a second start).
      if (region.length === 0 && dom.idom[s] !== -1 && !dom.dominates(s, ipdom)) {
        issues.push(notBlockStructured(S, J));
      }
      continue;
    }
    const meant = intendedJoin(a, s);
    // Branches that each end at their own end events (no join anywhere ahead): BPMN's tokens simply end there and
    // the scope completes when the last one has. The compiler runs such a split as a block whose exit is the scope's
    // end (blocks.ts, EXIT), so it is not an error.
    if (ipdom === virtual && meant === -1) continue;
    const region = meant === -1 ? [] : checkBlockRegion(a, s, meant);
    if (meant !== -1) claimed[meant] = 1;
    issues.push(...region);
    if (region.length === 0) issues.push(splitWithoutJoin(S, ipdom === virtual ? null : g.nodes[ipdom]!.id));
  }
  g.nodes.forEach((node, j) => {
    if (isJoin(g, j) && !claimed[j]) issues.push(unmatchedJoin(node));
  });
  return issues;
}

/**
 * The join of the split's kind that the most branches reach, nearest first; -1 when no branch reaches one.
 * Used only to word the error for a split already known not to form a block.
 */
function intendedJoin({ g }: Analysis, split: number): number {
  const kind = g.nodes[split]!.kind;
  const branchesReaching = new Int32Array(g.nodes.length);
  const distance = new Int32Array(g.nodes.length).fill(-1);
  for (const first of new Set(g.succ[split]!)) {
    const seen = new Int32Array(g.nodes.length).fill(-1);
    const queue = [first];
    seen[first] = 1;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      if (v !== split && g.nodes[v]!.kind === kind && isJoin(g, v)) {
        branchesReaching[v]!++;
        if (distance[v] === -1 || seen[v]! < distance[v]!) distance[v] = seen[v]!;
      }
      for (const w of g.succ[v]!) {
        if (w === split || seen[w] !== -1) continue;
        seen[w] = seen[v]! + 1;
        queue.push(w);
      }
    }
  }
  let best = -1;
  for (let j = 0; j < g.nodes.length; j++) {
    if (branchesReaching[j] === 0) continue;
    if (
      best === -1 ||
      branchesReaching[j]! > branchesReaching[best]! ||
      (branchesReaching[j] === branchesReaching[best] && distance[j]! < distance[best]!)
    ) {
      best = j;
    }
  }
  return best;
}
