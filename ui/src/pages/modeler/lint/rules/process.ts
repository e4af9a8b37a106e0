/** @module ui/pages/modeler/lint/rules/process: what a process and each embedded subprocess must hold (starts, ends). */
import { eventDefinitionOf, is, ruleFor } from '../rule-kit';

const flowNodes = (scope: any): any[] =>
  (scope.flowElements ?? []).filter((e: any) => is(e, 'bpmn:FlowNode'));
const noneStarts = (nodes: any[]) =>
  nodes.filter((n) => is(n, 'bpmn:StartEvent') && eventDefinitionOf(n) === null);

/** engine/bpmn/validate.ts: a process needs a start event and at most one none start event. */
export const processStart = ruleFor(['bpmn:Process'], (node, report) => {
  const nodes = flowNodes(node);
  if (!nodes.some((n) => is(n, 'bpmn:StartEvent')))
    report(node.id, '流程没有开始事件', 'the process has no start event');
  else if (noneStarts(nodes).length > 1)
    report(node.id, '流程有多个空开始事件', 'the process has several none start events');
});

/** engine/elements/container/sub-process.ts: exactly one none start event inside. */
export const subProcessStart = ruleFor(['bpmn:SubProcess'], (node, report) => {
  if (node.triggeredByEvent || is(node, 'bpmn:AdHocSubProcess') || is(node, 'bpmn:Transaction')) return;
  const nodes = flowNodes(node);
  const starts = nodes.filter((n) => is(n, 'bpmn:StartEvent'));
  if (starts.length !== 1 || noneStarts(nodes).length !== 1)
    report(
      node.id,
      '嵌入子流程必须恰有一个空开始事件',
      'an embedded subprocess needs exactly one none start event',
    );
});

/** Without an end event no path can finish (the server's DEAD_END on every element); said once, on the scope. */
export const endRequired = ruleFor(['bpmn:Process', 'bpmn:SubProcess'], (node, report) => {
  if (node.triggeredByEvent || is(node, 'bpmn:AdHocSubProcess')) return;
  const nodes = flowNodes(node);
  if (nodes.length && !nodes.some((n) => is(n, 'bpmn:EndEvent')))
    report(
      node.id,
      is(node, 'bpmn:Process') ? '流程没有结束事件，实例将无法结束' : '子流程没有结束事件，将无法完成',
      is(node, 'bpmn:Process')
        ? 'the process has no end event, so an instance could never finish'
        : 'the subprocess has no end event, so it could never complete',
    );
});
