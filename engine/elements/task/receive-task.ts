/** @module Receive task: waits for a message (zeebe:subscription correlationKey), like an intermediate message catch. */
import { elementState } from '../behaviors/activity';
import { messageExit, messageSpec, validateMessage } from '../behaviors/message';
import type { ElementHandler } from '../element-handler';

export const receiveTask: ElementHandler<'receiveTask'> = {
  kind: 'receiveTask',
  validate: (el) => validateMessage(el),
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'message.subscribe', params: { el: el.id, spec: messageSpec(el) } }],
      ...messageExit(el.id, cc.next(el)),
    }),
};
