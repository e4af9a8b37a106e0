/** @module ui/pages/modeler/lint/rules/tasks: user tasks: someone to do them, multi-instance collections. */
import { blank, ext, isAny, ruleFor } from '../rule-kit';

/**
 * A user task offered to nobody waits forever in no inbox. The server accepts it (an administrator can still
 * assign it), so this is a warning, not an error.
 */
export const userTaskAssignment = ruleFor(['bpmn:UserTask'], (node, report) => {
  const a = ext(node, 'zeebe:AssignmentDefinition');
  if (blank(a?.assignee) && blank(a?.candidateGroups) && blank(a?.candidateUsers))
    report(
      node.id,
      '用户任务没有办理人或候选组，不会出现在任何人的待办中',
      'the user task has no assignee or candidate groups, so it appears in nobody’s inbox',
    );
});

/** engine/elements/behaviors/multi-instance.ts: a multi-instance activity loops over a collection. */
export const multiInstanceCollection = ruleFor(['bpmn:UserTask', 'bpmn:SubProcess'], (node, report) => {
  const loop = node.loopCharacteristics;
  if (!isAny(loop, ['bpmn:MultiInstanceLoopCharacteristics'])) return;
  if (blank(ext(loop, 'zeebe:LoopCharacteristics')?.inputCollection))
    report(
      node.id,
      '多实例需要 inputCollection（zeebe:loopCharacteristics）',
      'multi-instance needs an inputCollection (zeebe:loopCharacteristics)',
    );
});
