/** @module Rules on paths that need no concurrency: implicit forks, reachability both ways, and busy loops. */
import type { ValidationIssue } from '../../contract';
import type { Analysis } from './analysis';
import { cycleWithoutWaitState, deadEnd, implicitSplit, unreachable } from './issues';
import { stronglyConnected } from './scc';

/** Only gateways may fan out: an activity or event with two outgoing flows forks without a join to match. */
export function checkImplicitSplits({ g }: Analysis): ValidationIssue[] {
  return g.nodes.flatMap((node, i) => {
    if (node.kind.endsWith('Gateway')) return [];
    const forks = g.succ[i]!.filter((t) => !g.nodes[t]!.boundary).length;
    return forks < 2 ? [] : [implicitSplit(node)];
  });
}

/** Reachability falls out of the dominator trees: no immediate dominator means no path from the virtual root. */
export function checkReachability({ g, dom, postdom }: Analysis): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  g.nodes.forEach((node, i) => {
    if (dom.idom[i] === -1) issues.push(unreachable(node));
  });
  g.nodes.forEach((node, i) => {
    if (postdom.idom[i] === -1) issues.push(deadEnd(node));
  });
  return issues;
}

/**
 * A cycle with no wait state would run forever inside one step. Every cycle lies inside one strongly
 * connected component, so a component with no wait state is reported once, on its first node in the document.
 */
export function checkBusyLoops({ g }: Analysis): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const component of stronglyConnected(g.nodes.length, g.succ)) {
    const v = component[0]!;
    const cyclic = component.length > 1 || g.succ[v]!.includes(v);
    if (!cyclic || component.some((i) => g.nodes[i]!.waitState)) continue;
    const members = component.sort((a, b) => a - b);
    issues.push(
      cycleWithoutWaitState(
        g.nodes[members[0]!]!,
        members.map((i) => g.nodes[i]!.id),
      ),
    );
  }
  return issues;
}
