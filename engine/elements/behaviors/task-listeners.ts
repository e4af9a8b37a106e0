/**
 * @module Zeebe user task listeners (`zeebe:taskListener eventType type retries`, Camunda 8.6+/8.8) as jobs, on the
 * listener chains of execution-listeners.ts: `creating` listeners run one after another before the task is created
 * (after the element's execution start listeners; like them, while the element shows as activating, where Zeebe
 * has already activated it), `completing` ones after the assignee completed the task and
 * before the process moves on (before its execution end listeners). Each is a job a worker completes like a service
 * task's; its variables merge into the process. The job's headers carry `io.camunda.zeebe:taskListenerEventType`.
 *
 * Refused, each with its reason: `assigning`, `updating` and `canceling` (assignment changes are runtime acts here,
 * not engine steps, so nothing would hold them); listeners on a multi-instance user task (Zeebe runs them per item,
 * our chain would run once for the body); anything but a user task. A completing listener cannot deny or correct
 * the completion: the task is closed when the user completes it (Camunda 8.8's `result.denied` is not offered).
 */
import type { ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import type { ModelElement } from '../../types';
import { ext } from './zeebe';

export interface TaskListener {
  eventType: string;
  type: string;
  retries: number;
  headers: Record<string, string>;
}

const RUN = new Set(['creating', 'completing']);
const KNOWN = new Set(['creating', 'assigning', 'updating', 'completing', 'canceling']);

const rawOf = (el: ModelElement): any[] => ext(el.source, 'zeebe:TaskListeners')?.listeners ?? [];

/** The creating and completing listeners, in document order, as listener-chain entries. */
export function taskListenersOf(el: ModelElement): { creating: TaskListener[]; completing: TaskListener[] } {
  const all = rawOf(el).map((l: any): TaskListener => {
    const retries = Number(l.retries ?? 3);
    const eventType = String(l.eventType ?? '');
    return {
      eventType,
      type: String(l.type ?? ''),
      retries: Number.isFinite(retries) ? retries : 3,
      headers: { 'io.camunda.zeebe:taskListenerEventType': eventType },
    };
  });
  return {
    creating: all.filter((l) => l.eventType === 'creating'),
    completing: all.filter((l) => l.eventType === 'completing'),
  };
}

export function validateTaskListeners(el: ModelElement): ValidationIssue[] {
  const raw = rawOf(el);
  if (!raw.length) return [];
  if (el.kind !== 'userTask')
    return [
      issue(
        el.id,
        'task-listener.element',
        '任务监听器只能用于用户任务',
        'task listeners belong on user tasks only',
      ),
    ];
  if (el.loop)
    return [
      issue(
        el.id,
        'unsupported.task-listener-multi-instance',
        '暂不支持多实例用户任务上的任务监听器（Zeebe 按每个实例运行它们）',
        'task listeners on a multi-instance user task are not supported yet (Zeebe runs them per item)',
      ),
    ];
  return raw.flatMap((l: any): ValidationIssue[] => {
    const eventType = String(l.eventType ?? '');
    if (!l.type)
      return [
        issue(
          el.id,
          'task-listener.missing-type',
          '任务监听器缺少作业类型（type）',
          'task listener lacks a job type (type)',
        ),
      ];
    if (RUN.has(eventType)) return [];
    if (KNOWN.has(eventType))
      return [
        issue(
          el.id,
          'unsupported.task-listener',
          `暂不支持 ${eventType} 类任务监听器（只支持 creating 和 completing）`,
          `${eventType} task listeners are not supported yet (creating and completing are)`,
        ),
      ];
    return [
      issue(
        el.id,
        'task-listener.event-type',
        `任务监听器的事件类型“${eventType}”无效（creating、assigning、updating、completing、canceling）`,
        `"${eventType}" is not a task listener event type (creating, assigning, updating, completing, canceling)`,
      ),
    ];
  });
}
