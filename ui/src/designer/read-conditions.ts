/**
 * @module ui/designer/read-conditions: the `allOf` entries of one object level read as designer conditions:
 * visible-when (`then` defines one new property), required-when (`then` requires existing ones, optionally
 * refining them with `minLength: 1`). Anything else is reported, since silently dropping it would change the form.
 */
import type { Condition, ConditionValue, Unsupported } from './model';

type Json = Record<string, any>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): v is ConditionValue => ['string', 'number', 'boolean'].includes(typeof v);

export interface ReadConditions {
  visible: Map<string, { schema: Json; when: Condition; required: boolean }>;
  requiredWhen: Map<string, Condition>;
  issues: Unsupported[];
}

/** `{properties: {Y: {const: v}}, required: [Y]}` or `{enum: [...]}`; the `required` part is optional when reading. */
export function readCondition(cond: unknown): Condition | undefined {
  if (!isObj(cond) || !isObj(cond.properties)) return undefined;
  const keys = Object.keys(cond.properties);
  if (keys.length !== 1 || Object.keys(cond).some((k) => k !== 'properties' && k !== 'required'))
    return undefined;
  const test = cond.properties[keys[0]];
  if (!isObj(test) || Object.keys(test).length !== 1) return undefined;
  if (isScalar(test.const)) return { field: keys[0], equals: test.const };
  if (Array.isArray(test.enum) && test.enum.length > 0 && test.enum.every(isScalar))
    return { field: keys[0], equals: test.enum };
  return undefined;
}

const isNonEmptyRefinement = (s: unknown) => isObj(s) && Object.keys(s).length === 1 && s.minLength === 1;

export function readConditions(allOf: unknown, props: Json, path: string): ReadConditions {
  const out: ReadConditions = { visible: new Map(), requiredWhen: new Map(), issues: [] };
  const refuse = (at: string, message: string, messageEn: string) =>
    out.issues.push({ path: at, message, messageEn });
  for (const [i, entry] of (Array.isArray(allOf) ? (allOf as unknown[]) : []).entries()) {
    const at = `${path}/allOf/${i}`;
    const when = isObj(entry) ? readCondition(entry.if) : undefined;
    const then = isObj(entry) ? entry.then : undefined;
    const shapeOk =
      isObj(entry) &&
      when &&
      isObj(then) &&
      Object.keys(entry).every((k) => k === 'if' || k === 'then') &&
      Object.keys(then).every((k) => k === 'properties' || k === 'required');
    if (!shapeOk) {
      refuse(
        at,
        '设计器只支持“当 Y 等于某值时显示/必填 X”形式的条件',
        'The designer only supports conditions of the form "show / require X when Y equals a value"',
      );
      continue;
    }
    const thenProps: Json = isObj(then.properties) ? then.properties : {};
    const names = Object.keys(thenProps);
    const req: string[] = Array.isArray(then.required) ? then.required : [];
    const fresh = names.filter((n) => !(n in props));
    if (
      fresh.length === 1 &&
      names.length === 1 &&
      req.every((r) => r === names[0]) &&
      !out.visible.has(names[0])
    ) {
      out.visible.set(names[0], { schema: thenProps[names[0]], when, required: req.length > 0 });
      continue;
    }
    const refinesOnly =
      fresh.length === 0 && names.every((n) => req.includes(n) && isNonEmptyRefinement(thenProps[n]));
    if (req.length > 0 && refinesOnly && req.every((r) => !out.requiredWhen.has(r))) {
      for (const r of req) out.requiredWhen.set(r, names.includes(r) ? { ...when, nonEmpty: true } : when);
      continue;
    }
    refuse(
      at,
      '设计器只支持每个条件显示一个新字段，或要求已有字段必填',
      'The designer supports one new field shown per condition, or existing fields required',
    );
  }
  return out;
}
