/**
 * @module The region between a split and its join, and the flows that cross its boundary.
 * The region's inner nodes are those reachable from the split without passing the join (or the split again)
 * that can still reach the join the same way. A flow from the split or an inner node to anything else leaves the
 * block; a flow into an inner node or the join from anything but the split or an inner node enters it.
 * A leaving flow is reported as BRANCH_ENDS_WITHOUT_JOIN on the end it leads to when its path never rejoins the
 * flow after the join (that end is where the token is lost), otherwise as FLOW_LEAVES_BLOCK on the flow itself.
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
  let afterJoin: Uint8Array | undefined; // computed only when some flow leaves the block
  for (const u of [split, ...innerList]) {
    g.succ[u]!.forEach((v, k) => {
      if (v === join || inner[v] || (v === split && u === split)) return;
      afterJoin ??= reachableFrom(g, join);
      // A path that rejoins the flow after the join is a jump; one that wanders off to its own end loses the token.
      const end = v === split ? -1 : isExit(g, v) ? v : lostAt(g, forward, inner, afterJoin, v);
      if (end >= 0) reportEnd(end);
      else issues.push(flowLeavesBlock(g.flows[g.succFlows[u]![k]!]!, S, J));
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

/**
 * Where a token that left the block at `from` ends: the first exit met walking forward through nodes outside the
 * block, or -1 when the path rejoins the flow after the join somewhere (a jump, not a lost token) or never ends.
 */
function lostAt(
  g: Analysis['g'],
  forward: Uint8Array,
  inner: Uint8Array,
  afterJoin: Uint8Array,
  from: number,
) {
  const seen = new Set([from]);
  const queue = [from];
  let end = -1;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (afterJoin[v]) return -1;
    if (end === -1 && isExit(g, v)) end = v;
    for (const w of g.succ[v]!) {
      if (seen.has(w) || !forward[w] || inner[w]) continue;
      seen.add(w);
      queue.push(w);
    }
  }
  return end;
}

function reachableFrom(g: Analysis['g'], from: number): Uint8Array {
  const seen = new Uint8Array(g.nodes.length);
  const stack = [from];
  while (stack.length > 0) {
    for (const w of g.succ[stack.pop()!]!) {
      if (seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return seen;
}
