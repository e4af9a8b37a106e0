/**
 * @module Finds the single-entry/single-exit concurrency blocks of one scope graph and splits the scope into
 * containers: the scope's own flat (XOR) level, and one region per branch of each parallel/inclusive split.
 * The compiler maps each container to a compound state and each block to a parallel state.
 */
import type { ValidationIssue } from '../contract';
import type { ProcessModel } from '../types';
import { issue } from './issue';
import { reachable, type ScopeGraph } from './scope-graph';

/** The virtual exit every sink (end event) flows into: a split whose join is EXIT ends its branches at end events. */
export const EXIT = '$exit';

export interface Block {
  split: string;
  join: string;
  /** Branch per outgoing flow of the split: the nodes strictly between split and join. */
  branches: { flow: string; nodes: Set<string> }[];
}

export interface Containers {
  blocks: Map<string, Block>;
  /** Container membership: node → the branch flow id it belongs to, or null for the scope's top level. */
  owner: Map<string, string | null>;
  issues: ValidationIssue[];
}

const isSplit = (model: ProcessModel, g: ScopeGraph, id: string) => {
  const k = model.elements.get(id)?.kind;
  return (k === 'parallelGateway' || k === 'inclusiveGateway') && (g.succ.get(id)?.length ?? 0) > 1;
};

export function findBlocks(model: ProcessModel, g: ScopeGraph): Containers {
  const issues: ValidationIssue[] = [];
  const nodes = new Set(g.nodes);
  const succOf = (n: string) => (g.succ.get(n) ?? []).filter((s) => nodes.has(s.to)).map((s) => s.to);
  const pdom = postDominators(g.nodes, succOf);
  const blocks = new Map<string, Block>();
  const owner = new Map<string, string | null>(g.nodes.map((n) => [n, null]));
  const splits = g.nodes.filter((n) => isSplit(model, g, n));
  const joins = new Set<string>();
  for (const s of splits) {
    const doms = pdom.get(s);
    if (!doms) {
      issues.push(
        issue(
          s,
          'block.no-exit',
          '分支无法到达结束事件',
          'the branches of this split never reach an end event',
        ),
      );
      continue;
    }
    let join = EXIT;
    let best = -1;
    for (const d of doms) {
      if (d === s) continue;
      const size = d === EXIT ? 0 : (pdom.get(d)?.size ?? 0);
      if (size > best) [best, join] = [size, d];
    }
    const kind = model.elements.get(s)?.kind;
    if (join !== EXIT && model.elements.get(join)?.kind !== kind) {
      issues.push(
        issue(
          s,
          'block.join-mismatch',
          `并行/包容分支必须由同类网关汇合，这里汇合于 ${join}`,
          `a ${kind} split must be joined by the same kind of gateway; its branches meet at ${join}`,
        ),
      );
      continue;
    }
    const branches = (g.succ.get(s) ?? []).map((o) => ({
      flow: o.flow,
      nodes: o.to === join ? new Set<string>() : reachable([o.to], g.succ, join),
    }));
    const inBlock = new Set<string>();
    let ok = true;
    for (const b of branches) {
      for (const n of b.nodes) {
        if (inBlock.has(n) || n === s) {
          issues.push(
            issue(
              n,
              'block.crossing-flow',
              `元素同时属于 ${s} 的多个分支（分支交叉）`,
              `element lies on several branches of ${s} (branches cross)`,
            ),
          );
          ok = false;
        }
        inBlock.add(n);
      }
    }
    for (const n of inBlock) {
      for (const p of g.pred.get(n) ?? []) {
        if (p.from !== s && !inBlock.has(p.from) && nodes.has(p.from)) {
          issues.push(
            issue(
              p.flow,
              'block.flow-into-branch',
              `顺序流从块外进入 ${s} 的分支`,
              `sequence flow enters a branch of ${s} from outside the block`,
            ),
          );
          ok = false;
        }
      }
    }
    if (join !== EXIT) {
      for (const p of g.pred.get(join) ?? []) {
        if (p.from !== s && !inBlock.has(p.from)) {
          issues.push(
            issue(
              join,
              'block.join-entered-outside',
              `汇合网关 ${join} 有来自块外的入口`,
              `join ${join} is entered from outside its block`,
            ),
          );
          ok = false;
        }
      }
      joins.add(join);
    }
    if (ok) blocks.set(s, { split: s, join, branches });
  }
  for (const n of g.nodes) {
    const k = model.elements.get(n)?.kind;
    if (
      (k === 'parallelGateway' || k === 'inclusiveGateway') &&
      (g.pred.get(n)?.length ?? 0) > 1 &&
      !joins.has(n)
    ) {
      issues.push(
        issue(n, 'block.unmatched-join', '汇合网关没有与之配对的分支网关', 'this join has no matching split'),
      );
    }
  }
  // Innermost branch wins: assign larger blocks first, nested ones overwrite.
  const ordered = [...blocks.values()].sort((a, b) => size(b) - size(a));
  for (const b of ordered) for (const br of b.branches) for (const n of br.nodes) owner.set(n, br.flow);
  return { blocks, owner, issues };
}

const size = (b: Block) => b.branches.reduce((s, br) => s + br.nodes.size, 0);

/** Classic iterative post-dominator sets over a small graph (diagrams have tens of nodes, not thousands). */
function postDominators(nodes: string[], succOf: (n: string) => string[]): Map<string, Set<string>> {
  const all = new Set([...nodes, EXIT]);
  const pdom = new Map<string, Set<string>>();
  for (const n of nodes) pdom.set(n, new Set(all));
  pdom.set(EXIT, new Set([EXIT]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const n of nodes) {
      const succ = succOf(n);
      const targets = succ.length ? succ : [EXIT];
      let acc = new Set<string>(pdom.get(targets[0]) as Set<string>);
      for (const s of targets.slice(1)) {
        const ps = pdom.get(s) as Set<string>;
        acc = new Set<string>([...acc].filter((x) => ps.has(x)));
      }
      acc.add(n);
      const cur = pdom.get(n) as Set<string>;
      if (acc.size !== cur.size) {
        pdom.set(n, acc);
        changed = true;
      }
    }
  }
  // Nodes that cannot reach any sink (endless loops) have no meaningful post-dominators: drop them.
  const sinks = nodes.filter((n) => succOf(n).length === 0);
  const preds = new Map<string, { to: string }[]>(nodes.map((n) => [n, []]));
  for (const n of nodes) for (const s of succOf(n)) preds.get(s)?.push({ to: n });
  const reachExit = reachable(sinks, preds);
  for (const n of nodes) if (!reachExit.has(n)) pdom.delete(n);
  return pdom;
}
