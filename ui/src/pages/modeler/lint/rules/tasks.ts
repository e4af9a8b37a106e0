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

/**
 * A plain 任务 (bpmn:Task, no type) is a pass-through in the engine (engine/elements/task/task.ts): an administrator who
 * drew a "review" with it would see no one ever asked (#18). Allowed while drafting, so a warning.
 */
export const genericTask = ruleFor(['bpmn:Task'], (node, report) => {
  if (node.$type !== 'bpmn:Task') return;
  report(
    node.id,
    '通用“任务”不会产生待办，引擎会直接跳过它；需要有人办理请改为用户任务（扳手菜单或“选择模板”）',
    'a plain task creates no work: the engine passes straight through it; make it a user task (wrench menu or a template) if someone must act',
  );
});
