/** @module Tests of the Cooper-Harvey-Kennedy dominator tree, by hand and against the textbook set equations. */
import { describe, expect, it } from 'vitest';
import { dominatorTree } from './dominators';

function adjacency(count: number, edges: [number, number][]) {
  const succ: number[][] = Array.from({ length: count }, () => []);
  const pred: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of edges) {
    succ[a]!.push(b);
    pred[b]!.push(a);
  }
  return { succ, pred };
}

/** Dom(root) = {root}; Dom(v) = {v} ∪ ⋂ Dom(p) over reachable preds, iterated to a fixpoint. */
function naiveDominators(count: number, root: number, succ: number[][], pred: number[][]): Set<number>[] {
  const reach = new Set([root]);
  const stack = [root];
  while (stack.length) {
    for (const w of succ[stack.pop()!]!) {
      if (reach.has(w)) continue;
      reach.add(w);
      stack.push(w);
    }
  }
  const all = [...reach];
  const dom = Array.from({ length: count }, (_, v) => new Set(v === root ? [root] : reach.has(v) ? all : []));
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of all) {
      if (v === root) continue;
      const preds = pred[v]!.filter((p) => reach.has(p));
      const next = new Set([v, ...[...dom[preds[0]!]!].filter((d) => preds.every((p) => dom[p]!.has(d)))]);
      if (next.size === dom[v]!.size) continue;
      dom[v] = next;
      changed = true;
    }
  }
  return dom;
}

describe('dominatorTree', () => {
  it('given a diamond with a back edge and an unreachable vertex when computed then idoms match by hand', () => {
    const { succ, pred } = adjacency(6, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 1],
      [5, 4],
    ]);
    const tree = dominatorTree(6, 0, succ, pred);
    expect([...tree.idom]).toEqual([0, 0, 0, 0, 3, -1]);
    expect(tree.dominates(3, 4)).toBe(true);
    expect(tree.dominates(0, 4)).toBe(true);
    expect(tree.dominates(1, 3)).toBe(false);
    expect(tree.dominates(4, 4)).toBe(true);
    expect(tree.dominates(5, 5)).toBe(false);
  });

  it('given 200 random graphs when computed then "dominates" agrees with the set equations everywhere', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const count = 2 + Math.floor(random() * 25);
      const edges: [number, number][] = [];
      for (let e = 0; e < count * 1.8; e++)
        edges.push([Math.floor(random() * count), Math.floor(random() * count)]);
      const { succ, pred } = adjacency(count, edges);
      const tree = dominatorTree(count, 0, succ, pred);
      const expected = naiveDominators(count, 0, succ, pred);
      for (let a = 0; a < count; a++) {
        for (let b = 0; b < count; b++)
          expect(tree.dominates(a, b), `${round}: ${a} dom ${b}`).toBe(expected[b]!.has(a));
      }
    }
  });
});
