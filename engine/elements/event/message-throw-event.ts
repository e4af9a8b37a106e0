/** @module Message intermediate throw event: as in Zeebe, a job whose worker sends the message; the path waits for it. */
import { jobElementState, validateJobElement } from '../behaviors/job-element';
import type { ElementHandler } from '../element-handler';

export const messageThrowEvent: ElementHandler<'messageThrowEvent'> = {
  kind: 'messageThrowEvent',
  validate: (el, model) => validateJobElement(el, model, ['消息抛出事件', 'message throw event']),
  compile: (el, cc) => jobElementState(el, cc),
};
