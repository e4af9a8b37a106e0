/** @module The input of the structural analysis: one scope's flow nodes and sequence flows, nothing else. */

export type FlowNodeKind =
  | 'start'
  | 'end'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'other';

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  /** True when an instance stops here until something outside happens (user/service task, timer, message). */
  waitState: boolean;
  /**
   * Optional extension: an interrupting boundary event linked from its host by a flow. The host leaving through
   * it is an alternative to its normal exit, not a fork, so it does not count towards IMPLICIT_SPLIT.
   */
  boundary?: boolean;
}

export interface SequenceFlow {
  id: string;
  sourceRef: string;
  targetRef: string;
}

/**
 * ONE scope: a process body or one subprocess body. Boundary events are normally left out; a caller that wants
 * an interrupting boundary path checked adds the event as a node with `boundary: true` and a flow from its host
 * (its path then counts as a branch of any block the host is in). A non-interrupting path that runs on its own
 * can be added as a node of kind 'start' instead, so that reachability counts it.
 */
export interface FlowGraph {
  nodes: FlowNode[];
  flows: SequenceFlow[];
}
