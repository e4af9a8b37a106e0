/**
 * @module The engine's one door to FEEL (engine/expressions), plus a memo of pure evaluations.
 * feelin re-parses the expression on every evaluation, which made one gateway condition cost more than the rest of
 * a step. FEEL is pure, so a result is a function of the expression and the values of the names it reads: those
 * results (scalars only) are memoised, except for expressions calling the clock or the calendar.
 */
import { parseExpression } from 'feelin';
import type { Json, Vars } from '../contract';
import { evaluateFeel as evaluate, type FeelEnv, type FeelResult, feelSource } from '../expressions';

export { type FeelEnv, type FeelResult, isFeel, parseFeel } from '../expressions';

const ENV_FUNCTIONS = new Set(['now', 'today', 'workday']);
const MAX_ENTRIES = 5000;
const MAX_KEY = 2000;
/** Per expression: the root names it reads, or null when it must not be memoised. */
const namesOf = new Map<string, string[] | null>();
const memo = new Map<string, FeelResult>();

function readNames(expr: string): string[] | null {
  const known = namesOf.get(expr);
  if (known !== undefined) return known;
  const names = new Set<string>();
  let pure = true;
  const source = feelSource(expr);
  parseExpression(source, {}, undefined).iterate({
    enter: (n) => {
      if (n.type.isError) pure = false;
      if (n.type.name === 'VariableName') {
        const name = source.slice(n.from, n.to);
        if (ENV_FUNCTIONS.has(name)) pure = false;
        names.add(name);
      }
      return pure;
    },
  });
  const result = pure ? [...names] : null;
  if (namesOf.size > MAX_ENTRIES) namesOf.clear();
  namesOf.set(expr, result);
  return result;
}

const isScalar = (v: Json) => v === null || typeof v !== 'object';

export function evaluateFeel(expr: string, context: Vars, env: FeelEnv): FeelResult {
  const names = readNames(expr);
  if (!names) return evaluate(expr, context, env);
  let key = expr;
  for (const n of names) key += `\u0000${JSON.stringify(context[n] ?? null)}${n in context ? '' : '?'}`;
  if (key.length > MAX_KEY) return evaluate(expr, context, env);
  const hit = memo.get(key);
  if (hit) return hit;
  const r = evaluate(expr, context, env);
  if (!r.ok || (isScalar(r.value) && !r.provisional)) {
    if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
    memo.set(key, r);
  }
  return r;
}
