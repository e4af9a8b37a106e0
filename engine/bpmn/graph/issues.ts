/**
 * @module The issues of the structural analysis, one builder per code, Chinese first with English beside.
 * Codes (all severity 'error'):
 *   GRAPH_DUPLICATE_NODE, FLOW_OUTSIDE_SCOPE   input the caller should not have produced (kept as issues, not throws,
 *                                              because a hand-edited file can contain them)
 *   IMPLICIT_SPLIT                       a non-gateway node with several outgoing flows (uncontrolled parallel fork)
 *   UNREACHABLE, DEAD_END                no path from a start / no path to an end
 *   CYCLE_WITHOUT_WAIT_STATE             a strongly connected component with no wait state (one issue per component)
 *   SPLIT_WITHOUT_JOIN                   a parallel/inclusive split whose branches do not close at one join
 *   JOIN_KIND_MISMATCH                   a split closed by a join of the other kind (inclusive split, parallel join)
 *   BRANCH_ENDS_WITHOUT_JOIN             an end node reached by a branch of a block instead of its join
 *   FLOW_LEAVES_BLOCK, FLOW_ENTERS_BLOCK a sequence flow crossing a concurrency block's boundary
 *   UNMATCHED_JOIN                       a parallel/inclusive join that closes no split
 *   CONCURRENCY_NOT_BLOCK_STRUCTURED     a split that does not dominate its join for another reason
 */
import type { ValidationIssue } from '../../contract';
import type { FlowNode, SequenceFlow } from './types';

export const GRAPH_ISSUE_CODES = [
  'GRAPH_DUPLICATE_NODE',
  'FLOW_OUTSIDE_SCOPE',
  'IMPLICIT_SPLIT',
  'UNREACHABLE',
  'DEAD_END',
  'CYCLE_WITHOUT_WAIT_STATE',
  'SPLIT_WITHOUT_JOIN',
  'JOIN_KIND_MISMATCH',
  'BRANCH_ENDS_WITHOUT_JOIN',
  'FLOW_LEAVES_BLOCK',
  'FLOW_ENTERS_BLOCK',
  'UNMATCHED_JOIN',
  'CONCURRENCY_NOT_BLOCK_STRUCTURED',
] as const;
export type GraphIssueCode = (typeof GRAPH_ISSUE_CODES)[number];

const error = (
  elementId: string | null,
  code: string,
  message: string,
  messageEn: string,
): ValidationIssue => ({
  elementId,
  code,
  message,
  messageEn,
  severity: 'error',
});

const zhKind = (node: FlowNode) => (node.kind === 'parallelGateway' ? '并行网关' : '包容网关');
const enKind = (node: FlowNode) =>
  node.kind === 'parallelGateway' ? 'parallel gateway' : 'inclusive gateway';
const flowZh = (f: SequenceFlow) => `顺序流“${f.id}”（${f.sourceRef} → ${f.targetRef}）`;
const flowEn = (f: SequenceFlow) => `Sequence flow "${f.id}" (${f.sourceRef} → ${f.targetRef})`;

export const duplicateNode = (id: string) =>
  error(id, 'GRAPH_DUPLICATE_NODE', `元素 ID“${id}”重复出现。`, `Element id "${id}" appears more than once.`);

export const flowOutsideScope = (f: SequenceFlow, missing: string) =>
  error(
    f.id,
    'FLOW_OUTSIDE_SCOPE',
    `${flowZh(f)}连接到本流程/子流程范围之外的元素“${missing}”；顺序流不能跨越子流程边界。`,
    `${flowEn(f)} connects to "${missing}", which is outside this process or subprocess; sequence flows cannot cross a subprocess boundary.`,
  );

export const implicitSplit = (node: FlowNode) =>
  error(
    node.id,
    'IMPLICIT_SPLIT',
    `元素“${node.id}”有多条流出顺序流，会同时激活所有分支；请用排他网关选择一条路径，或用并行网关明确表示并行。`,
    `Element "${node.id}" has several outgoing sequence flows, which would start all of them at once; use an exclusive gateway to choose one path or a parallel gateway to make the concurrency explicit.`,
  );

export const unreachable = (node: FlowNode) =>
  error(
    node.id,
    'UNREACHABLE',
    `元素“${node.id}”无法从任何开始事件到达，永远不会执行。`,
    `Element "${node.id}" cannot be reached from any start event, so it never runs.`,
  );

export const deadEnd = (node: FlowNode) =>
  error(
    node.id,
    'DEAD_END',
    `从元素“${node.id}”出发无法到达任何结束事件，流程实例将无法结束。`,
    `No path leads from element "${node.id}" to an end event, so the instance could never finish.`,
  );

