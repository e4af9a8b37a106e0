/** @module Message start event: the runtime starts an instance when the message arrives (CompiledProcess.info.messageStarts). */
import { elementState, leave } from '../behaviors/activity';
import { validateMessage } from '../behaviors/message';
import type { ElementHandler } from '../element-handler';

export const messageStartEvent: ElementHandler<'messageStartEvent'> = {
  kind: 'messageStartEvent',
  validate: (el) => validateMessage(el),
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
