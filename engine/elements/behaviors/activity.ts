/** @module The state shape every element shares: meta, activation on entry, boundary arming, closing on exit, incident retry. */
import { esc } from '../../compile/keys';
import type { ModelElement } from '../../types';
import { type Action, type Cfg, type CompileCtx, meta, type StateConfig } from '../element-handler';

export interface StateParts {
  entry?: Action[];
  on?: Record<string, Cfg[]>;
  always?: Cfg[];
  exit?: Action[];
  extra?: StateConfig;
}

export function elementState(el: ModelElement, cc: CompileCtx, parts: StateParts): StateConfig {
  const b = el.boundaries.length ? cc.boundaries(el) : { arm: [], on: {}, always: [] };
  const on: Record<string, Cfg[]> = {};
  for (const [ev, ts] of Object.entries(b.on)) on[ev] = [...ts];
  // Boundary transitions come first so that, e.g., a matching error boundary wins over the generic error handling.
  for (const [ev, ts] of Object.entries(parts.on ?? {})) on[ev] = [...(on[ev] ?? []), ...ts];
  // Retrying an incident of a boundary event re-arms that boundary only; one of the element itself re-enters it.
  const rearm = b.arm.length
    ? [
        {
          guard: { type: 'incident.matches', params: { els: el.boundaries } },
          actions: [
            { type: 'incident.resolve' },
            { type: 'boundary.rearm', params: { host: el.id, arm: b.arm } },
          ],
        },
      ]
    : [];
  on['incident.retry'] = [
    ...(on['incident.retry'] ?? []),
    ...rearm,
    {
      guard: { type: 'incident.matches', params: { els: [el.id] } },
      target: esc(el.id),
      reenter: true,
      actions: [{ type: 'incident.resolve' }],
    },
  ];
  const entry: Cfg[] = [
    { type: 'element.activate', params: { el: el.id } },
    ...((parts.entry ?? []) as Cfg[]),
  ];
  if (b.arm.length) entry.push({ type: 'boundary.arm', params: { host: el.id, arm: b.arm } });
  const state: StateConfig = {
    meta: meta(el),
    entry,
    exit: [...(parts.exit ?? []), { type: 'element.close', params: { el: el.id } }],
    on: on as Cfg,
  };
  const always = [...b.always, ...(parts.always ?? [])].filter(Boolean);
  if (always.length) state.always = always;
  return { ...state, ...(parts.extra ?? {}) };
}

/** An eventless transition that leaves the element normally (history `element.completed`). */
export const leave = (el: string, target: string, actions: Action[] = [], guard?: Cfg): Cfg => {
  const t: Record<string, Cfg> = {
    target,
    actions: [...actions, { type: 'element.complete', params: { el } }] as Cfg,
  };
  if (guard) t.guard = guard;
  return t;
};

/**
 * Leaving on an event: one transition that consumes what the event answers (closes the task as completed, drops the
 * fired timer) and moves on. XState runs exit actions before transition actions, so `element.close` spares the item
 * the triggering event consumes (see consumedKey) instead of cancelling it. `always` is null (kept so callers need not care).
 */
export function leaveOn(
  el: string,
  target: string,
  actions: Action[],
  guard: Cfg,
  interrupted = false,
): { on: Cfg; always: null } {
  const done = { type: interrupted ? 'element.interrupted' : 'element.complete', params: { el } };
  return { on: { guard, target, actions: [...actions, done] }, always: null };
}

/** Transient elements move on at once unless an incident holds them. */
export const okGuard = (el: string): Cfg => ({ type: 'element.ok', params: { el } });
