/** @module Plain (undefined) task: no behaviour, passes on; useful as a placeholder while a diagram is drafted. */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const task: ElementHandler<'task'> = {
  kind: 'task',
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
