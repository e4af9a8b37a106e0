/** @module Structural analysis of one BPMN scope's flow graph: block-structured concurrency, loops, reachability. */
export { analyzeGraph } from './analyze-graph';
export type { FlowGraph, FlowNode, FlowNodeKind, SequenceFlow } from './types';
export { GRAPH_ISSUE_CODES, type GraphIssueCode } from './issues';
export { TOKEN_RUNNABLE_CODES, tokenFlowIssues } from './token-flow';
