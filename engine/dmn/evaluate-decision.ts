/**
 * @module evaluateDecision: one decision (with the decisions it requires) against variables, pure.
 * Input expressions and output entries are FEEL (a missing variable is null, as DMN reads inputs); input entries
 * are FEEL unary tests with the input as `?`. The result follows Camunda 8: a single-hit table gives the output
 * value (one output) or a context of outputs (several), null when no rule matched; a multi-hit table gives a list
 * of those; COLLECT with an aggregation gives the number.
 */
import { unaryTest } from 'feelin';
import type { Json, Vars } from '../contract';
import { evaluateFeel, type FeelEnv } from '../expressions';
import type { Decision, DecisionTable } from './types';

export type DecisionResult =
  | { ok: true; result: Json; matchedRules: string[] }
  | { ok: false; message: string; messageEn: string };

type Fail = Extract<DecisionResult, { ok: false }>;
const fail = (d: Decision, zh: string, en: string): Fail => ({
  ok: false,
  message: `决策 ${d.id} 求值失败：${zh}`,
  messageEn: `decision ${d.id} failed: ${en}`,
});

/** `decisions` holds the called decision and every decision it requires (by id). */
export function evaluateDecision(
  decisions: Record<string, Decision>,
  decisionId: string,
  vars: Vars,
  env: FeelEnv,
  seen: string[] = [],
): DecisionResult {
  const d = decisions[decisionId];
  if (!d)
    return {
      ok: false,
      message: `决策 ${decisionId} 未部署`,
      messageEn: `decision ${decisionId} is not deployed`,
    };
  if (seen.includes(decisionId)) return fail(d, '决策依赖成环', 'its requirements form a cycle');
  let context: Vars = vars;
  for (const r of d.requires) {
    const sub = evaluateDecision(decisions, r, vars, env, [...seen, decisionId]);
    if (!sub.ok) return sub;
    context = { ...context, [r]: sub.result };
  }
  if (d.kind === 'literal') {
    const v = evaluateFeel(d.expression, context, env, { allowUnknownVariables: true });
    return v.ok ? { ok: true, result: v.value, matchedRules: [] } : fail(d, v.message, v.messageEn);
  }
  return evaluateTable(d, context, env);
}

function evaluateTable(d: DecisionTable, vars: Vars, env: FeelEnv): DecisionResult {
  const inputs: Json[] = [];
  for (const i of d.inputs) {
    if (!i.expression)
      return fail(d, `输入 ${i.label ?? i.id} 没有表达式`, `input ${i.label ?? i.id} has no expression`);
    const v = evaluateFeel(i.expression, vars, env, { allowUnknownVariables: true });
    if (!v.ok) return fail(d, v.message, v.messageEn);
    inputs.push(v.value);
  }
  const matched: { id: string; row: number; out: Json[] }[] = [];
  for (const [row, rule] of d.rules.entries()) {
    if (!rule.inputEntries.every((t, k) => matches(t, inputs[k], vars))) continue;
    const out: Json[] = [];
    for (const t of rule.outputEntries) {
      if (!t) {
        out.push(null);
        continue;
      }
      const v = evaluateFeel(t, vars, env, { allowUnknownVariables: true });
      if (!v.ok) return fail(d, `规则 ${rule.id}：${v.message}`, `rule ${rule.id}: ${v.messageEn}`);
      out.push(v.value);
    }
    matched.push({ id: rule.id, row: row + 1, out });
  }
  const shape = (out: Json[]): Json =>
    d.outputs.length === 1 ? out[0] : Object.fromEntries(d.outputs.map((o, k) => [o.name, out[k]]));
  const ids = (ms: typeof matched) => ms.map((m) => m.id);
  const single = (m: (typeof matched)[number] | undefined): DecisionResult => ({
    ok: true,
    result: m ? shape(m.out) : null,
    matchedRules: m ? [m.id] : [],
  });
  switch (d.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1)
        return fail(
          d,
          `命中策略 UNIQUE 只允许一条规则命中，实际命中 ${ids(matched).join('、')}`,
          `hit policy UNIQUE allows one matching rule, but ${ids(matched).join(', ')} matched`,
        );
      return single(matched[0]);
    case 'FIRST':
      return single(matched[0]);
    case 'ANY': {
      const distinct = new Set(matched.map((m) => JSON.stringify(m.out)));
      if (distinct.size > 1)
        return fail(
          d,
          `命中策略 ANY 要求命中的规则输出相同，规则 ${ids(matched).join('、')} 的输出不同`,
          `hit policy ANY needs matching rules to agree, but ${ids(matched).join(', ')} give different outputs`,
        );
      return single(matched[0]);
    }
    case 'PRIORITY':
      return single(byPriority(d, matched)[0]);
    case 'RULE ORDER':
      return { ok: true, result: matched.map((m) => shape(m.out)), matchedRules: ids(matched) };
    case 'OUTPUT ORDER': {
      const sorted = byPriority(d, matched);
      return { ok: true, result: sorted.map((m) => shape(m.out)), matchedRules: ids(sorted) };
    }
    case 'COLLECT':
      if (!d.aggregation)
        return { ok: true, result: matched.map((m) => shape(m.out)), matchedRules: ids(matched) };
      return aggregate(
        d,
        matched.map((m) => m.out[0]),
        ids(matched),
      );
  }
}

/** A unary test with the input as `?`; an empty cell or `-` matches anything, a null answer does not match. */
function matches(test: string, input: Json, vars: Vars): boolean {
  if (test === '' || test === '-') return true;
  try {
    return unaryTest(test, { ...vars, '?': input }).value === true;
  } catch {
    return false;
  }
}

/** PRIORITY / OUTPUT ORDER: rank by the outputs' value lists (earlier value = higher priority, first output first); stable in rule order. */
function byPriority<T extends { out: Json[]; row: number }>(d: DecisionTable, ms: T[]): T[] {
  const rank = (m: T) =>
    d.outputs.map((o, k) => {
      if (!o.values) return 0;
      const at = o.values.findIndex((v) => JSON.stringify(v) === JSON.stringify(m.out[k]));
      return at < 0 ? o.values.length : at;
    });
  return [...ms].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] - rb[k];
    return a.row - b.row;
  });
}

function aggregate(d: DecisionTable, values: Json[], matchedRules: string[]): DecisionResult {
  if (d.aggregation === 'COUNT') return { ok: true, result: values.length, matchedRules };
  const nums = values.filter((v) => v !== null);
  if (nums.some((v) => typeof v !== 'number'))
    return fail(
      d,
      `聚合 ${d.aggregation} 需要数值输出，得到 ${JSON.stringify(nums)}`,
      `aggregation ${d.aggregation} needs numeric outputs, got ${JSON.stringify(nums)}`,
    );
  const ns = nums as number[];
  // DMN: an aggregation over no matches is null (COUNT aside, which is 0).
  if (ns.length === 0) return { ok: true, result: null, matchedRules };
  const result =
    d.aggregation === 'SUM'
      ? ns.reduce((a, b) => a + b, 0)
      : d.aggregation === 'MIN'
        ? Math.min(...ns)
        : Math.max(...ns);
  return { ok: true, result, matchedRules };
}
