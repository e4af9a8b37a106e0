/** @module None start event: where an instance (or a subprocess body) begins; passes straight on. */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const startEvent: ElementHandler<'startEvent'> = {
  kind: 'startEvent',
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
