/**
 * @module ui/pages/modeler/lint/rules/feel: every FEEL expression the engine will evaluate parses, checked with the
 * server's own parser (engine/expressions, feelin) so a typo shows on the element while it is being typed.
 */
import { isFeel, parseFeel } from '../../../../../../engine/expressions/parse-feel';
import { ext, is, type Node, type RuleFactory } from '../rule-kit';

type Field = [value: unknown, zh: string, en: string];

/** The FEEL-capable attributes of one element, named as the server names them in its messages. */
function fieldsOf(node: Node): Field[] {
  const a = ext(node, 'zeebe:AssignmentDefinition');
  const s = ext(node, 'zeebe:TaskSchedule');
  const fields: Field[] = [
    [a?.assignee, '处理人', 'assignee'],
    [a?.candidateGroups, '候选组', 'candidateGroups'],
    [a?.candidateUsers, '候选人', 'candidateUsers'],
    [s?.dueDate, '到期时间', 'dueDate'],
    [s?.followUpDate, '跟进时间', 'followUpDate'],
    [ext(node, 'zeebe:PriorityDefinition')?.priority, '优先级', 'priority'],
    [ext(node, 'zeebe:TaskDefinition')?.type, '作业类型', 'the job type'],
    [ext(node, 'zeebe:CalledElement')?.processId, '被调流程', 'processId'],
    [ext(node, 'zeebe:Script')?.expression, '脚本', 'the script'],
    [
      ext(node.loopCharacteristics, 'zeebe:LoopCharacteristics')?.inputCollection,
      'inputCollection',
      'inputCollection',
    ],
    [node.conditionExpression?.body, '条件', 'the condition'],
  ];
  for (const d of node.eventDefinitions ?? []) {
    for (const t of [d.timeDuration, d.timeDate, d.timeCycle])
      if (t) fields.push([t.body, '定时', 'the timer']);
    const sub = ext(d.messageRef, 'zeebe:Subscription');
    if (sub) fields.push([sub.correlationKey, '关联键', 'the correlation key']);
  }
  for (const m of [
    ...(ext(node, 'zeebe:IoMapping')?.inputParameters ?? []),
    ...(ext(node, 'zeebe:IoMapping')?.outputParameters ?? []),
  ])
    fields.push([m.source, `映射 ${m.target}`, `mapping ${m.target}`]);
  return fields;
}

export const feelSyntax: RuleFactory = (config) => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:FlowElement')) return;
    for (const [value, zh, en] of fieldsOf(node)) {
      if (!isFeel(value)) continue;
      const r = parseFeel(value);
      if (!r.ok)
        reporter.report(
          node.id,
          config?.lang === 'en'
            ? `FEEL expression of ${en} does not parse: ${r.messageEn}`
            : `${zh}的 FEEL 表达式有误：${r.message}`,
        );
    }
  },
});
