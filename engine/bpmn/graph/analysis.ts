/** @module The facts every structural rule reads: the indexed graph and its dominator and post-dominator trees. */
import { type DominatorTree, dominatorTree } from './dominators';
import { entryNodes, type IndexedGraph, isExit } from './indexed-graph';

export interface Analysis {
  g: IndexedGraph;
  /** Index of the virtual vertex: the entry (before every start) in `dom`, the exit (after every end) in `postdom`. */
  virtual: number;
  dom: DominatorTree;
  postdom: DominatorTree;
}

/**
 * A virtual entry feeding all entry nodes and a virtual exit fed by all exit nodes make both trees single-rooted
 * even when a scope has several starts or ends. A node the entry cannot reach has idom -1 in `dom`; a node that
 * cannot reach the exit has idom -1 in `postdom`.
 */
export function analyse(g: IndexedGraph): Analysis {
  const n = g.nodes.length;
  const entries = entryNodes(g);
  const forwardSucc = [...g.succ, entries];
  const forwardPred: number[][] = [...g.pred.map((p) => [...p]), []];
  for (const e of entries) forwardPred[e]!.push(n);

  const exits = g.nodes.flatMap((_, i) => (isExit(g, i) ? [i] : []));
  const reverseSucc = [...g.pred, exits];
  const reversePred: number[][] = [...g.succ.map((s) => [...s]), []];
  for (const x of exits) reversePred[x]!.push(n);

  return {
    g,
    virtual: n,
    dom: dominatorTree(n + 1, n, forwardSucc, forwardPred),
    postdom: dominatorTree(n + 1, n, reverseSucc, reversePred),
  };
}
