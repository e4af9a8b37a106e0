/** @module Tests of analyzeGraph on small hand-built scopes: what is accepted and what each rule reports. */
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze-graph';
import { flowGraph } from './graph-dsl';
import { GRAPH_ISSUE_CODES } from './index';

const found = (nodes: string, flows: string) =>
  analyzeGraph(flowGraph(nodes, flows)).map((issue) => `${issue.code} ${issue.elementId}`);

// shared/bench/approval.bpmn: approvedGw loops back to fill; split/join run two checks in parallel.
const approvalNodes =
  'start:start fill:task! review:task! approvedGw:xor split:and legalCheck:task! securityCheck:task! join:and publish:task! end:end';
const approvalFlows =
  'start>fill>review>approvedGw>split>legalCheck>join>publish>end approvedGw>fill split>securityCheck>join';

describe('analyzeGraph: accepted topologies', () => {
  it('given the approval benchmark flow when analysed then it has no issues', () => {
    expect(found(approvalNodes, approvalFlows)).toEqual([]);
  });

  it('given nested parallel blocks, an inclusive block and a loop inside one branch when analysed then no issues', () => {
    const nodes =
      's:start a:and b:and x:task! y:task! bj:and c:task! l1:task! lgw:xor aj:and o:or p:task! q:task! oj:or e:end';
    const flows = 's>a>b>x>bj>aj>o>p>oj>e b>y>bj a>c>l1>lgw>aj lgw>c o>q>oj';
    expect(found(nodes, flows)).toEqual([]);
  });

  it('given a loop from after the join back to before the split when analysed then no issues', () => {
    const nodes = 's:start t:task! a:and x:task! y:task! j:and g:xor e:end';
    expect(found(nodes, 's>t>a>x>j>g>e a>y>j g>t')).toEqual([]);
  });

  it('given XOR jumps forward and back and a merge on a task when analysed then no issues', () => {
    const nodes = 's:start a:task! g1:xor b:task! c:task! g2:xor e1:end e2:end';
    expect(found(nodes, 's>a>g1>b>c>g2>e1 g1>c g2>a g1>e2')).toEqual([]);
  });

  it('given a scope without start events when analysed then nodes without incoming flows are its entries', () => {
    expect(found('a:task! b:task! c:end', 'a>b>c')).toEqual([]);
  });
});

