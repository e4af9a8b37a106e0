/** @module Test support for BPMN processes: the in-memory harness. */
export { deploy, Harness, type HarnessOptions } from './harness';
export { fixture } from './fixture';
