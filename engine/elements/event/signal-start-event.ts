/** @module Signal start event: a broadcast of its signal starts an instance here (CompiledProcess.info.signalStarts). */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { validateSignal } from './signal-spec';

export const signalStartEvent: ElementHandler<'signalStartEvent'> = {
  kind: 'signalStartEvent',
  validate: (el) => validateSignal(el),
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
