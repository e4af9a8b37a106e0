/**
 * @module Compensation (BPMN 2.0, as Zeebe 8.5+ runs it): an activity with a compensation boundary event is recorded
 * when it completes (`comp.record`, added to its completing transitions at compile time; a multi-instance one once
 * per completed item), and so is a subprocess holding compensable activities (sub-process.ts); a compensation throw
 * or end event runs the handlers of the recorded activities of its scope (all, or the one its `activityRef` names)
 * and, for a recorded subprocess, of the activities recorded inside it, most recent first, one after another, then
 * continues or ends. Each recorded completion is compensated once. Processes without compensation never touch
 * `ctx.comp`.
 */
import type { Ctx } from '../../exec/context';
import { history } from '../../exec/context';
import type { ModelElement } from '../../types';
import type { ActionFn, GuardFn, StateConfig } from '../element-handler';

const completes = (t: any, el: string) =>
  Array.isArray(t?.actions) &&
  t.actions.some((a: any) => a?.type === 'element.complete' && a.params?.el === el);

/** An activity with a compensation handler: its completing transitions record it in its scope. */
export function withCompensationRecord(el: ModelElement, state: StateConfig): StateConfig {
  if (!el.compensationHandler) return state;
  const record = {
    type: 'comp.record',
    params: { scope: el.scopeId, el: el.id, ...(el.loop ? { items: true } : {}) },
  };
  // A multi-instance activity's loop state is forgotten by its completing transition: count its items first.
  const rewrite = (t: any): any =>
    completes(t, el.id) ? { ...t, actions: el.loop ? [record, ...t.actions] : [...t.actions, record] } : t;
  const all = (ts: unknown) => (Array.isArray(ts) ? ts.map(rewrite) : rewrite(ts));
  const on: Record<string, unknown> = {};
  for (const [ev, ts] of Object.entries((state.on ?? {}) as Record<string, unknown>)) on[ev] = all(ts);
  const out: StateConfig = { ...state, on };
  if (state.always) out.always = all(state.always);
  if (state.onDone) out.onDone = all(state.onDone);
  return out;
}

export const compensationActions: Record<string, ActionFn> = {
  'comp.record': (ctx, _e, p) => {
    const comp = { ...(ctx.comp ?? {}) };
    // A multi-instance activity is compensated once per completed item (recorded before the loop state is gone).
    const times = p.items ? Math.max(ctx.mi[p.el]?.completed ?? 0, 0) : 1;
    comp[p.scope] = [...(comp[p.scope] ?? []), ...Array<string>(times).fill(p.el)];
    return { ...ctx, comp };
  },
  'comp.begin': (ctx: Ctx, _e, p) => {
    const comp = { ...(ctx.comp ?? {}) };
    const activities: string[] = [];
    const queue: string[] = [];
    const subs: string[] = p.subs ?? [];
    // Latest first; a completed subprocess stands for its own completed activities, latest first, each once.
    const take = (scope: string, only: string[] | null) => {
      const done = comp[scope] ?? [];
      const picked = only ? done.filter((h) => only.includes(h)) : done;
      comp[scope] = only ? done.filter((h) => !only.includes(h)) : [];
      for (const h of [...picked].reverse()) {
        // A subprocess with a compensation event subprocess has it as its handler; others are gone through.
        if (p.handlers[h] && !subs.includes(h)) {
          activities.push(h);
          queue.push(p.handlers[h] as string);
        } else if (subs.includes(h)) take(h, null);
      }
    };
    take(p.scope, p.hosts);
    for (const k of Object.keys(comp)) if (!comp[k].length) delete comp[k];
    history('compensation.triggered', p.el, { activities });
    return { ...ctx, comp, compQ: { ...(ctx.compQ ?? {}), [p.el]: queue } };
  },
  'comp.shift': (ctx, _e, p) => ({
    ...ctx,
    compQ: { ...(ctx.compQ ?? {}), [p.el]: (ctx.compQ?.[p.el] ?? []).slice(1) },
  }),
  'comp.end': (ctx, _e, p) => {
    if (!ctx.compQ?.[p.el]) return ctx;
    const compQ = { ...ctx.compQ };
    delete compQ[p.el];
    return { ...ctx, compQ };
  },
};

export const compensationGuards: Record<string, GuardFn> = {
  'comp.is': (ctx, _e, p) => ctx.compQ?.[p.el]?.[0] === p.handler,
};
