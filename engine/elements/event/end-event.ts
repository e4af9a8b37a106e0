/** @module None end event: ends its path (the scope completes when its last path ends; a parallel branch reaches its join). */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const endEvent: ElementHandler<'endEvent'> = {
  kind: 'endEvent',
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.endTarget)] }),
};