export const cycleWithoutWaitState = (first: FlowNode, members: string[]) => {
  const list = (sep: string) =>
    members.length > 10 ? `${members.slice(0, 10).join(sep)}${sep}…` : members.join(sep);
  const shown = list(', ');
  return error(
    first.id,
    'CYCLE_WITHOUT_WAIT_STATE',
    `由 ${list('、')} 组成的循环中没有任何等待节点（用户任务、服务任务、定时器或消息），实例会无限循环。`,
    `The loop through ${shown} contains no wait state (user task, service task, timer or message), so an instance would loop forever.`,
  );
};

export const splitWithoutJoin = (split: FlowNode, meetsAt: string | null) =>
  error(
    split.id,
    'SPLIT_WITHOUT_JOIN',
    meetsAt
      ? `${zhKind(split)}“${split.id}”的各分支首先在“${meetsAt}”汇合，那里不是它们自己的同类汇聚网关；并行分支必须由对应的汇聚网关合并。`
      : `${zhKind(split)}“${split.id}”的各分支直到结束都没有汇合；并行分支必须由对应的汇聚网关合并。`,
    meetsAt
      ? `The branches of ${enKind(split)} "${split.id}" first meet at "${meetsAt}", which is not a join of their own; concurrent branches must be merged by their matching join.`
      : `The branches of ${enKind(split)} "${split.id}" never meet before the end; concurrent branches must be merged by their matching join.`,
  );

export const joinKindMismatch = (split: FlowNode, join: FlowNode) =>
  error(
    split.id,
    'JOIN_KIND_MISMATCH',
    `${zhKind(split)}“${split.id}”的分支在${zhKind(join)}“${join.id}”汇合；分支与汇聚必须使用同一种网关。`,
    `The branches of ${enKind(split)} "${split.id}" merge at ${enKind(join)} "${join.id}"; a split and its join must be the same kind of gateway.`,
  );

export const branchEndsWithoutJoin = (end: FlowNode, split: FlowNode, join: FlowNode) => {
  const parallel = split.kind === 'parallelGateway';
  return error(
    end.id,
    'BRANCH_ENDS_WITHOUT_JOIN',
    `${zhKind(split)}“${split.id}”的一个分支在“${end.id}”结束，没有到达汇聚网关“${join.id}”：${
      parallel ? '该分支的令牌会丢失，汇聚网关将永远等待。' : '每个分支都必须在汇聚网关处合并。'
    }`,
    `A branch of ${enKind(split)} "${split.id}" ends at "${end.id}" without reaching its join "${join.id}": ${
      parallel
        ? 'that token is lost and the join would wait forever.'
        : 'every branch must merge at the join.'
    }`,
  );
};

export const flowLeavesBlock = (f: SequenceFlow, split: FlowNode, join: FlowNode) =>
  error(
    f.id,
    'FLOW_LEAVES_BLOCK',
    `${flowZh(f)}从“${split.id}”与“${join.id}”之间的并发块内部跳出，没有经过汇聚网关“${join.id}”。`,
    `${flowEn(f)} jumps out of the concurrency block between "${split.id}" and "${join.id}" without passing its join "${join.id}".`,
  );

export const flowEntersBlock = (f: SequenceFlow, split: FlowNode, join: FlowNode) =>
  error(
    f.id,
    'FLOW_ENTERS_BLOCK',
    `${flowZh(f)}从外部进入“${split.id}”与“${join.id}”之间的并发块，没有经过分支网关“${split.id}”。`,
    `${flowEn(f)} enters the concurrency block between "${split.id}" and "${join.id}" from outside, not through its split "${split.id}".`,
  );

export const unmatchedJoin = (join: FlowNode) =>
  error(
    join.id,
    'UNMATCHED_JOIN',
    `${zhKind(join)}“${join.id}”合并了多条流入顺序流，但没有与之对应的分支网关；如需合并循环回来的路径，请使用排他网关。`,
    `${enKind(join).replace(/^./, (c) => c.toUpperCase())} "${join.id}" merges several incoming flows but closes no matching split; to merge a path that loops back, use an exclusive gateway.`,
  );

export const notBlockStructured = (split: FlowNode, join: FlowNode) =>
  error(
    split.id,
    'CONCURRENCY_NOT_BLOCK_STRUCTURED',
    `${zhKind(split)}“${split.id}”与其汇聚网关“${join.id}”没有构成单入口单出口的块：并非所有到达“${join.id}”的路径都经过“${split.id}”。`,
    `${enKind(split).replace(/^./, (c) => c.toUpperCase())} "${split.id}" and its join "${join.id}" do not form a single-entry, single-exit block: not every path to "${join.id}" passes "${split.id}".`,
  );
