/**
 * @module Compensation (BPMN 2.0, as Zeebe 8.5+ runs it, within one scope): an activity with a compensation boundary
 * event is recorded when it completes (`comp.record`, added to its completing transitions at compile time); a
 * compensation throw or end event in the same scope runs the handlers of the recorded activities (all, or the one
 * its `activityRef` names), most recent first, one after another, then continues or ends. Each recorded completion
 * is compensated once. Processes without compensation never touch `ctx.comp`.
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
  const record = { type: 'comp.record', params: { scope: el.scopeId, el: el.id } };
  const rewrite = (t: any): any => (completes(t, el.id) ? { ...t, actions: [...t.actions, record] } : t);
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
    comp[p.scope] = [...(comp[p.scope] ?? []), p.el];
    return { ...ctx, comp };
  },
  'comp.begin': (ctx: Ctx, _e, p) => {
    const done = ctx.comp?.[p.scope] ?? [];
    const picked = done.filter((h) => p.hosts.includes(h));
    history('compensation.triggered', p.el, { activities: [...picked].reverse() });
    const comp = { ...(ctx.comp ?? {}), [p.scope]: done.filter((h) => !p.hosts.includes(h)) };
    const queue = picked.reverse().map((h) => p.handlers[h] as string);
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
