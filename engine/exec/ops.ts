/** @module Shared operations the element actions are built from: activation, open items, incidents, variables, FEEL. */
import type { Effect, Json, Vars } from '../contract';
import { type Ctx, emit, history, keyOf, type Open, stepEnv } from './context';
import { evaluateFeel, type FeelResult, isFeel } from './feel';

export function activate(ctx: Ctx, el: string): Ctx {
  const n = ctx.seq || (ctx.act[el] ?? 0) + 1;
  history('element.activated', el);
  return { ...ctx, act: { ...ctx.act, [el]: n } };
}

export const activationOf = (ctx: Ctx, el: string) => ctx.act[el] ?? ctx.seq;

export function openItem(ctx: Ctx, key: string, item: Open): Ctx {
  return { ...ctx, open: { ...ctx.open, [key]: item } };
}

export function dropItem(ctx: Ctx, key: string): Ctx {
  const open = { ...ctx.open };
  delete open[key];
  return { ...ctx, open };
}

export function raiseIncident(
  ctx: Ctx,
  el: string,
  errorType: string,
  message: string,
  expression?: string,
  /** Boundary and event-gateway events: the element whose exit also closes this incident. */
  host?: string,
): Ctx {
  const act = activationOf(ctx, el);
  const counter = ctx.counter + 1;
  const incidentKey = `${keyOf(el, act)}!${counter}`;
  const effect: Effect = {
    type: 'incident.raised',
    incidentKey,
    elementId: el,
    activation: act,
    errorType,
    message,
  };
  if (expression) effect.expression = expression;
  emit(effect);
  history('incident.raised', el, { incidentKey, errorType, message });
  return {
    ...openItem(ctx, incidentKey, host ? { t: 'incident', el, act, host } : { t: 'incident', el, act }),
    counter,
  };
}

export function hasIncident(ctx: Ctx, el: string): boolean {
  for (const key in ctx.open) if (ctx.open[key].t === 'incident' && ctx.open[key].el === el) return true;
  return false;
}

export function feel(ctx: Ctx, expr: string, extra?: Vars): FeelResult {
  const env = stepEnv();
  return evaluateFeel(expr, extra ? { ...ctx.vars, ...extra } : ctx.vars, {
    now: env.at,
    calendar: env.calendar,
  });
}

/** A static value or a FEEL expression (leading '='). */
export function resolveValue(ctx: Ctx, raw: string, extra?: Vars): FeelResult {
  return isFeel(raw) ? feel(ctx, raw, extra) : { ok: true, value: raw };
}

export type Evaluated<T> =
  | { ok: true; value: T; provisional?: boolean }
  | { ok: false; message: string; expression: string };

/**
 * Evaluate several optional expressions at once; the first failure wins (it becomes the incident). `provisional`
 * when a working-day computation reached past the calendar's known years.
 */
export function evaluateAll(
  ctx: Ctx,
  exprs: Record<string, string | undefined>,
  extra?: Vars,
): Evaluated<Record<string, Json>> {
  const out: Record<string, Json> = {};
  let provisional = false;
  for (const name in exprs) {
    const raw = exprs[name];
    if (raw === undefined) continue;
    const r = resolveValue(ctx, raw, extra);
    if (!r.ok) return { ok: false, message: r.message, expression: raw };
    if (r.provisional) provisional = true;
    out[name] = r.value;
  }
  return { ok: true, value: out, provisional };
}

export function mergeVars(ctx: Ctx, vars: Vars | undefined): Ctx {
  if (!vars) return ctx;
  const keys = Object.keys(vars);
  if (!keys.length) return ctx;
  const next = { ...ctx, vars: { ...ctx.vars, ...vars } };
  // A spawned child (side path, multi-instance body) hands back only what it wrote, never its stale copy of the rest.
  if (ctx.seq) next.written = [...new Set([...(ctx.written ?? []), ...keys])];
  return next;
}

/** What a spawned child hands back when it ends: the variables it wrote. */
export function childOutput(ctx: Ctx): Vars {
  const out: Vars = {};
  for (const k of ctx.written ?? []) if (k in ctx.vars) out[k] = ctx.vars[k];
  return out;
}

/** Zeebe ioMapping: each `source` (FEEL or static) is evaluated and written into `target` (dotted paths allowed). */
export function applyMappings(
  base: Vars,
  mappings: { source: string; target: string }[],
  ctx: Ctx,
  scope: Vars,
): Evaluated<Vars> {
  const out: Vars = { ...base };
  for (const m of mappings) {
    const r = resolveValue(ctx, m.source, scope);
    if (!r.ok) return { ok: false, message: r.message, expression: m.source };
    setPath(out, m.target, r.value);
  }
  return { ok: true, value: out };
}

function setPath(obj: Vars, path: string, value: Json) {
  const parts = path.split('.');
  let cur: Record<string, Json> = obj;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    cur[p] = next && typeof next === 'object' && !Array.isArray(next) ? { ...next } : {};
    cur = cur[p] as Record<string, Json>;
  }
  cur[parts[parts.length - 1]] = value;
}
