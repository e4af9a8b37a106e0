/** @module Message end event: as in Zeebe, a job whose worker sends the message; its completion ends the path. */
import { jobElementState, validateJobElement } from '../behaviors/job-element';
import type { ElementHandler } from '../element-handler';

export const messageEndEvent: ElementHandler<'messageEndEvent'> = {
  kind: 'messageEndEvent',
  validate: (el, model) => validateJobElement(el, model, ['消息结束事件', 'message end event']),
  compile: (el, cc) => jobElementState(el, cc, true),
};
