/** @module Timer behaviour shared by catch events, boundary events and event-based gateways: schedule on entry, fire by key. */
import type { Effect, ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import { type Ctx, emit, history, keyOf, stepEnv } from '../../exec/context';
import { isFeel } from '../../exec/feel';
import { activationOf, dropItem, openItem, raiseIncident } from '../../exec/ops';
import { checkStaticTimer, computeDue, type TimerDef, timerDefOf } from '../../exec/timers';
import type { ModelElement } from '../../types';
import type { AnyEvent } from '../element-handler';
import { checkFeel } from './feel-check';

export function timerDef(el: ModelElement): TimerDef | null {
  return timerDefOf(el.source.eventDefinitions?.[0]);
}

export function validateTimer(el: ModelElement, allowed: TimerDef['kind'][]): ValidationIssue[] {
  const def = timerDef(el);
  if (!def)
    return [issue(el.id, 'timer.missing', '定时事件缺少时间定义', 'timer event has no time definition')];
  if (!allowed.includes(def.kind)) {
    return [
      issue(
        el.id,
        'timer.kind',
        `此处不支持 ${def.kind} 类定时`,
        `a ${def.kind} timer is not supported here`,
      ),
    ];
  }
  if (isFeel(def.expr)) return checkFeel(el.id, def.expr, ['定时', 'the timer']);
  const bad = checkStaticTimer(def);
  return bad
    ? [
        issue(
          el.id,
          'timer.syntax',
          `定时值 ${def.expr} 无效：${bad}`,
          `timer value ${def.expr} is invalid: ${bad}`,
        ),
      ]
    : [];
}

/** Schedule the timer of `el` (activation taken from `actOf`, e.g. the host activity for boundary events). */
export function scheduleTimer(
  ctx: Ctx,
  el: string,
  def: TimerDef,
  actOf: string,
  host?: string,
  interrupting?: boolean,
): Ctx {
  const act = activationOf(ctx, actOf);
  const due = computeDue(ctx, def, stepEnv().at);
  if (!due.ok) return raiseIncident(ctx, el, 'timer-expression', due.message, due.expression, host);
  const timerKey = keyOf(el, act);
  const effect: Extract<Effect, { type: 'timer.scheduled' }> = {
    type: 'timer.scheduled',
    timerKey,
    dueAt: due.dueAt,
    elementId: el,
    activation: act,
  };
  if (due.cycle) effect.cycle = due.cycle;
  if (due.left !== undefined) effect.repetitionsLeft = due.left;
  if (interrupting !== undefined) effect.interrupting = interrupting;
  emit(effect);
  return openItem(ctx, timerKey, { t: 'timer', el, host, act, cycle: due.cycle, left: due.left });
}

export const timerMatches = (ctx: Ctx, event: AnyEvent, el: string) => {
  const item = ctx.open[event.timerKey];
  return item?.t === 'timer' && item.el === el;
};

/** A fired timer: a one-shot or exhausted cycle is gone; a cycle with repetitions left stays (the runtime reschedules). */
export function fireTimer(ctx: Ctx, event: AnyEvent): Ctx {
  const key: string = event.timerKey;
  const item = ctx.open[key];
  if (!item) return ctx;
  history('timer.fired', item.el, { timerKey: key });
  if (item.cycle && item.left !== 0) {
    return openItem(ctx, key, { ...item, left: item.left === undefined ? undefined : item.left - 1 });
  }
  return dropItem(ctx, key);
}
