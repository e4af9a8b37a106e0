/** @module ui/pages/modeler/lint/rules/flow: sequence-flow checks of the server (gateways, splits, starts) plus disconnected elements. */
import { blank, eventDefinitionOf, incomingOf, is, isAny, outgoingOf, ruleFor } from '../rule-kit';

const DECIDING = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

/** engine/elements/gateway/decide.ts: a deciding split needs a way out and a FEEL condition on each non-default flow. */
export const gatewayConditions = ruleFor(['bpmn:Gateway'], (node, report) => {
  const outgoing = outgoingOf(node);
  if (!outgoing.length) {
    report(node.id, `网关 ${node.id} 没有出口顺序流`, `gateway ${node.id} has no outgoing flow`);
    return;
  }
  if (!isAny(node, DECIDING) || outgoing.length < 2) return;
  for (const flow of outgoing) {
    if (flow === node.default) continue;
    const condition = flow.conditionExpression?.body;
    if (blank(condition))
      report(
        flow.id,
        `网关 ${node.id} 的出口顺序流缺少条件（默认流除外）`,
        `outgoing flow of gateway ${node.id} lacks a condition (only the default flow may)`,
      );
    else if (!String(condition).trim().startsWith('='))
      report(
        flow.id,
        `条件必须是 FEEL 表达式（以 = 开头），而不是 ${condition}`,
        `conditions must be FEEL (starting with =), not ${condition}`,
      );
  }
});

/** engine/bpmn/validate.ts flowRules: conditions belong on gateway exits only. */
export const conditionalFromActivity = ruleFor(['bpmn:SequenceFlow'], (node, report) => {
  if (node.conditionExpression && !is(node.sourceRef, 'bpmn:Gateway'))
    report(node.id, '条件顺序流只能从网关出发', 'conditional sequence flows may leave gateways only');
});

/** engine/bpmn/graph IMPLICIT_SPLIT: several flows out of a non-gateway start all of them at once. */
export const implicitSplit = ruleFor(['bpmn:FlowNode'], (node, report) => {
  if (is(node, 'bpmn:Gateway') || outgoingOf(node).length < 2) return;
  report(
    node.id,
    `元素“${node.id}”有多条流出顺序流，会同时激活所有分支；请用排他网关选择一条路径，或用并行网关明确表示并行。`,
    `Element "${node.id}" has several outgoing sequence flows, which would start all of them at once; use an exclusive gateway to choose one path or a parallel gateway to make the concurrency explicit.`,
  );
});

export const startIncoming = ruleFor(['bpmn:StartEvent'], (node, report) => {
  if (incomingOf(node).length)
    report(node.id, '开始事件不能有入口顺序流', 'a start event cannot have incoming flows');
});

/** An element with no flow in or out never runs (the server reports it as unreachable). */
export const disconnected = ruleFor(['bpmn:FlowNode'], (node, report) => {
  if (incomingOf(node).length || outgoingOf(node).length) return;
  if (is(node, 'bpmn:SubProcess') && node.triggeredByEvent) return;
  if (is(node.$parent, 'bpmn:AdHocSubProcess')) return;
  if (is(node, 'bpmn:BoundaryEvent') && eventDefinitionOf(node) === 'bpmn:CompensateEventDefinition') return;
  report(
    node.id,
    `元素“${node.id}”没有连接任何顺序流`,
    `Element "${node.id}" is not connected to any sequence flow`,
  );
});

/** engine/elements/gateway/event-based-gateway.ts */
export const eventGatewayTargets = ruleFor(['bpmn:EventBasedGateway'], (node, report) => {
  const targets = outgoingOf(node).map((f: any) => f.targetRef);
  const ok = (t: any) =>
    is(t, 'bpmn:IntermediateCatchEvent') &&
    ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition'].includes(eventDefinitionOf(t) ?? '');
  if (targets.length < 2 || !targets.every(ok))
    report(
      node.id,
      '事件网关的出口必须都是定时或消息中间捕获事件（至少两个）',
      'an event-based gateway must lead to two or more timer or message catch events',
    );
});
