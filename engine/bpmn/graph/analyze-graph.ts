/** @module analyzeGraph: every structural rule over one scope, all problems at once. */
import type { ValidationIssue } from '../../contract';
import { analyse } from './analysis';
import { checkConcurrency } from './concurrency';
import { indexGraph } from './indexed-graph';
import { checkBusyLoops, checkImplicitSplits, checkReachability } from './paths';
import type { FlowGraph } from './types';

/**
 * Checks one scope (a process body or one subprocess body) and returns every problem found, one issue per
 * element and rule; [] means the scope's control flow can be compiled. Pure; O(nodes × splits) at worst.
 */
export function analyzeGraph(graph: FlowGraph): ValidationIssue[] {
  const { graph: g, issues } = indexGraph(graph);
  const analysis = analyse(g);
  issues.push(
    ...checkImplicitSplits(analysis),
    ...checkReachability(analysis),
    ...checkBusyLoops(analysis),
    ...checkConcurrency(analysis),
  );
  // A flow crossing two nested blocks would be reported once per block: keep the first (innermost wording may differ).
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.elementId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
