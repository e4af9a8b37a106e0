/** @module None intermediate throw event: a milestone drawn on the path; recorded in history and passed through (as in Zeebe). */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const noneThrowEvent: ElementHandler<'noneThrowEvent'> = {
  kind: 'noneThrowEvent',
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
