/** @module Send task: as in Zeebe, a job (zeebe:taskDefinition) that a worker completes after sending the message. */
import { jobElementState, validateJobElement } from '../behaviors/job-element';
import type { ElementHandler } from '../element-handler';

export const sendTask: ElementHandler<'sendTask'> = {
  kind: 'sendTask',
  validate: (el, model) => validateJobElement(el, model, ['发送任务', 'send task']),
  compile: (el, cc) => jobElementState(el, cc),
};
