/** @module Signal boundary event, interrupting or not: armed with its host like a message boundary (a subscription of kind 'signal'). */
import { isNonInterrupting } from '../../bpmn/scope-graph';
import { leaveOn } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { signalSpec, validateSignal } from './signal-spec';

export const signalBoundaryEvent: ElementHandler<'signalBoundaryEvent'> = {
  kind: 'signalBoundaryEvent',
  validate: (el) => validateSignal(el),
  compile: () => null,
  attach: (el, cc) => {
    const guard = { type: 'message.matches', params: { el: el.id } };
    const arm = { el: el.id, message: signalSpec(el) };
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
    const fired = [{ type: 'boundary.fired', params: { el: el.id } }, { type: 'message.correlated' }];
    const exit = leaveOn(el.attachedTo as string, cc.next(el), fired, guard, true);
    return { arm, on: { 'message.correlate': [exit.on] }, always: [exit.always] };
  },
};
