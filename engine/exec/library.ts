/**
 * @module The one library of named actions and guards every compiled machine uses (XState `setup()`), plus the
 * machine cache. Generic actions are in core-actions.ts, element-specific ones come from the handler registry; the
 * ones needing XState built-ins (raise, spawn, forward, stop children) are defined here.
 */
import { type AnyStateMachine, assign, enqueueActions, raise, setup } from 'xstate';
import type { CompiledProcess, Json, Vars } from '../contract';
import type { ActionFn, AnyEvent, GuardFn, Params } from '../elements/element-handler';
import { registry } from '../elements/registry';
import { type ChildRef, closeChild, sideChildId } from './children';
import { type Ctx, history, initialContext } from './context';
import { coreActions, coreGuards } from './core-actions';
import { moveActions, moveGuards } from './move';
import { childOutput } from './ops';

const actionFns: Record<string, ActionFn> = { ...coreActions, ...moveActions };
const guardFns: Record<string, GuardFn> = { ...coreGuards, ...moveGuards };
const rawActions: Record<string, unknown> = {};
for (const h of Object.values(registry)) {
  Object.assign(actionFns, h.actions ?? {});
  Object.assign(guardFns, h.guards ?? {});
  Object.assign(rawActions, h.xstateActions ?? {});
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

/**
 * Our actions as XState built-ins that resolve to the snapshot with the new context. XState's `assign` rebuilds the
 * machine snapshot from its active nodes for every action (state value, tags), which was a quarter of a step's CPU;
 * an action never changes the active nodes, so a shallow copy with the new context is that same snapshot. An action
 * that returns the context it was given leaves the snapshot as it was.
 */
const wrap = (fn: ActionFn) => {
  const action = () => {};
  action.type = 'huiliu.assign';
  action.resolve = (
    _scope: unknown,
    snapshot: { context: Ctx },
    args: { event: unknown },
    params: Params,
  ): [unknown, undefined, undefined] => {
    const next = fn(snapshot.context, args.event as AnyEvent, params);
    return [next === snapshot.context ? snapshot : { ...snapshot, context: next }, undefined, undefined];
  };
  return action;
};

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
// An interrupting event subprocess of the process ends everything else running in it, spawned paths included.
actions['paths.stopAll'] = stopAllPaths('side-paths.stopped');
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
actions['side.forward'] = enqueueActions(({ context, event, enqueue }, p: Params) => {
  const id = sideChildId(event as AnyEvent, p.sideOf, (context as Ctx).seq === 0);
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
  const sideMachine = (s: typeof base, c: Json) =>
    s.createMachine({
      ...(c as any),
      context: ({ input }: { input: Ctx }) => input,
      output: ({ context }: { context: Ctx }) => childOutput(context),
    });
  for (const [b, c] of Object.entries(sidePaths)) actors[`side:${b}`] = sideMachine(base, c);
  // A body that spawns a nested multi-instance body or an event-subprocess path needs the side machines as its own
  // actors (one level deep).
  const nesting = Object.entries(sidePaths).filter(([, c]) =>
    /"(miBody\.start|side\.spawn)"/.test(JSON.stringify(c)),
  );
  if (nesting.length) {
    const withActors = setup({ actions, guards, actors: { ...actors } }) as unknown as typeof base;
    for (const [b, c] of nesting) actors[`side:${b}`] = sideMachine(withActors, c);
  }
  const machine = setup({ actions, guards, actors }).createMachine({
    ...config,
    context: ({ input }: { input: Ctx }) => input,
  });
  cache.set(process, machine);
  return machine;
}
