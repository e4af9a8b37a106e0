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
}

export interface SequenceFlow {
  id: string;
  sourceRef: string;
  targetRef: string;
}

/**
 * ONE scope: a process body or one subprocess body. Boundary events are not in it; a caller that wants a
 * boundary event's outgoing path checked can add the boundary event as a node of kind 'start'.
 */
export interface FlowGraph {
  nodes: FlowNode[];
  flows: SequenceFlow[];
}
