/**
 * @module Event-based gateway: arms every following timer/message catch event at once; the first to fire wins, the
 * gateway's exit cancels the others. The catch events compile into this state (they have none of their own).
 */
import { issue } from '../../bpmn/issue';
import { elementState, leaveOn } from '../behaviors/activity';
import { messageSpec } from '../behaviors/message';
import { timerDef } from '../behaviors/timer';
import { signalSpec } from '../event/signal-spec';
import type { Cfg, ElementHandler } from '../element-handler';

export const eventBasedGateway: ElementHandler<'eventBasedGateway'> = {
  kind: 'eventBasedGateway',
  validate: (el, model) => {
    const targets = el.outgoing.map((f) => model.elements.get(model.flows.get(f)?.targetRef ?? ''));
    const bad = targets.filter(
      (t) =>
        !t ||
        (t.kind !== 'timerCatchEvent' && t.kind !== 'messageCatchEvent' && t.kind !== 'signalCatchEvent'),
    );
    return bad.length || targets.length < 2
      ? [
          issue(
            el.id,
            'event-gateway.targets',
            '事件网关的出口必须都是定时、消息或信号中间捕获事件（至少两个）',
            'an event-based gateway must lead to two or more timer, message or signal catch events',
          ),
        ]
      : [];
  },
  compile: (el, cc) => {
    const arm: Cfg[] = [];
    const on: Record<string, Cfg[]> = { 'timer.fire': [], 'message.correlate': [] };
    const always: Cfg[] = [];
    for (const f of el.outgoing) {
      const c = cc.model.elements.get(cc.model.flows.get(f)?.targetRef ?? '');
      if (!c) continue;
      const isTimer = c.kind === 'timerCatchEvent';
      const fired = [
        { type: 'event-gateway.fired', params: { el: c.id } },
        { type: isTimer ? 'timer.fired' : 'message.correlated' },
      ];
      const guard = { type: isTimer ? 'timer.matches' : 'message.matches', params: { el: c.id } };
      const exit = leaveOn(el.id, cc.next(c), fired, guard);
      // A signal catch subscribes like a message catch (kind 'signal'): the same correlate event answers it.
      const spec = c.kind === 'signalCatchEvent' ? signalSpec(c) : messageSpec(c);
      arm.push(isTimer ? { el: c.id, timer: timerDef(c) } : { el: c.id, message: spec });
      on[isTimer ? 'timer.fire' : 'message.correlate'].push(exit.on);
      always.push(exit.always);
    }
    // A failing timer/correlation expression is an incident on the catch event; retrying re-arms just that one.
    const catches = arm.map((a) => (a as { el: string }).el);
    on['incident.retry'] = [
      {
        guard: { type: 'incident.matches', params: { els: catches } },
        actions: [{ type: 'incident.resolve' }, { type: 'boundary.rearm', params: { host: el.id, arm } }],
      },
    ];
    return elementState(el, cc, {
      entry: [{ type: 'boundary.arm', params: { host: el.id, arm } }],
      on,
      always,
    });
  },
};
