/** @module Timer definitions (ISO 8601 duration, date, repeating cycle; static or FEEL) turned into due times. */
import type { Json } from '../contract';
import type { Ctx } from './context';
import { resolveValue } from './ops';

export interface TimerDef {
  kind: 'duration' | 'date' | 'cycle';
  expr: string;
}

export type Due =
  | { ok: true; dueAt: string; cycle?: string; left?: number }
  | { ok: false; message: string; expression: string };

const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const isDuration = (s: string) => DURATION.test(s) && s !== 'P' && !s.endsWith('T');

/** Add an ISO 8601 duration to an instant (calendar arithmetic for years/months/days, UTC). */
export function addDuration(from: string, duration: string): string | null {
  const m = DURATION.exec(duration);
  if (!m || !isDuration(duration)) return null;
  const sign = m[1] ? -1 : 1;
  const [y, mo, w, d, h, mi, s] = m.slice(2).map((x) => (x ? Number(x) * sign : 0));
  const t = new Date(from);
  if (Number.isNaN(t.getTime())) return null;
  t.setUTCFullYear(t.getUTCFullYear() + y, t.getUTCMonth() + mo, t.getUTCDate() + d + w * 7);
  t.setTime(t.getTime() + ((h * 60 + mi) * 60 + s) * 1000);
  return t.toISOString();
}

/** R[n]/[start/]duration: first due time, the cycle and repetitions left after the first. */
export function parseCycle(cycle: string, now: string): { dueAt: string; left?: number } | null {
  const parts = cycle.split('/');
  if (parts.length < 2 || !/^R\d*$/.test(parts[0])) return null;
  const reps = parts[0] === 'R' ? undefined : Number(parts[0].slice(1));
  const duration = parts[parts.length - 1];
  const start = parts.length === 3 ? parts[1] : null;
  if (start && Number.isNaN(new Date(start).getTime())) return null;
  const dueAt =
    start && new Date(start).getTime() > new Date(now).getTime()
      ? new Date(start).toISOString()
      : addDuration(now, duration);
  if (!dueAt) return null;
  return { dueAt, left: reps === undefined ? undefined : Math.max(reps - 1, 0) };
}

/** Static syntax check used at deploy time for non-FEEL values. */
export function checkStaticTimer(def: TimerDef): string | null {
  const now = '2026-01-01T00:00:00Z';
  if (def.kind === 'duration')
    return addDuration(now, def.expr) ? null : 'not an ISO 8601 duration (e.g. PT1H, P5D)';
  if (def.kind === 'date')
    return Number.isNaN(new Date(def.expr).getTime()) ? 'not an ISO 8601 date-time' : null;
  return parseCycle(def.expr, now) ? null : 'not an ISO 8601 repeating interval (e.g. R/P1D, R3/PT1H)';
}

export function computeDue(ctx: Ctx, def: TimerDef, now: string): Due {
  const r = resolveValue(ctx, def.expr);
  if (!r.ok) return { ok: false, message: r.message, expression: def.expr };
  const v: Json = r.value;
  if (typeof v !== 'string')
    return { ok: false, message: `timer value is not a string: ${JSON.stringify(v)}`, expression: def.expr };
  if (def.kind === 'cycle') {
    const c = parseCycle(v, now);
    return c
      ? { ok: true, dueAt: c.dueAt, cycle: v, left: c.left }
      : { ok: false, message: `bad cycle ${v}`, expression: def.expr };
  }
  // A duration-valued date (or a date-valued duration from FEEL) is accepted for what it is.
  if (isDuration(v)) {
    const dueAt = addDuration(now, v);
    return dueAt ? { ok: true, dueAt } : { ok: false, message: `bad duration ${v}`, expression: def.expr };
  }
  const t = new Date(v);
  if (Number.isNaN(t.getTime())) return { ok: false, message: `bad date ${v}`, expression: def.expr };
  return { ok: true, dueAt: t.toISOString() };
}

/** Read a moddle TimerEventDefinition into a TimerDef (null when it has no value). */
export function timerDefOf(def: any): TimerDef | null {
  if (def?.timeDuration?.body) return { kind: 'duration', expr: def.timeDuration.body.trim() };
  if (def?.timeDate?.body) return { kind: 'date', expr: def.timeDate.body.trim() };
  if (def?.timeCycle?.body) return { kind: 'cycle', expr: def.timeCycle.body.trim() };
  return null;
}
