/** @module Closing what elements opened: the cancelling effects, and which item an event consumes itself. */
import type { Effect } from '../contract';
import { type Ctx, emit, keyOf, type Open } from './context';

/** The effect that closes one open item, or null when nothing outside the snapshot needs closing. */
export function closingEffect(key: string, item: Open): Effect | null {
  switch (item.t) {
    case 'task':
      return { type: 'task.closed', taskKey: key, reason: 'cancelled' };
    case 'timer':
      return { type: 'timer.cancelled', timerKey: key };
    case 'job':
      return { type: 'job.cancelled', jobKey: key };
    case 'sub':
      return { type: 'message.unsubscribed', subscriptionKey: key };
    case 'child':
      return { type: 'child.cancel', childKey: key };
    case 'incident':
      return { type: 'incident.resolved', incidentKey: key };
  }
}

/**
 * Close (as cancelled) everything an element or its boundary events still hold: BPMN's "the activity is left".
 * `spare` is the item the triggering event consumes itself (the completed task, the fired timer).
 */
export function closeOwned(ctx: Ctx, el: string, spare?: string | null): Ctx {
  let open: Record<string, Open> | null = null;
  for (const key in ctx.open) {
    const item = ctx.open[key];
    if ((item.el !== el && item.host !== el) || key === spare) continue;
    open ??= { ...ctx.open };
    delete open[key];
    const effect = closingEffect(key, item);
    if (effect) emit(effect);
  }
  return open ? { ...ctx, open } : ctx;
}

/** The open item an engine event answers, if any: exit actions leave it to the transition that consumes it. */
export function consumedKey(e: { type: string; [k: string]: unknown }): string | null {
  switch (e.type) {
    case 'timer.fire':
      return String(e.timerKey);
    case 'task.complete':
      // The runtime names the task row's key (a signer's `el#act+n`, a holder's reopened `el#act~n`).
      return typeof e.taskKey === 'string'
        ? e.taskKey
        : keyOf(String(e.elementId), Number(e.activation), e.loopIndex as number | undefined);
    case 'job.complete':
    case 'job.throwError':
    case 'message.correlate':
    case 'child.completed':
      return keyOf(String(e.elementId), Number(e.activation));
    default:
      return null;
  }
}
