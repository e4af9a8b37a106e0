/** @module Maps a moddle flow element to the ElementKind that executes it, or to the reason it is refused. */
import type { ElementKind, Moddle } from '../types';

export type Classified = { kind: ElementKind } | { refused: string; refusedEn: string; code: string };

const refuse = (code: string, refused: string, refusedEn: string): Classified => ({
  code,
  refused,
  refusedEn,
});

function eventDefinition(el: Moddle): string | null | 'many' {
  const defs: Moddle[] = el.eventDefinitions ?? [];
  if (defs.length > 1) return 'many';
  return defs[0]?.$type ?? null;
}

const EVENT_NAMES: Record<string, [string, string]> = {
  'bpmn:SignalEventDefinition': ['信号事件', 'signal event'],
  'bpmn:EscalationEventDefinition': ['升级事件', 'escalation event'],
  'bpmn:CompensateEventDefinition': ['补偿事件', 'compensation event'],
  'bpmn:ConditionalEventDefinition': ['条件事件', 'conditional event'],
  'bpmn:LinkEventDefinition': ['链接事件', 'link event'],
  'bpmn:CancelEventDefinition': ['取消事件', 'cancel event'],
  'bpmn:MessageEventDefinition': ['消息事件', 'message event'],
  'bpmn:TimerEventDefinition': ['定时事件', 'timer event'],
  'bpmn:ErrorEventDefinition': ['错误事件', 'error event'],
  'bpmn:TerminateEventDefinition': ['终止事件', 'terminate event'],
};

function refuseEvent(where: string, whereEn: string, def: string | 'many'): Classified {
  if (def === 'many')
    return refuse(
      'unsupported.multiple-event-definitions',
      `${where}含多个事件定义，不支持`,
      `${whereEn} with several event definitions is not supported`,
    );
  const [zh, en] = EVENT_NAMES[def] ?? [def, def];
  const code = def === 'bpmn:CompensateEventDefinition' ? 'unsupported.compensation' : 'unsupported.event';
  return refuse(code, `不支持${where}上的${zh}`, `${en} as ${whereEn} is not supported`);
}

