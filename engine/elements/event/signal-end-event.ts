/** @module Signal end event: broadcasts its signal, then ends its path like a none end event. */
import { elementState, leave, okGuard } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { throwParams, validateSignal } from './signal-spec';

export const signalEndEvent: ElementHandler<'signalEndEvent'> = {
  kind: 'signalEndEvent',
  validate: (el) => validateSignal(el, true),
  // 'signal.throw' is the throw event's action (one library of named actions).
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'signal.throw', params: throwParams(el) }],
      always: [leave(el.id, cc.endTarget, [], okGuard(el.id))],
    }),
};
