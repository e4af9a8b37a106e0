/**
 * @module Which structural findings the engine runs anyway, with BPMN's token semantics (compile/token-scope.ts),
 * and what stays refused because BPMN itself leaves it undefined.
 *
 * Concurrency that is not a single-entry/single-exit block (a split without its join, a join fed by several
 * splits, flows leaving or entering a branch, a split closed by the other kind of join) is well defined by BPMN's
 * token rules: a parallel join waits for a token on each incoming flow, an inclusive join for the tokens that can
 * still arrive, every other element takes the tokens one at a time. Such a scope is compiled as a token region.
 *
 * Still refused, each for its reason:
 * - an inclusive join on a cycle: whether a token "can still arrive" is circular there (BPMN 2.0 leaves the
 *   OR-join's semantics in loops open; engines disagree), so no answer would be BPMN's;
 * - the rules that are not about concurrency (unreachable elements, dead ends, cycles without a wait state) keep
 *   their errors.
 * An implicit split (an activity with several outgoing flows) is BPMN's uncontrolled flow: a token on each.
 */
import type { ValidationIssue } from '../../contract';
import { issue } from '../issue';
import type { FlowGraph } from './types';

export const TOKEN_RUNNABLE_CODES = new Set([
  // An activity with several outgoing flows starts all of them (BPMN's uncontrolled flow; Camunda 8 runs it).
  'IMPLICIT_SPLIT',
  'SPLIT_WITHOUT_JOIN',
  'JOIN_KIND_MISMATCH',
  'BRANCH_ENDS_WITHOUT_JOIN',
  'FLOW_LEAVES_BLOCK',
  'FLOW_ENTERS_BLOCK',
  'UNMATCHED_JOIN',
  'CONCURRENCY_NOT_BLOCK_STRUCTURED',
]);

/** The scope's structural issues once token regions are allowed: concurrency findings become the token-flow checks. */
export function tokenFlowIssues(graph: FlowGraph, structural: ValidationIssue[]): ValidationIssue[] {
  const kept = structural.filter((i) => !TOKEN_RUNNABLE_CODES.has(i.code));
  if (kept.length === structural.length) return structural;
  return [...kept, ...inclusiveJoinsOnCycles(graph)];
}

function inclusiveJoinsOnCycles(graph: FlowGraph): ValidationIssue[] {
  const succ = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const incoming = new Map<string, number>();
  for (const f of graph.flows) {
    succ.get(f.sourceRef)?.push(f.targetRef);
    incoming.set(f.targetRef, (incoming.get(f.targetRef) ?? 0) + 1);
  }
  const out: ValidationIssue[] = [];
  for (const n of graph.nodes) {
    if (n.kind !== 'inclusiveGateway' || (incoming.get(n.id) ?? 0) < 2) continue;
    const seen = new Set<string>();
    const stack = [...(succ.get(n.id) ?? [])];
    let cyclic = false;
    while (stack.length && !cyclic) {
      const v = stack.pop() as string;
      if (v === n.id) cyclic = true;
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(...(succ.get(v) ?? []));
    }
    if (cyclic)
      out.push(
        issue(
          n.id,
          'token.inclusive-join-cycle',
          `包容汇聚网关“${n.id}”位于回路上，且不在单入口单出口的块中：此时“还会有令牌到达”的判断是循环的，BPMN 未定义其语义`,
          `inclusive join "${n.id}" lies on a cycle outside a single-entry/single-exit block: whether another token can still arrive is circular there, and BPMN leaves its semantics undefined`,
        ),
      );
  }
  return out;
}
