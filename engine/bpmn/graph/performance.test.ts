/** @module analyzeGraph stays fast on diagrams of a few thousand nodes. */
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze-graph';
import type { FlowGraph, FlowNode } from './types';

/**
 * `units` repetitions of: XOR merge → parallel split into three branches (one holding a nested parallel block,
 * one a loop over a user task) → join → XOR that loops back to the merge or goes on. 14 nodes per unit.
 */
function generated(units: number, breakEvery = 0): FlowGraph {
  const nodes: FlowNode[] = [{ id: 'start', kind: 'start', waitState: false }];
  const flows: FlowGraph['flows'] = [];
  const node = (id: string, kind: FlowNode['kind'], waitState = false) => nodes.push({ id, kind, waitState });
  const flow = (from: string, to: string) =>
    flows.push({ id: `${from}>${to}`, sourceRef: from, targetRef: to });
  let previous = 'start';
  for (let u = 0; u < units; u++) {
    const p = (name: string) => `${name}${u}`;
    node(p('merge'), 'exclusiveGateway');
    node(p('split'), 'parallelGateway');
    node(p('a'), 'task', true);
    node(p('innerSplit'), 'parallelGateway');
    node(p('b1'), 'task', true);
    node(p('b2'), 'task', true);
    node(p('innerJoin'), 'parallelGateway');
    node(p('c'), 'task', true);
    node(p('cLoop'), 'exclusiveGateway');
    node(p('d'), 'task');
    node(p('join'), 'parallelGateway');
    node(p('again'), 'exclusiveGateway');
    node(p('review'), 'task', true);
    node(p('next'), 'task');
    flow(previous, p('merge'));
    flow(p('merge'), p('split'));
    flow(p('split'), p('a'));
    flow(p('a'), p('join'));
    flow(p('split'), p('innerSplit'));
    flow(p('innerSplit'), p('b1'));
    flow(p('innerSplit'), p('b2'));
    flow(p('b1'), p('innerJoin'));
    flow(p('b2'), p('innerJoin'));
    flow(p('innerJoin'), p('join'));
    flow(p('split'), p('c'));
    flow(p('c'), p('cLoop'));
    flow(p('cLoop'), p('c'));
    flow(p('cLoop'), p('d'));
    if (breakEvery && u % breakEvery === 0) flow(p('cLoop'), p('next')); // jumps past the join
    flow(p('d'), p('join'));
    flow(p('join'), p('again'));
    flow(p('again'), p('review'));
    flow(p('review'), p('merge'));
    flow(p('again'), p('next'));
    previous = p('next');
  }
  node('end', 'end');
  flow(previous, 'end');
  return { nodes, flows };
}

/**
 * Best of five runs, so a cold JIT or the shared 2-core machine being busy does not decide the verdict (unloaded,
 * one run takes ~30-60 ms; the bound leaves room for a machine running other suites).
 */
function timed(graph: FlowGraph) {
  let best = Number.POSITIVE_INFINITY;
  let issues: ReturnType<typeof analyzeGraph> = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    issues = analyzeGraph(graph);
    best = Math.min(best, performance.now() - started);
  }
  return { issues, best };
}

describe('analyzeGraph performance', () => {
  it('given a valid 2,000-node scope when analysed then no issues, well under a second', () => {
    const graph = generated(143);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(2000);
    const { issues, best } = timed(graph);
    expect(issues).toEqual([]);
    expect(best).toBeLessThan(500);
  });

  it('given the same scope with a block-breaking flow in every unit when analysed then each is found, fast', () => {
    const graph = generated(143, 1);
    const { issues, best } = timed(graph);
    expect(issues).toHaveLength(143);
    expect(
      issues.every((i) => i.code === 'FLOW_LEAVES_BLOCK' && /^cLoop\d+>next\d+$/.test(i.elementId!)),
    ).toBe(true);
    expect(best).toBeLessThan(500);
  });
});
