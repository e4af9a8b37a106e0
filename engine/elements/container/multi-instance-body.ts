/**
 * @module Multi-instance subprocess: the body is compiled as its own machine and spawned once per item (all at once,
 * or one after another when sequential) as a persisted child. Each child's elements take its spawn number as their
 * activation, so their keys stay unique in the instance and events route back to the right child.
 */
import { enqueueActions } from 'xstate';
import { type ChildRef, DONE_PREFIX, NESTED } from '../../exec/children';
import { type Ctx, history, initialContext } from '../../exec/context';
import type { Vars } from '../../contract';
import type { ModelElement } from '../../types';
import { elementState } from '../behaviors/activity';
import {
  completeOne,
  indicesToOpen,
  type LoopSpec,
  localVarsOf,
  loopSpec,
  startLoop,
} from '../behaviors/multi-instance';
import type { CompileCtx, GuardFn, Params, StateConfig } from '../element-handler';
import { closeTree } from './event-sub-process';

export function multiInstanceBodyState(el: ModelElement, cc: CompileCtx): StateConfig {
  const loop = loopSpec(el);
  return elementState(el, cc, {
    entry: [{ type: 'miBody.start', params: { el: el.id, loop } }],
    on: {
      'xstate.done.actor.*': [
        {
          guard: { type: 'miBody.owns', params: { el: el.id } },
          actions: [{ type: 'miBody.itemDone', params: { el: el.id, loop } }],
        },
      ],
    },
    always: [
      {
        guard: { type: 'loop.done', params: { el: el.id } },
        target: cc.next(el),
        actions: [
          { type: 'loop.finish', params: { el: el.id, loop } },
          { type: 'element.complete', params: { el: el.id } },
        ],
      },
    ],
    exit: [{ type: 'miBody.stop', params: { el: el.id } }],
  });
}

type Enqueue = { spawnChild(src: string, options: { id: string; input: unknown }): void };

function spawnItems(ctx: Ctx, el: string, loop: LoopSpec, enqueue: Enqueue): Ctx {
  let next = ctx;
  for (const i of indicesToOpen(loop, next.mi[el])) {
    const mi = next.mi[el];
    const seq = next.counter + 1;
    const id = `${el}#${seq}`;
    // A body spawned by the root numbers the bodies it spawns itself from seq * NESTED (children.ts).
    const input = initialContext(
      { ...next.vars, ...localVarsOf(loop, mi, i) },
      { seq, businessKey: next.businessKey, ...(next.seq ? {} : { counter: seq * NESTED }) },
    );
    enqueue.spawnChild(`side:${el}`, { id, input });
    history('multi-instance.item-started', el, { loopIndex: i, pathId: id });
    next = {
      ...next,
      counter: seq,
      paths: { ...next.paths, [id]: true },
      mi: { ...next.mi, [el]: { ...mi, next: i + 1, spawned: { ...(mi.spawned ?? {}), [id]: i } } },
    };
  }
  return next;
}

export const bodyGuards: Record<string, GuardFn> = {
  'miBody.owns': (ctx, e, p) => e.type.slice(DONE_PREFIX.length) in (ctx.mi[p.el]?.spawned ?? {}),
};

export const bodyXstateActions = {
  'miBody.start': enqueueActions(({ context, enqueue }, p: Params) => {
    const started = startLoop(context as Ctx, p.el, p.loop);
    enqueue.assign(
      'incident' in started
        ? started.incident
        : spawnItems(started, p.el, p.loop, enqueue as unknown as Enqueue),
    );
  }),
  'miBody.itemDone': enqueueActions(({ context, event, enqueue }, p: Params) => {
    const ctx = context as Ctx;
    const id = event.type.slice(DONE_PREFIX.length);
    const mi = ctx.mi[p.el];
    const i = mi.spawned?.[id] ?? 0;
    const spawned = { ...mi.spawned };
    delete spawned[id];
    const paths = { ...ctx.paths };
    delete paths[id];
    history('multi-instance.item-completed', p.el, { loopIndex: i, pathId: id });
    const output = (event as { output?: Vars }).output ?? {};
    const done = completeOne(
      { ...ctx, paths, mi: { ...ctx.mi, [p.el]: { ...mi, spawned } } },
      p.el,
      p.loop,
      i,
      output,
    );
    enqueue.assign(spawnItems(done, p.el, p.loop, enqueue as unknown as Enqueue));
  }),
  'miBody.stop': enqueueActions(({ context, enqueue, self }, p: Params) => {
    const ctx = context as Ctx;
    const spawned = ctx.mi[p.el]?.spawned ?? {};
    const children = self.getSnapshot().children as Record<string, ChildRef>;
    const paths = { ...ctx.paths };
    for (const id of Object.keys(spawned)) {
      // A body's own paths (its non-interrupting event subprocesses) go with it: their work is closed too.
      closeTree(children[id]);
      enqueue.stopChild(id);
      delete paths[id];
    }
    enqueue.assign({ paths });
  }),
};
