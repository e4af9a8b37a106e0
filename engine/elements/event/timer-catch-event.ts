/** @module Intermediate timer catch event (duration or date): schedules on entry, moves on when the runtime fires it. */
import { elementState, leaveOn } from '../behaviors/activity';
import { fireTimer, scheduleTimer, timerDef, timerMatches, validateTimer } from '../behaviors/timer';
import type { CompileCtx, ElementHandler } from '../element-handler';
import type { ModelElement } from '../../types';
import { fromEventGateway } from './from-event-gateway';

export const timerCatchEvent: ElementHandler<'timerCatchEvent'> = {
  kind: 'timerCatchEvent',
  validate: (el) => validateTimer(el, ['duration', 'date']),
  compile: (el, cc) => (fromEventGateway(el, cc.model) ? null : onFire(el, cc)),
  actions: {
    'timer.schedule': (ctx, _e, p) => scheduleTimer(ctx, p.el, p.def, p.el),
    'timer.fired': (ctx, e) => fireTimer(ctx, e),
  },
  guards: { 'timer.matches': (ctx, e, p) => timerMatches(ctx, e, p.el) },
};

function onFire(el: ModelElement, cc: CompileCtx) {
  const exit = leaveOn(el.id, cc.next(el), [{ type: 'timer.fired' }], {
    type: 'timer.matches',
    params: { el: el.id },
  });
  return elementState(el, cc, {
    entry: [{ type: 'timer.schedule', params: { el: el.id, def: timerDef(el) } }],
    on: { 'timer.fire': [exit.on] },
    always: [exit.always],
  });
}