describe('analyzeGraph: concurrency blocks', () => {
  it('given an inclusive split whose branches meet at a parallel join when analysed then JOIN_KIND_MISMATCH', () => {
    const nodes = 's:start o:or x:task! y:task! j:and e:end';
    expect(found(nodes, 's>o>x>j>e o>y>j')).toEqual(['JOIN_KIND_MISMATCH o']);
  });

  it('given a parallel branch escaping to an end event when analysed then BRANCH_ENDS_WITHOUT_JOIN on that end', () => {
    const nodes = 's:start a:and x:task! y:task! z:task! j:and p:task! e:end lost:end';
    const issues = analyzeGraph(flowGraph(nodes, 's>a>x>j>p>e a>y>j a>z>lost'));
    expect(issues.map((i) => `${i.code} ${i.elementId}`)).toEqual(['BRANCH_ENDS_WITHOUT_JOIN lost']);
    expect(issues[0]!.message).toContain('“a”');
    expect(issues[0]!.messageEn).toContain('join "j"');
  });

  it('given an XOR inside a branch that leads to an end event when analysed then the end is reported', () => {
    const nodes = 's:start a:and x:task! g:xor y:task! j:and e:end stop:end';
    expect(found(nodes, 's>a>x>g>j>e a>y>j g>stop')).toEqual(['BRANCH_ENDS_WITHOUT_JOIN stop']);
  });

  it('given a flow jumping from inside a block to after its join when analysed then FLOW_LEAVES_BLOCK on it', () => {
    const nodes = 's:start a:and x:task! g:xor y:task! j:and p:task! e:end';
    expect(found(nodes, 's>a>x>g>j>p>e a>y>j g>p')).toEqual(['FLOW_LEAVES_BLOCK g-p']);
  });

  it('given a flow from after the join back into a branch when analysed then FLOW_ENTERS_BLOCK on it', () => {
    const nodes = 's:start a:and x:task! y:task! j:and g:xor e:end';
    expect(found(nodes, 's>a>x>j>g>e a>y>j g>x')).toEqual(['FLOW_ENTERS_BLOCK g-x']);
  });

  it('given a flow from before the split into a branch when analysed then FLOW_ENTERS_BLOCK on it', () => {
    const nodes = 's:start g:xor a:and x:task! y:task! j:and e:end';
    expect(found(nodes, 's>g>a>x>j>e a>y>j g>y')).toEqual(['FLOW_ENTERS_BLOCK g-y']);
  });

  it('given a branch looping back to before its split when analysed then FLOW_LEAVES_BLOCK on the loop flow', () => {
    const nodes = 's:start t:task! a:and x:task! g:xor y:task! j:and e:end';
    expect(found(nodes, 's>t>a>x>g>j>e a>y>j g>t')).toEqual(['FLOW_LEAVES_BLOCK g-t']);
  });

  it('given a jump from an inner block into the outer block`s other branch when analysed then that flow is named', () => {
    const nodes = 's:start a:and b:and x:task! y:task! g:xor bj:and c:task! aj:and e:end';
    const issues = found(nodes, 's>a>b>x>g>bj>aj>e b>y>bj a>c>aj g>c');
    expect(issues).toEqual(['FLOW_LEAVES_BLOCK g-c']);
  });

  it('given two splits sharing one join when analysed then the nested split is told a flow enters its block', () => {
    const nodes = 's:start a:and b:and x:task! y:task! z:task! j:and e:end';
    expect(found(nodes, 's>a>b>x>j>e b>y>j a>z>j')).toEqual(['FLOW_ENTERS_BLOCK z-j']);
  });

  it('given a loop back straight into a parallel split when analysed then UNMATCHED_JOIN (it would wait for both)', () => {
    const nodes = 's:start a:and x:task! y:task! j:and g:xor e:end';
    expect(found(nodes, 's>a>x>j>g>e a>y>j g>a')).toEqual(['UNMATCHED_JOIN a']);
  });

  it('given a split with a flow straight to after its join when analysed then FLOW_LEAVES_BLOCK on that flow', () => {
    const nodes = 's:start a:and x:task! y:task! j:and p:task! e:end';
    expect(found(nodes, 's>a>x>j>p>e a>y>j a>p')).toEqual(['FLOW_LEAVES_BLOCK a-p']);
  });

  it('given a branch looping straight back into its split when analysed then that flow leaves the block', () => {
    const nodes = 's:start m:xor a:and x:task! g:xor y:task! j:and e:end';
    expect(found(nodes, 's>m>a>x>g>j>e a>y>j g>a')).toEqual(['FLOW_LEAVES_BLOCK g-a', 'UNMATCHED_JOIN a']);
  });

  it('given a parallel join with no split when analysed then UNMATCHED_JOIN', () => {
    const nodes = 's:start g:xor x:task! y:task! j:and e:end';
    expect(found(nodes, 's>g>x>j>e g>y>j')).toEqual(['UNMATCHED_JOIN j']);
  });

  // Issue #13: branches ending at their own end events are BPMN (each token ends; the scope ends with the last).
  it('given a split whose branches never meet but each end at an end event when analysed then no issue', () => {
    const nodes = 's:start a:and x:task! y:task! e1:end e2:end';
    expect(found(nodes, 's>a>x>e1 a>y>e2')).toEqual([]);
  });

  it('given a split one of whose branches ends while the other waits at a join fed from elsewhere when analysed then the join is unmatched', () => {
    const nodes = 's:start a:and x:task! y:task! e1:end j:and e2:end';
    expect(found(nodes, 's>a>x>e1 a>y>j>e2 s>j')).not.toEqual([]);
  });

  it('given parallel branches merged by an XOR gateway when analysed then SPLIT_WITHOUT_JOIN naming the XOR', () => {
    const nodes = 's:start a:and x:task! y:task! m:xor e:end';
    const issues = analyzeGraph(flowGraph(nodes, 's>a>x>m>e a>y>m'));
    expect(issues.map((i) => `${i.code} ${i.elementId}`)).toEqual(['SPLIT_WITHOUT_JOIN a']);
    expect(issues[0]!.messageEn).toContain('first meet at "m"');
  });

  it('given a task with two outgoing flows when analysed then IMPLICIT_SPLIT', () => {
    const nodes = 's:start t:task! x:task! y:task! e:end';
    expect(found(nodes, 's>t>x>e t>y>e')).toEqual(['IMPLICIT_SPLIT t']);
  });
});