/** Classify one flow element (sequence flows and artifacts are handled by the caller). */
export function classify(el: Moddle): Classified {
  const def = eventDefinition(el);
  switch (el.$type) {
    case 'bpmn:StartEvent':
      if (el.$parent?.triggeredByEvent) return classifyEventSubProcessStart(def);
      if (def === null) return { kind: 'startEvent' };
      if (def === 'bpmn:TimerEventDefinition') return { kind: 'timerStartEvent' };
      if (def === 'bpmn:MessageEventDefinition') return { kind: 'messageStartEvent' };
      if (def === 'bpmn:SignalEventDefinition') return { kind: 'signalStartEvent' };
      return refuseEvent('开始事件', 'start event', def);
    case 'bpmn:EndEvent':
      if (def === null) return { kind: 'endEvent' };
      if (def === 'bpmn:TerminateEventDefinition') return { kind: 'terminateEndEvent' };
      if (def === 'bpmn:ErrorEventDefinition') return { kind: 'errorEndEvent' };
      if (def === 'bpmn:MessageEventDefinition') return { kind: 'messageEndEvent' };
      if (def === 'bpmn:SignalEventDefinition') return { kind: 'signalEndEvent' };
      if (def === 'bpmn:EscalationEventDefinition') return { kind: 'escalationEndEvent' };
      if (def === 'bpmn:CompensateEventDefinition') return { kind: 'compensationEndEvent' };
      return refuseEvent('结束事件', 'end event', def);
    case 'bpmn:IntermediateCatchEvent':
      if (def === 'bpmn:TimerEventDefinition') return { kind: 'timerCatchEvent' };
      if (def === 'bpmn:MessageEventDefinition') return { kind: 'messageCatchEvent' };
      if (def === 'bpmn:LinkEventDefinition') return { kind: 'linkCatchEvent' };
      if (def === 'bpmn:SignalEventDefinition') return { kind: 'signalCatchEvent' };
      return refuseEvent('中间捕获事件', 'intermediate catch event', def ?? 'many');
    case 'bpmn:IntermediateThrowEvent':
      if (def === null) return { kind: 'noneThrowEvent' };
      if (def === 'bpmn:MessageEventDefinition') return { kind: 'messageThrowEvent' };
      if (def === 'bpmn:LinkEventDefinition') return { kind: 'linkThrowEvent' };
      if (def === 'bpmn:SignalEventDefinition') return { kind: 'signalThrowEvent' };
      if (def === 'bpmn:EscalationEventDefinition') return { kind: 'escalationThrowEvent' };
      if (def === 'bpmn:CompensateEventDefinition') return { kind: 'compensationThrowEvent' };
      return refuseEvent('中间抛出事件', 'intermediate throw event', def);
    case 'bpmn:BoundaryEvent':
      if (def === 'bpmn:TimerEventDefinition') return { kind: 'timerBoundaryEvent' };
      if (def === 'bpmn:ErrorEventDefinition') return { kind: 'errorBoundaryEvent' };
      if (def === 'bpmn:MessageEventDefinition') return { kind: 'messageBoundaryEvent' };
      if (def === 'bpmn:SignalEventDefinition') return { kind: 'signalBoundaryEvent' };
      if (def === 'bpmn:EscalationEventDefinition') return { kind: 'escalationBoundaryEvent' };
      if (def === 'bpmn:CompensateEventDefinition') return { kind: 'compensationBoundaryEvent' };
      return refuseEvent('边界事件', 'boundary event', def ?? 'many');
    case 'bpmn:UserTask':
      return { kind: 'userTask' };
    case 'bpmn:ServiceTask':
      return { kind: 'serviceTask' };
    case 'bpmn:ScriptTask':
      return classifyScript(el);
    case 'bpmn:BusinessRuleTask':
      return { kind: 'businessRuleTask' };
    case 'bpmn:SendTask':
      return { kind: 'sendTask' };
    case 'bpmn:ManualTask':
      return { kind: 'manualTask' };
    case 'bpmn:Task':
      return { kind: 'task' };
    case 'bpmn:ReceiveTask':
      return { kind: 'receiveTask' };
    case 'bpmn:ExclusiveGateway':
      return { kind: 'exclusiveGateway' };
    case 'bpmn:ParallelGateway':
      return { kind: 'parallelGateway' };
    case 'bpmn:InclusiveGateway':
      return { kind: 'inclusiveGateway' };
    case 'bpmn:EventBasedGateway':
      return { kind: 'eventBasedGateway' };
    case 'bpmn:SubProcess':
      if (el.triggeredByEvent) return { kind: 'eventSubProcess' };
      return { kind: 'subProcess' };
    case 'bpmn:CallActivity':
      return { kind: 'callActivity' };
    default:
      return refuse(
        'unsupported.element',
        `不支持的元素类型 ${el.$type}`,
        `element type ${el.$type} is not supported`,
      );
  }
}

/** The start of an event subprocess: its trigger is armed by the enclosing scope (container/event-sub-process.ts). */
function classifyEventSubProcessStart(def: string | null | 'many'): Classified {
  if (
    def === 'bpmn:TimerEventDefinition' ||
    def === 'bpmn:MessageEventDefinition' ||
    def === 'bpmn:SignalEventDefinition' ||
    def === 'bpmn:ErrorEventDefinition' ||
    def === 'bpmn:EscalationEventDefinition' ||
    def === 'bpmn:CompensateEventDefinition'
  )
    return { kind: 'eventSubProcessStart' };
  if (def === null)
    return refuse(
      'event-subprocess.start',
      '事件子流程的开始事件必须有触发定义（定时、消息、信号、错误或升级）',
      'the start event of an event subprocess needs a trigger (timer, message, signal, error or escalation)',
    );
  return refuseEvent('事件子流程的开始事件', 'event subprocess start', def);
}

function classifyScript(el: Moddle): Classified {
  const zeebeScript = (el.extensionElements?.values ?? []).find((v: Moddle) => v.$type === 'zeebe:Script');
  if (zeebeScript) return { kind: 'scriptTask' };
  const lang = String(el.scriptFormat ?? '未声明');
  return refuse(
    'unsupported.script-language',
    `脚本任务只支持 FEEL 表达式（zeebe:script），不运行 ${lang} 脚本：服务器上不执行任意代码`,
    `script tasks run FEEL only (zeebe:script); ${lang} scripts are refused because no arbitrary code runs on the server`,
  );
}

/** Artifacts and data elements: no execution semantics, so they are skipped on purpose (listed in the README). */
export const NON_EXECUTING = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
]);
