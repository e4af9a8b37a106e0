/**
 * @module Timer start event (cycle or date, e.g. a monthly bulletin). The runtime schedules it per deployed version
 * (CompiledProcess.info.timerStarts) and starts an instance with `startEventId`; inside the instance it passes on.
 */
import { elementState, leave } from '../behaviors/activity';
import { validateTimer } from '../behaviors/timer';
import type { ElementHandler } from '../element-handler';

export const timerStartEvent: ElementHandler<'timerStartEvent'> = {
  kind: 'timerStartEvent',
  validate: (el) => validateTimer(el, ['cycle', 'date']),
  compile: (el, cc) => elementState(el, cc, { always: [leave(el.id, cc.next(el))] }),
};