describe('analyzeGraph: interrupting boundary events', () => {
  const nodes = 's:start a:and x:task! y:task! j:and e:end';
  const withBoundary = (g: ReturnType<typeof flowGraph>) => {
    g.nodes.push({ id: 'timeout', kind: 'other', waitState: true, boundary: true });
    g.flows.push({ id: 'x-timeout', sourceRef: 'x', targetRef: 'timeout' });
    return g;
  };

  it('given a boundary path that rejoins its branch when analysed then the host is not an implicit split', () => {
    const graph = withBoundary(flowGraph(nodes, 's>a>x>j>e a>y>j'));
    graph.flows.push({ id: 'timeout-j', sourceRef: 'timeout', targetRef: 'j' });
    expect(analyzeGraph(graph)).toEqual([]);
  });

  it('given a boundary path in a parallel branch that ends on its own when analysed then that end is reported', () => {
    const graph = withBoundary(flowGraph(`${nodes} late:end`, 's>a>x>j>e a>y>j'));
    graph.flows.push({ id: 'timeout-late', sourceRef: 'timeout', targetRef: 'late' });
    expect(analyzeGraph(graph).map((i) => `${i.code} ${i.elementId}`)).toEqual([
      'BRANCH_ENDS_WITHOUT_JOIN late',
    ]);
  });
});

describe('analyzeGraph: loops and reachability', () => {
  it('given a cycle of tasks that never wait when analysed then one CYCLE_WITHOUT_WAIT_STATE', () => {
    const issues = analyzeGraph(flowGraph('s:start a:task b:task g:xor e:end', 's>a>b>g>e g>a'));
    expect(issues.map((i) => `${i.code} ${i.elementId}`)).toEqual(['CYCLE_WITHOUT_WAIT_STATE a']);
    expect(issues[0]!.messageEn).toContain('a, b, g');
    expect(issues[0]!.message).toContain('a、b、g');
  });

  it('given the same cycle with a user task in it when analysed then no issues', () => {
    expect(found('s:start a:task b:task! g:xor e:end', 's>a>b>g>e g>a')).toEqual([]);
  });

  it('given a self-loop on a gateway when analysed then it is a cycle without wait state', () => {
    expect(found('s:start g:xor e:end', 's>g>e g>g')).toEqual(['CYCLE_WITHOUT_WAIT_STATE g']);
  });

  it('given a node no start reaches when analysed then UNREACHABLE on it only', () => {
    expect(found('s:start a:task! orphan:task! e:end', 's>a>e orphan>e')).toEqual(['UNREACHABLE orphan']);
  });

  it('given a loop with no way out when analysed then DEAD_END on each node of it', () => {
    const nodes = 's:start g:xor a:task! b:task! e:end';
    expect(found(nodes, 's>g>e g>a>b>a')).toEqual(['DEAD_END a', 'DEAD_END b']);
  });

  it('given flows to nodes outside the scope and a repeated id when analysed then each is reported', () => {
    const graph = flowGraph('s:start t:task! e:end', 's>t>e t>elsewhere');
    graph.nodes.push({ id: 't', kind: 'task', waitState: true });
    expect(analyzeGraph(graph).map((i) => `${i.code} ${i.elementId}`)).toEqual([
      'GRAPH_DUPLICATE_NODE t',
      'FLOW_OUTSIDE_SCOPE t-elsewhere',
    ]);
  });

  it('given several problems at once when analysed then all are reported, each in Chinese and English', () => {
    const nodes = 's:start o:or x:task y:task j:and g:xor e:end orphan:task!';
    const issues = analyzeGraph(flowGraph(nodes, 's>o>x>j>g>e o>y>j g>o orphan>e'));
    expect(issues.map((i) => `${i.code} ${i.elementId}`).sort()).toEqual([
      'CYCLE_WITHOUT_WAIT_STATE o',
      'JOIN_KIND_MISMATCH o',
      'UNMATCHED_JOIN o', // the loop back makes o merge two flows: an inclusive join nothing opens
      'UNREACHABLE orphan',
    ]);
    for (const issue of issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messageEn).toMatch(/^[\x20-\x7e“”→…]+$/);
      expect(issue.severity).toBe('error');
    }
  });
});

describe('analyzeGraph: issue codes', () => {
  it('given a graph with several problems when analysed then every code is one of GRAPH_ISSUE_CODES', () => {
    const issues = analyzeGraph(flowGraph('s:start t:task x:and y:task e:end', 's>t>x>y>e t>e x>s'));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(GRAPH_ISSUE_CODES).toContain(issue.code);
  });
});
