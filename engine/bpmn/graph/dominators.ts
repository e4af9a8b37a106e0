/**
 * @module Dominator trees by the Cooper-Harvey-Kennedy iterative algorithm ("A Simple, Fast Dominance
 * Algorithm", 2001), over a graph given as adjacency arrays with one root. Post-dominators are the same
 * computation on the reversed graph rooted at a virtual exit.
 */

export interface DominatorTree {
  /** Immediate dominator of each vertex; the root's is itself; -1 for vertices the root cannot reach. */
  idom: Int32Array;
  /** True when `a` dominates `b` (reflexive); false when either is unreachable from the root. */
  dominates(a: number, b: number): boolean;
}

/** `succ`/`pred` cover every vertex 0..count-1, the root included. */
export function dominatorTree(
  count: number,
  root: number,
  succ: number[][],
  pred: number[][],
): DominatorTree {
  const order = postorder(count, root, succ);
  const rank = new Int32Array(count).fill(-1);
  order.forEach((v, i) => {
    rank[v] = i;
  });
  const idom = new Int32Array(count).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (rank[a]! < rank[b]!) a = idom[a]!;
      while (rank[b]! < rank[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    // Reverse postorder, skipping the root (last in postorder).
    for (let i = order.length - 2; i >= 0; i--) {
      const v = order[i]!;
      let next = -1;
      for (const p of pred[v]!) {
        if (idom[p] === -1) continue; // not processed yet, or unreachable from the root
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== idom[v]) {
        idom[v] = next;
        changed = true;
      }
    }
  }
  return { idom, dominates: treeQuery(count, root, idom) };
}

/** Iterative DFS postorder of the vertices reachable from the root (no recursion: chains can be long). */
function postorder(count: number, root: number, succ: number[][]): number[] {
  const out: number[] = [];
  const seen = new Uint8Array(count);
  const stack: number[] = [root];
  const cursor: number[] = [0];
  seen[root] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const next = succ[v]![cursor[top]!];
    if (next === undefined) {
      out.push(v);
      stack.pop();
      cursor.pop();
    } else {
      cursor[top]!++;
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
        cursor.push(0);
      }
    }
  }
  return out;
}

/** Entry/exit times on the dominator tree answer "a dominates b" in constant time. */
function treeQuery(count: number, root: number, idom: Int32Array) {
  const children: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < count; v++) if (v !== root && idom[v] !== -1) children[idom[v]!]!.push(v);
  const enter = new Int32Array(count).fill(-1);
  const leave = new Int32Array(count).fill(-1);
  let clock = 0;
  const stack: [number, number][] = [[root, 0]];
  enter[root] = clock++;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = children[frame[0]]![frame[1]++];
    if (child === undefined) {
      leave[frame[0]] = clock++;
      stack.pop();
    } else {
      enter[child] = clock++;
      stack.push([child, 0]);
    }
  }
  return (a: number, b: number) =>
    enter[a]! >= 0 && enter[b]! >= 0 && enter[a]! <= enter[b]! && leave[b]! <= leave[a]!;
}
