/**
 * @module The engine's one door to FEEL. Until engine/expressions lands this is a small feelin adapter with the
 * same signatures (isFeel, parseFeel, evaluateFeel); swapping in the real module is a one-line import change.
 */
import { evaluate } from 'feelin';
import type { WorkdayCalendar } from '../calendar';
import type { Json, Vars } from '../contract';

export interface FeelEnv {
  now: string;
  calendar: WorkdayCalendar;
}
export type FeelResult = { ok: true; value: Json } | { ok: false; message: string };

export const isFeel = (s: string): boolean => s.trimStart().startsWith('=');
const body = (s: string) => (isFeel(s) ? s.trimStart().slice(1) : s);

export function parseFeel(expr: string): { ok: true } | { ok: false; message: string } {
  try {
    evaluate(body(expr), {});
    return { ok: true };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

export function evaluateFeel(expr: string, context: Vars, env: FeelEnv): FeelResult {
  try {
    const builtins = {
      now: () => env.now,
      workday: (from: unknown, n: unknown) => env.calendar.addWorkdays(toIso(from), Number(n)).dueAt,
    };
    const r = evaluate(body(expr), { ...context, ...builtins });
    const missing = r.warnings.find(
      (w) => w.type === 'NO_VARIABLE_FOUND' || w.type === 'FUNCTION_INVOCATION_FAILURE',
    );
    if (missing && r.value === null) return { ok: false, message: missing.message };
    return { ok: true, value: toJson(r.value) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function toIso(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'iso' in v) return String((v as { iso: unknown }).iso);
  return String(v);
}

function toJson(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') {
    if ('iso' in v) return String((v as { iso: unknown }).iso);
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return String(v);
}
