/** @module Message boundary event, interrupting (e.g. 撤回 withdraw) or not (the path runs as a side path). */
import { isNonInterrupting } from '../../bpmn/scope-graph';
import { leaveOn } from '../behaviors/activity';
import { messageSpec, validateMessage } from '../behaviors/message';
import type { ElementHandler } from '../element-handler';

export const messageBoundaryEvent: ElementHandler<'messageBoundaryEvent'> = {
  kind: 'messageBoundaryEvent',
  validate: (el) => validateMessage(el),
  compile: () => null,
  attach: (el, cc) => {
    const guard = { type: 'message.matches', params: { el: el.id } };
    const fired = [{ type: 'boundary.fired', params: { el: el.id } }, { type: 'message.correlated' }];
    const arm = { el: el.id, message: messageSpec(el) };
    if (isNonInterrupting(el))
      return {
        arm,
        on: {
          'message.correlate': [
            {
              guard,
              actions: [
                { type: 'boundary.fired', params: { el: el.id } },
                { type: 'message.correlatedKeep' },
                { type: 'side.spawn', params: { boundary: el.id } },
              ],
            },
          ],
        },
      };
    const exit = leaveOn(el.attachedTo as string, cc.next(el), fired, guard, true);
    return { arm, on: { 'message.correlate': [exit.on] }, always: [exit.always] };
  },
};
