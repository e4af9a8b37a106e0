/**
 * @module Elements that Zeebe runs as jobs besides the service task (send task, message intermediate throw, message
 * end event): the same job, retries, headers and io-mappings, so they share the service task's compiled state and
 * actions; only the deploy-time message names the element the modeller drew.
 */
import { issue } from '../../bpmn/issue';
import type { ValidationIssue } from '../../contract';
import type { ModelElement, ProcessModel } from '../../types';
import type { CompileCtx, StateConfig } from '../element-handler';
import { serviceTask } from '../task/service-task';
import { ext } from './zeebe';

export function validateJobElement(
  el: ModelElement,
  model: ProcessModel,
  [zh, en]: [string, string],
): ValidationIssue[] {
  if (!ext(el.source, 'zeebe:TaskDefinition')?.type)
    return [
      issue(
        el.id,
        'job.missing-type',
        `${zh}缺少作业类型（zeebe:taskDefinition type）：Camunda 8 以作业执行它`,
        `${en} lacks a job type (zeebe:taskDefinition type): Camunda 8 runs it as a job`,
      ),
    ];
  return serviceTask.validate?.(el, model) ?? [];
}

/** The service task's job state; `end` makes the job's completion end the path (message end event). */
export function jobElementState(el: ModelElement, cc: CompileCtx, end = false): StateConfig | null {
  return serviceTask.compile(el, end ? { ...cc, next: () => cc.endTarget } : cc);
}
