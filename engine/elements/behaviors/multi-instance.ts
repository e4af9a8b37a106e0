/**
 * @module Multi-instance (zeebe:loopCharacteristics), parallel or sequential: items from inputCollection, one instance
 * per item with the item bound as `inputElement`, outputs gathered into outputCollection, and completionCondition
 * ending the rest early (会签 countersigning). Instances are addressed by loopIndex.
 */
import type { Json, ValidationIssue, Vars } from '../../contract';
import { issue } from '../../bpmn/issue';
import type { Ctx, MultiInstance } from '../../exec/context';
import { mergeVars, raiseIncident, resolveValue } from '../../exec/ops';
import type { ModelElement } from '../../types';
import { checkFeel } from './feel-check';
import { ext } from './zeebe';

export interface LoopSpec {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export function loopSpec(el: ModelElement): LoopSpec | null {
  if (el.loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return null;
  const z = ext(el.loop, 'zeebe:LoopCharacteristics');
  return {
    sequential: el.loop.isSequential === true,
    inputCollection: z?.inputCollection ?? '',
    inputElement: z?.inputElement || undefined,
    outputCollection: z?.outputCollection || undefined,
    outputElement: z?.outputElement || undefined,
    completionCondition: el.loop.completionCondition?.body?.trim() || undefined,
  };
}

export function validateLoop(el: ModelElement): ValidationIssue[] {
  const spec = loopSpec(el);
  if (!spec) return [];
  if (!spec.inputCollection) {
    return [
      issue(
        el.id,
        'multi-instance.no-collection',
        '多实例需要 inputCollection（zeebe:loopCharacteristics）',
        'multi-instance needs an inputCollection (zeebe:loopCharacteristics)',
      ),
    ];
  }
  return [
    ...checkFeel(el.id, spec.inputCollection, ['inputCollection', 'inputCollection']),
    ...checkFeel(el.id, spec.outputElement, ['outputElement', 'outputElement']),
    ...checkFeel(el.id, spec.completionCondition, ['完成条件', 'the completion condition']),
  ];
}

/** Evaluate the collection and record the loop; null (with an incident raised) when it fails. */
export function startLoop(ctx: Ctx, el: string, spec: LoopSpec): Ctx | { incident: Ctx } {
  const r = resolveValue(ctx, spec.inputCollection);
  if (!r.ok) return { incident: raiseIncident(ctx, el, 'expression', r.message, spec.inputCollection) };
  if (!Array.isArray(r.value)) {
    return {
      incident: raiseIncident(
        ctx,
        el,
        'expression',
        `inputCollection is not a list: ${JSON.stringify(r.value)}`,
        spec.inputCollection,
      ),
    };
  }
  const mi: MultiInstance = {
    items: r.value,
    completed: 0,
    next: 0,
    outputs: r.value.map(() => null),
    stop: false,
  };
  return { ...ctx, mi: { ...ctx.mi, [el]: mi } };
}

export const localVarsOf = (spec: LoopSpec, mi: MultiInstance, i: number): Vars => ({
  ...(spec.inputElement ? { [spec.inputElement]: mi.items[i] } : {}),
  loopCounter: i + 1,
});

/** Indices to open now: all (parallel) or the next one (sequential). */
export function indicesToOpen(spec: LoopSpec, mi: MultiInstance): number[] {
  if (mi.stop) return [];
  if (!spec.sequential) return mi.items.map((_, i) => i).slice(mi.next);
  return mi.next < mi.items.length && mi.next === mi.completed ? [mi.next] : [];
}

/** One instance done: record its output, merge its variables (except the loop's local ones), check the completion condition. */
export function completeOne(ctx: Ctx, el: string, spec: LoopSpec, i: number, vars: Vars): Ctx {
  const mi = ctx.mi[el];
  if (!mi) return ctx;
  const local = localVarsOf(spec, mi, i);
  const scope = { ...local, ...vars };
  const outputs = [...mi.outputs];
  let next = mergeVars(ctx, withoutKeys(vars, Object.keys(local)));
  if (spec.outputElement) {
    const o = resolveValue(next, spec.outputElement, scope);
    if (!o.ok) return raiseIncident(next, el, 'expression', o.message, spec.outputElement);
    outputs[i] = o.value;
  }
  const completed = mi.completed + 1;
  let stop = mi.stop;
  if (spec.completionCondition && !stop) {
    const counts = {
      numberOfInstances: mi.items.length,
      numberOfCompletedInstances: completed,
      numberOfActiveInstances: mi.items.length - completed,
      nrOfInstances: mi.items.length,
      nrOfCompletedInstances: completed,
    };
    // As in Zeebe, the output collection built so far is visible to the completion condition.
    const collected = spec.outputCollection ? { [spec.outputCollection]: outputs } : {};
    const c = resolveValue(next, spec.completionCondition, { ...scope, ...counts, ...collected });
    if (!c.ok) return raiseIncident(next, el, 'expression', c.message, spec.completionCondition);
    stop = c.value === true;
  }
  next = { ...next, mi: { ...next.mi, [el]: { ...mi, outputs, completed, stop } } };
  return next;
}

export const loopDone = (ctx: Ctx, el: string) => {
  const mi = ctx.mi[el];
  return !!mi && (mi.stop || mi.completed >= mi.items.length);
};

/** Leaving the loop: publish outputCollection, forget the loop state (the exit cancels what is still open). */
export function finishLoop(ctx: Ctx, el: string, spec: LoopSpec): Ctx {
  const mi = ctx.mi[el];
  const rest = { ...ctx.mi };
  delete rest[el];
  const next = { ...ctx, mi: rest };
  return spec.outputCollection && mi
    ? mergeVars(next, { [spec.outputCollection]: mi.outputs as Json })
    : next;
}

function withoutKeys(vars: Vars, keys: string[]): Vars {
  if (!keys.some((k) => k in vars)) return vars;
  const out = { ...vars };
  for (const k of keys) delete out[k];
  return out;
}
