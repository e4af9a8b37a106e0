/**
 * @module ui/pages/modeler/diff/labels: a diff entry as a person names it: the element's name, a flow as "from → to"
 * (or its own name), an unnamed element by its kind; changed attributes in words. Ids like `Flow_13t2qym` never
 * show; they stay in the tooltip for whoever needs them.
 */
import type { Lang } from '../../../i18n';
import type { DiffEntry } from './compare';

const TYPES: Record<string, [string, string]> = {
  UserTask: ['用户任务', 'User task'],
  Task: ['任务', 'Task'],
  ServiceTask: ['服务任务', 'Service task'],
  SendTask: ['发送任务', 'Send task'],
  ReceiveTask: ['接收任务', 'Receive task'],
  ScriptTask: ['脚本任务', 'Script task'],
  BusinessRuleTask: ['业务规则任务', 'Business rule task'],
  ManualTask: ['手工任务', 'Manual task'],
  CallActivity: ['调用活动', 'Call activity'],
  SubProcess: ['子流程', 'Sub-process'],
  StartEvent: ['开始事件', 'Start event'],
  EndEvent: ['结束事件', 'End event'],
  BoundaryEvent: ['边界事件', 'Boundary event'],
  IntermediateCatchEvent: ['中间捕获事件', 'Intermediate catch event'],
  IntermediateThrowEvent: ['中间抛出事件', 'Intermediate throw event'],
  ExclusiveGateway: ['排他网关', 'Exclusive gateway'],
  ParallelGateway: ['并行网关', 'Parallel gateway'],
  InclusiveGateway: ['包容网关', 'Inclusive gateway'],
  EventBasedGateway: ['事件网关', 'Event-based gateway'],
  SequenceFlow: ['连线', 'Flow'],
  Process: ['流程', 'Process'],
  TextAnnotation: ['注释', 'Annotation'],
};

const ATTRS: [RegExp, string, string][] = [
  [/^name$/, '名称', 'name'],
  [/candidateGroups/, '候选组', 'candidate groups'],
  [/candidateUsers/, '候选人', 'candidate users'],
  [/assignee/, '办理人', 'assignee'],
  [/formId|formKey/, '表单', 'form'],
  [/dueDate/, '期限', 'due date'],
  [/followUpDate/, '跟进日期', 'follow-up date'],
  [/conditionExpression/, '条件', 'condition'],
  [/loopCharacteristics/, '多人审批方式', 'approval mode'],
  [
    /values\[\d+\]\.(key|value)|TaskHeaders|headers/i,
    '任务头（字段权限、抄送等）',
    'task headers (field access, CC…)',
  ],
  [/timeDuration|timeDate|timeCycle/, '定时', 'timer'],
  [/default/, '默认路径', 'default flow'],
  [/(source|target)Ref|incoming|outgoing/, '连接', 'connections'],
  [/^\$type$/, '类型', 'type'],
];

export function typeLabel(type: string, lang: Lang): string {
  const t = TYPES[type];
  return t ? t[lang === 'en' ? 1 : 0] : type;
}

/** What a person calls the element: its name, else for a flow "from → to", else its kind. */
export function entryLabel(e: DiffEntry, lang: Lang): string {
  if (e.name) return e.name;
  // an unnamed end is given by its kind (compare.ts writes the type then), in the UI's language
  const end = (x: string | undefined) => (x && TYPES[x] ? typeLabel(x, lang) : (x ?? '?'));
  if (e.type === 'SequenceFlow' && (e.from || e.to)) return `${end(e.from)} → ${end(e.to)}`;
  return typeLabel(e.type, lang);
}

/** The changed attributes in words, each once; unknown paths are summed up as "other settings". */
export function attrLabels(attrs: string[] | undefined, lang: Lang): string[] {
  const i = lang === 'en' ? 2 : 1;
  const out = new Set<string>();
  for (const a of attrs ?? []) {
    const hit = ATTRS.find(([re]) => re.test(a));
    out.add(hit ? hit[i] : lang === 'en' ? 'other settings' : '其他设置');
  }
  return [...out];
}
