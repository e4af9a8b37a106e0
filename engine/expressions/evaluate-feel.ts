/**
 * @module Evaluates FEEL (`=expr`) against instance variables. Never throws: syntax errors, feelin exceptions,
 * failing warnings and non-JSON results all come back as `{ok: false, message}` for the engine to raise as an
 * incident on the element (docs/architecture.md, "Expressions").
 */
import { evaluate, type Warning } from 'feelin';
import type { Json, Vars } from '../contract';
import { type EvalTrace, type FeelEnv, feelFunctions } from './feel-functions';
import { feelSource, parseFeel } from './parse-feel';
import { feelToJson } from './to-json';

export type FeelFailure = { ok: false; message: string; messageEn: string };
export type FeelResult = { ok: true; value: Json; provisional?: boolean } | FeelFailure;
export type ConditionResult = { ok: true; value: boolean; provisional?: boolean } | FeelFailure;

export interface FeelOptions {
  /**
   * feelin answers a missing variable with null plus a warning, so `=decision = "approve"` would silently
   * be false when a form never set `decision` and the token would take the other branch. By default that
   * is an error naming the variable; pass true where absence is expected (optional fields in mappings).
   */
  allowUnknownVariables?: boolean;
}

/**
 * Warnings that mean the expression is wrong or met the wrong data (a typo'd function, `"a" + 1`,
 * `date and time("garbage")`). A missing key inside a context (`entry.shareCondition`) stays null,
 * the FEEL way, since optional object fields are normal in form data.
 */
const FAILING = new Set([
  'NO_FUNCTION_FOUND',
  'FUNCTION_INVOCATION_FAILURE',
  'INVALID_ARGUMENTS',
  'INVALID_TYPE',
  'NOT_COMPARABLE',
  'UNSUPPORTED',
]);

function fail(source: string, zh: string, en: string): FeelFailure {
  return {
    ok: false,
    message: `FEEL 表达式「${source}」求值失败：${zh}`,
    messageEn: `FEEL expression "${source}" failed: ${en}`,
  };
}

function failingWarning(warnings: Warning[], options: FeelOptions): Warning | undefined {
  return warnings.find(
    (w) => FAILING.has(w.type) || (w.type === 'NO_VARIABLE_FOUND' && !options.allowUnknownVariables),
  );
}

export function evaluateFeel(
  expr: string,
  context: Vars,
  env: FeelEnv,
  options: FeelOptions = {},
): FeelResult {
  const parsed = parseFeel(expr);
  if (!parsed.ok) return parsed;
  const source = feelSource(expr);
  const trace: EvalTrace = { provisional: false };
  let raw: unknown;
  let warnings: Warning[];
  try {
    // Our functions shadow same-named variables: `now()` must always be the engine clock.
    ({ value: raw, warnings } = evaluate(source, { ...context, ...feelFunctions(env, trace) }));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail(source, reason, reason);
  }
  const bad = failingWarning(warnings, options);
  if (bad) {
    const zh = bad.type === 'NO_VARIABLE_FOUND' ? `变量不存在（${bad.message}）` : bad.message;
    return fail(source, zh, bad.message);
  }
  const json = feelToJson(raw);
  if (!json.ok)
    return fail(
      source,
      `结果 ${json.path} 不是 JSON 值（${json.what}）`,
      `result ${json.path} is not a JSON value (${json.what})`,
    );
  return trace.provisional
    ? { ok: true, value: json.value, provisional: true }
    : { ok: true, value: json.value };
}

/**
 * A gateway or flow condition. Anything but a boolean, null included, is an error (an incident) rather
 * than false: a condition that cannot be decided must stop the token, not route it down the wrong flow.
 */
export function evaluateCondition(
  expr: string,
  context: Vars,
  env: FeelEnv,
  options: FeelOptions = {},
): ConditionResult {
  const r = evaluateFeel(expr, context, env, options);
  if (!r.ok) return r;
  if (typeof r.value === 'boolean')
    return r.provisional ? { ok: true, value: r.value, provisional: true } : { ok: true, value: r.value };
  const got = JSON.stringify(r.value);
  const source = feelSource(expr);
  return fail(source, `条件结果应为布尔值，实际为 ${got}`, `a condition must be a boolean, got ${got}`);
}
