/**
 * @module Converts feelin results to plain JSON for variables and jsonb: temporal values become ISO strings,
 * contexts objects, lists arrays. Values with no JSON form (ranges, functions, NaN) are reported, not dropped.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import type { Json } from '../contract';
import { CHINA_OFFSET } from '../calendar';

export type ToJsonResult = { ok: true; value: Json } | { ok: false; path: string; what: string };

function offsetOf(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/**
 * An ISO 8601 date-time with an offset. A FEEL local date-time (no zone) is China wall-clock time, the
 * authority's only zone; a named zone (`@Asia/Shanghai`) becomes its offset at that instant.
 */
export function dateTimeToIso(v: FeelDateTime): string {
  if (v.zone === null) return `${v.iso}${CHINA_OFFSET}`;
  if (!v.iso.includes('@')) return v.iso;
  return `${v.unwrap().toString()}${offsetOf(v['time offset'].unwrap().total({ unit: 'seconds' }))}`;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function feelToJson(v: unknown, path = '$'): ToJsonResult {
  if (v === null || v === undefined) return { ok: true, value: null };
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return { ok: true, value: v };
    case 'number':
      return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, path, what: String(v) };
    case 'object':
      break;
    default:
      return { ok: false, path, what: typeof v };
  }
  if (v instanceof FeelDateTime) return { ok: true, value: dateTimeToIso(v) };
  if (v instanceof FeelDate || v instanceof FeelTime || v instanceof FeelDuration)
    return { ok: true, value: v.iso };
  if (v instanceof Date) return { ok: true, value: v.toISOString() };
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = feelToJson(v[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (!isPlainObject(v)) return { ok: false, path, what: v.constructor?.name ?? 'object' };
  const out: Record<string, Json> = {};
  for (const [k, item] of Object.entries(v)) {
    const r = feelToJson(item, `${path}.${k}`);
    if (!r.ok) return r;
    out[k] = r.value;
  }
  return { ok: true, value: out };
}
