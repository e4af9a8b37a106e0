/** @module Structural analysis of one BPMN scope's flow graph: block-structured concurrency, loops, reachability. */
export { analyzeGraph } from './analyze-graph';
export type { FlowGraph, FlowNode, FlowNodeKind, SequenceFlow } from './types';
