/**
 * @module Timer boundary event. Interrupting: leaving the activity for the boundary's path (the exit closes its task,
 * job and timers). Non-interrupting: the activity stays and the boundary's path runs as a spawned side path, once per
 * fire; a cycle (R/P1D) fires again until the activity is left. This is how overdue reminders (催办) work.
 */
import { isNonInterrupting } from '../../bpmn/scope-graph';
import { leaveOn } from '../behaviors/activity';
import { timerDef, validateTimer } from '../behaviors/timer';
import type { ElementHandler } from '../element-handler';

export const timerBoundaryEvent: ElementHandler<'timerBoundaryEvent'> = {
  kind: 'timerBoundaryEvent',
  validate: (el) =>
    validateTimer(el, isNonInterrupting(el) ? ['duration', 'date', 'cycle'] : ['duration', 'date']),
  compile: () => null,
  attach: (el, cc) => {
    const guard = { type: 'timer.matches', params: { el: el.id } };
    const interrupting = !isNonInterrupting(el);
    const fired = [{ type: 'boundary.fired', params: { el: el.id } }, { type: 'timer.fired' }];
    const arm = { el: el.id, timer: timerDef(el), interrupting };
    if (!interrupting)
      return {
        arm,
        on: {
          'timer.fire': [{ guard, actions: [...fired, { type: 'side.spawn', params: { boundary: el.id } }] }],
        },
      };
    const exit = leaveOn(el.attachedTo as string, cc.next(el), fired, guard, true);
    return { arm, on: { 'timer.fire': [exit.on] }, always: [exit.always] };
  },
};
