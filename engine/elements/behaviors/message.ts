/** @module Message subscription behaviour shared by receive tasks, catch events, boundary events and event-based gateways. */
import type { ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import { type Ctx, emit, history, keyOf } from '../../exec/context';
import { activationOf, dropItem, mergeVars, openItem, raiseIncident, resolveValue } from '../../exec/ops';
import type { ModelElement, Moddle } from '../../types';
import type { AnyEvent } from '../element-handler';
import { leaveOn } from './activity';
import { checkFeel } from './feel-check';
import { ext } from './zeebe';

export interface MessageSpec {
  messageName: string;
  correlationKey?: string;
  /** A signal catch/boundary subscribes the same way, without a correlation key (elements/event/signal-spec.ts). */
  kind?: 'signal';
}

export function messageSpec(el: ModelElement): MessageSpec | null {
  const msg: Moddle =
    el.kind === 'receiveTask' ? el.source.messageRef : el.source.eventDefinitions?.[0]?.messageRef;
  if (!msg?.name) return null;
  const sub = ext(msg, 'zeebe:Subscription');
  return { messageName: String(msg.name), correlationKey: sub?.correlationKey || undefined };
}

export function validateMessage(el: ModelElement): ValidationIssue[] {
  const spec = messageSpec(el);
  if (!spec)
    return [
      issue(
        el.id,
        'message.missing',
        '消息事件缺少消息（messageRef 及名称）',
        'message event lacks a message (messageRef with a name)',
      ),
    ];
  return checkFeel(el.id, spec.correlationKey, ['关联键', 'the correlation key']);
}

export function subscribe(ctx: Ctx, el: string, spec: MessageSpec, actOf: string, host?: string): Ctx {
  const act = activationOf(ctx, actOf);
  let correlationKey: string | null = null;
  if (spec.correlationKey) {
    const r = resolveValue(ctx, spec.correlationKey);
    if (!r.ok) return raiseIncident(ctx, el, 'correlation-key', r.message, spec.correlationKey, host);
    correlationKey = r.value === null ? null : String(r.value);
  }
  const subscriptionKey = keyOf(el, act);
  emit({
    type: 'message.subscribed',
    subscriptionKey,
    messageName: spec.messageName,
    correlationKey,
    ...(spec.kind ? { kind: spec.kind } : {}),
    elementId: el,
    activation: act,
  });
  return openItem(ctx, subscriptionKey, {
    t: 'sub',
    el,
    host,
    act,
    messageName: spec.messageName,
    correlationKey,
    ...(spec.kind ? { kind: spec.kind } : {}),
  });
}

export const subscriptionMatches = (ctx: Ctx, event: AnyEvent, el: string) => {
  if (event.elementId !== el) return false;
  const item = ctx.open[keyOf(el, event.activation)];
  return item?.t === 'sub';
};

/** Correlation consumes the subscription (the runtime marks it correlated) and merges the message variables. */
export function correlate(ctx: Ctx, event: AnyEvent, keep = false): Ctx {
  const key = keyOf(event.elementId, event.activation);
  const signal = ctx.open[key]?.kind === 'signal';
  if (signal) history('signal.received', event.elementId, { signalName: event.messageName });
  else history('message.correlated', event.elementId, { messageName: event.messageName });
  if (!keep) return mergeVars(dropItem(ctx, key), event.variables);
  // A non-interrupting boundary can be triggered again while its activity runs: the subscription is announced
  // again under the same key, so the runtime (upserting by key) reopens the row it just correlated.
  const item = ctx.open[key];
  if (item) {
    emit({
      type: 'message.subscribed',
      subscriptionKey: key,
      messageName: item.messageName ?? event.messageName,
      correlationKey: item.correlationKey ?? null,
      ...(item.kind ? { kind: item.kind } : {}),
      elementId: item.el,
      activation: item.act,
    });
  }
  return mergeVars(ctx, event.variables);
}

/** The wait-then-leave transitions of an element that moves on when its message is correlated. */
export function messageExit(el: string, target: string) {
  const exit = leaveOn(el, target, [{ type: 'message.correlated' }], {
    type: 'message.matches',
    params: { el },
  });
  return { on: { 'message.correlate': [exit.on] }, always: [exit.always] };
}
