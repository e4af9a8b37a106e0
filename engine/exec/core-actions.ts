/** @module The generic named actions and guards of the engine library (element-specific ones live with their handlers). */
import type { ActionFn, GuardFn } from '../elements/element-handler';
import { listenerActions, listenerGuards } from '../elements/behaviors/execution-listeners';
import { subscribe } from '../elements/behaviors/message';
import { scheduleTimer } from '../elements/behaviors/timer';
import { sideChildId } from './children';
import { type Ctx, emit, history } from './context';
import { closeOwned, consumedKey } from './closing';
import { activate, dropItem, hasIncident, raiseIncident } from './ops';

function forgetRoute(ctx: Ctx, el: string): Ctx {
  if (!(el in ctx.route)) return ctx;
  const route = { ...ctx.route };
  delete route[el];
  return { ...ctx, route };
}

/** Generic actions every element state uses (entry, exit, completion, incidents, boundaries). */
export const coreActions: Record<string, ActionFn> = {
  ...listenerActions,
  'element.activate': (ctx, _e, p) => forgetRoute(activate(ctx, p.el), p.el),
  // The event that triggers the exit spares the item it consumes itself (see consumedKey); the element's gateway
  // decision is forgotten so the context does not grow with every element passed.
  'element.close': (ctx, e, p) => forgetRoute(closeOwned(ctx, p.el, consumedKey(e)), p.el),
  'element.complete': (ctx, _e, p) => {
    history('element.completed', p.el);
    return ctx;
  },
  'element.interrupted': (ctx, _e, p) => {
    history('element.terminated', p.el);
    return ctx;
  },
  'incident.resolve': (ctx, e) => {
    const item = ctx.open[e.incidentKey];
    if (!item) return ctx;
    emit({ type: 'incident.resolved', incidentKey: e.incidentKey });
    history('incident.resolved', item.el, { incidentKey: e.incidentKey });
    return dropItem(ctx, e.incidentKey);
  },
  'boundary.arm': (ctx, _e, p) => {
    let next = ctx;
    for (const a of p.arm) {
      if (a.timer) next = scheduleTimer(next, a.el, a.timer, p.host, p.host, a.interrupting);
      else if (a.message) next = subscribe(next, a.el, a.message, p.host, p.host);
    }
    return next;
  },
  'boundary.rearm': (ctx, e, p) => {
    // The incident is resolved by now; its element is named in the key (`el#act!n`).
    const el = /^(.*)#\d+!\d+$/.exec(String(e.incidentKey))?.[1];
    const a = p.arm.find((x: { el: string }) => x.el === el);
    if (!a) return ctx;
    if (a.timer) return scheduleTimer(ctx, a.el, a.timer, p.host, p.host, a.interrupting);
    return a.message ? subscribe(ctx, a.el, a.message, p.host, p.host) : ctx;
  },
  'boundary.fired': (ctx, _e, p) => {
    history('boundary.fired', p.el);
    return ctx;
  },
  'event-gateway.fired': (ctx, _e, p) => {
    history('element.activated', p.el);
    history('element.completed', p.el);
    return ctx;
  },
  'error.caught': (ctx, e, p) => {
    history('error.caught', p.el, { errorCode: e.errorCode ?? e.code ?? null });
    return ctx;
  },
  'error.uncaught': (ctx, e) =>
    raiseIncident(
      ctx,
      e.elementId,
      'unhandled-error',
      `BPMN error ${e.code} was not caught${e.message ? `: ${e.message}` : ''}`,
    ),
  'instance.complete': (ctx) => {
    history('instance.completed');
    return ctx;
  },
  'side.complete': (ctx) => ctx,
};

export const coreGuards: Record<string, GuardFn> = {
  ...listenerGuards,
  'element.ok': (ctx, _e, p) => !hasIncident(ctx, p.el),
  'incident.matches': (ctx, e, p) => {
    const item = ctx.open[e.incidentKey];
    return item?.t === 'incident' && p.els.includes(item.el);
  },
  'start.is': (ctx, _e, p) => (ctx.startEventId ? ctx.startEventId === p.el : p.none || p.only),
  'paths.none': (ctx) => Object.keys(ctx.paths).length === 0,
  'error.jobMatches': (ctx, e, p) =>
    e.elementId === p.host &&
    ctx.open[`${p.host}#${e.activation}`]?.t === 'job' &&
    (p.code === null || p.code === e.errorCode),
  'error.codeMatches': (_ctx, e, p) => p.code === null || p.code === e.code,
  'side.routes': (ctx, e, p) => {
    // An incident the root itself holds is retried here, even on an element whose items run in children.
    if (e.type === 'incident.retry' && ctx.open[e.incidentKey]) return false;
    const id = sideChildId(e, p.sideOf, ctx.seq === 0);
    return id !== null && id in ctx.paths;
  },
};
