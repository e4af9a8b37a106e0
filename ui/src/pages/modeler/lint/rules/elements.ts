/**
 * @module ui/pages/modeler/lint/rules/elements: each element kind's own deploy checks (engine/elements/**), live.
 * Which kinds run at all comes from the server's own classifier, so the modeler and a deploy never disagree on it.
 */
import { classify } from '../../../../../../engine/bpmn/classify';
import { blank, eventDefinitionOf, ext, is, type RuleFactory, ruleFor } from '../rule-kit';

/** Flow nodes the engine refuses (signal events, send tasks, event subprocesses, JavaScript...), with its words. */
export const unsupportedElement: RuleFactory = (config) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:FlowNode') || !node.id) return;
    const c = classify(node);
    if ('refused' in c) {
      reporter.report(node.id, config?.lang === 'en' ? c.refusedEn : c.refused);
      return;
    }
    const loop = node.loopCharacteristics;
    if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      const en = 'standard loops are not supported; use multi-instance or a gateway loop';
      reporter.report(
        node.id,
        config?.lang === 'en' ? en : '不支持标准循环（standardLoop），请用多实例或网关回路',
      );
    } else if (loop && !['userTask', 'subProcess', 'callActivity'].includes(c.kind)) {
      const en = 'multi-instance is supported on user tasks only';
      reporter.report(node.id, config?.lang === 'en' ? en : '只有用户任务支持多实例');
    }
  },
});

const TIMER_KINDS: [string, string][] = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
];

/** Timer events need a time definition of a kind the event supports (engine/elements/behaviors/timer.ts). */
export const timerDefinition = ruleFor(['bpmn:Event'], (node, report) => {
  if (eventDefinitionOf(node) !== 'bpmn:TimerEventDefinition') return;
  const def = node.eventDefinitions[0];
  const found = TIMER_KINDS.find(([prop]) => !blank(def[prop]?.body));
  if (!found) {
    report(node.id, '定时事件缺少时间定义', 'timer event has no time definition');
    return;
  }
  const kind = found[1];
  const allowed = is(node, 'bpmn:StartEvent')
    ? ['cycle', 'date']
    : is(node, 'bpmn:BoundaryEvent') && node.cancelActivity === false
      ? ['duration', 'date', 'cycle']
      : ['duration', 'date'];
  if (!allowed.includes(kind))
    report(node.id, `此处不支持 ${kind} 类定时`, `a ${kind} timer is not supported here`);
});

/** Message events and receive tasks need a named message (engine/elements/behaviors/message.ts). */
export const messageReference = ruleFor(['bpmn:Event', 'bpmn:ReceiveTask'], (node, report) => {
  const isReceive = is(node, 'bpmn:ReceiveTask');
  if (!isReceive && eventDefinitionOf(node) !== 'bpmn:MessageEventDefinition') return;
  if (is(node, 'bpmn:EndEvent') || is(node, 'bpmn:IntermediateThrowEvent')) return; // refused as a kind already
  const msg = isReceive ? node.messageRef : node.eventDefinitions[0].messageRef;
  if (blank(msg?.name))
    report(
      node.id,
      '消息事件缺少消息（messageRef 及名称）',
      'message event lacks a message (messageRef with a name)',
    );
});

/** A service task's job type is how a worker finds it. */
export const serviceTaskType = ruleFor(['bpmn:ServiceTask'], (node, report) => {
  if (blank(ext(node, 'zeebe:TaskDefinition')?.type))
    report(
      node.id,
      '服务任务缺少作业类型（zeebe:taskDefinition type）',
      'service task lacks a job type (zeebe:taskDefinition type)',
    );
});

export const errorEndCode = ruleFor(['bpmn:EndEvent'], (node, report) => {
  if (eventDefinitionOf(node) !== 'bpmn:ErrorEventDefinition') return;
  if (blank(node.eventDefinitions[0].errorRef?.errorCode))
    report(
      node.id,
      '错误结束事件缺少错误码（errorRef errorCode）',
      'error end event lacks an error code (errorRef errorCode)',
    );
});

export const errorBoundaryHost = ruleFor(['bpmn:BoundaryEvent'], (node, report) => {
  if (eventDefinitionOf(node) !== 'bpmn:ErrorEventDefinition') return;
  const host = node.attachedToRef;
  const ok = is(host, 'bpmn:ServiceTask') || (is(host, 'bpmn:SubProcess') && !host.triggeredByEvent);
  if (!ok)
    report(
      node.id,
      '错误边界事件只能附着在服务任务或子流程上',
      'error boundary events attach to service tasks or subprocesses only (a called process reports no BPMN errors back)',
    );
});

export const calledProcess = ruleFor(['bpmn:CallActivity'], (node, report) => {
  if (blank(ext(node, 'zeebe:CalledElement')?.processId))
    report(
      node.id,
      '调用活动缺少被调流程（zeebe:calledElement processId）',
      'call activity lacks the called process (zeebe:calledElement processId)',
    );
  else if (node.loopCharacteristics)
    report(node.id, '暂不支持多实例调用活动', 'multi-instance call activities are not supported yet');
});

export const scriptTask = ruleFor(['bpmn:ScriptTask'], (node, report) => {
  const s = ext(node, 'zeebe:Script');
  if (s && (blank(s.expression) || blank(s.resultVariable)))
    report(
      node.id,
      'FEEL 脚本任务需要 expression 和 resultVariable',
      'a FEEL script task needs expression and resultVariable',
    );
});
