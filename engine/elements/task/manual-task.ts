/** @module Manual task: work done outside the system; the engine records it and passes on. */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';

export const manualTask: ElementHandler<'manualTask'> = {
  kind: 'manualTask',
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
