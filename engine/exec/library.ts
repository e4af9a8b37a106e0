/**
 * @module The one library of named actions and guards every compiled machine uses (XState `setup()`), plus the
 * machine cache. Element-specific actions come from the handlers in the registry; the generic ones live here.
 */
import { type AnyStateMachine, assign, enqueueActions, raise, setup } from 'xstate';
import type { CompiledProcess, Json, Vars } from '../contract';
import type { ActionFn, AnyEvent, GuardFn, Params } from '../elements/element-handler';
import { registry } from '../elements/registry';
import { scheduleTimer } from '../elements/behaviors/timer';
import { subscribe } from '../elements/behaviors/message';
import { type ChildRef, closeChild } from './children';
import { type Ctx, emit, history, initialContext } from './context';
import { activate, childOutput, closeOwned, consumedKey, dropItem, hasIncident, raiseIncident } from './ops';

function forgetRoute(ctx: Ctx, el: string): Ctx {
  if (!(el in ctx.route)) return ctx;
  const route = { ...ctx.route };
  delete route[el];
  return { ...ctx, route };
}

const actionFns: Record<string, ActionFn> = {
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

const guardFns: Record<string, GuardFn> = {
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
    const id = sideChildId(e, p.sideOf);
    return id !== null && id in ctx.paths;
  },
};

const rawActions: Record<string, unknown> = {};
for (const h of Object.values(registry)) {
  Object.assign(actionFns, h.actions ?? {});
  Object.assign(guardFns, h.guards ?? {});
  Object.assign(rawActions, h.xstateActions ?? {});
}

/** Which side-path child an event is for: the path holding its element, spawn number = the element's activation. */
function sideChildId(e: AnyEvent, sideOf: Record<string, string>): string | null {
  let el: string = e.elementId;
  let act: number = e.activation;
  if (e.type === 'incident.retry') {
    const m = /^(.*)#(\d+)!\d+$/.exec(String(e.incidentKey));
    if (!m) return null;
    [el, act] = [m[1], Number(m[2])];
  }
  const b = sideOf[el];
  return b ? `${b}#${act}` : null;
}

const stopAllPaths = (historyType: string) =>
  enqueueActions(({ context, enqueue, self }) => {
    const children = self.getSnapshot().children as Record<string, ChildRef>;
    for (const id of Object.keys((context as Ctx).paths)) {
      closeChild(children[id]);
      enqueue.stopChild(id);
    }
    enqueue.assign({ paths: {} });
    history(historyType);
  });

const wrap = (fn: ActionFn) =>
  assign(({ context, event }, params: Params) => fn(context as Ctx, event as AnyEvent, params));

const actions: Record<string, any> = Object.fromEntries(
  Object.entries(actionFns).map(([k, fn]) => [k, wrap(fn)]),
);
Object.assign(actions, rawActions);
actions['error.throw'] = raise(({ event }) => {
  const e = event as AnyEvent;
  return { type: 'bpmn.error', code: e.errorCode, message: e.message, elementId: e.elementId };
});
actions['error.raise'] = raise((_args, p: Params) => ({ type: 'bpmn.error', code: p.code, elementId: p.el }));
actions['terminate.raise'] = raise((_args, p: Params) => ({ type: 'bpmn.terminate', elementId: p.el }));
actions['instance.cancel'] = stopAllPaths('instance.cancelled');
actions['instance.terminate'] = stopAllPaths('instance.terminated');
actions['side.spawn'] = enqueueActions(({ context, enqueue }, p: Params) => {
  const ctx = context as Ctx;
  const seq = ctx.counter + 1;
  const id = `${p.boundary}#${seq}`;
  enqueue.assign({ counter: seq, paths: { ...ctx.paths, [id]: true } });
  enqueue.spawnChild(`side:${p.boundary}`, {
    id,
    input: initialContext({ ...ctx.vars }, { seq, businessKey: ctx.businessKey }),
  });
  history('side-path.started', p.boundary, { pathId: id });
});
actions['side.forward'] = enqueueActions(({ event, enqueue }, p: Params) => {
  const id = sideChildId(event as AnyEvent, p.sideOf);
  if (id) enqueue.sendTo(id, event);
});
actions['side.done'] = assign(({ context, event }) => {
  const ctx = context as Ctx;
  const id = event.type.slice('xstate.done.actor.'.length);
  if (!(id in ctx.paths)) return {};
  const paths = { ...ctx.paths };
  delete paths[id];
  history('side-path.completed', id.slice(0, id.lastIndexOf('#')), { pathId: id });
  const output = (event as { output?: Vars }).output;
  return { paths, vars: output ? { ...ctx.vars, ...output } : ctx.vars };
});

const guards: Record<string, any> = Object.fromEntries(
  Object.entries(guardFns).map(([k, fn]) => [
    k,
    ({ context, event }: { context: unknown; event: unknown }, params: Params) =>
      fn(context as Ctx, event as AnyEvent, params),
  ]),
);

const cache = new WeakMap<CompiledProcess, AnyStateMachine>();

/** The XState machine of a compiled process, created once per CompiledProcess object. */
export function machineOf(process: CompiledProcess): AnyStateMachine {
  const hit = cache.get(process);
  if (hit) return hit;
  const config = process.machine as any;
  const sidePaths: Record<string, Json> = config.meta?.huiliu?.sidePaths ?? {};
  const base = setup({ actions, guards });
  const actors: Record<string, AnyStateMachine> = {};
  for (const [b, c] of Object.entries(sidePaths)) {
    actors[`side:${b}`] = base.createMachine({
      ...(c as any),
      context: ({ input }: { input: Ctx }) => input,
      output: ({ context }: { context: Ctx }) => childOutput(context),
    });
  }
  const machine = setup({ actions, guards, actors }).createMachine({
    ...config,
    context: ({ input }: { input: Ctx }) => input,
  });
  cache.set(process, machine);
  return machine;
}
