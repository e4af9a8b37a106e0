/** @module Signal intermediate throw event: broadcasts its signal (the runtime delivers it after the step) and moves on at once. */
import { elementState, leave, okGuard } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { throwParams, throwSignal, validateSignal } from './signal-spec';

export const signalThrowEvent: ElementHandler<'signalThrowEvent'> = {
  kind: 'signalThrowEvent',
  validate: (el) => validateSignal(el, true),
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'signal.throw', params: throwParams(el) }],
      always: [leave(el.id, cc.next(el), [], okGuard(el.id))],
    }),
  actions: { 'signal.throw': (ctx, _e, p) => throwSignal(ctx, p) },
};
