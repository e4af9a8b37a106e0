/** @module Gateway decisions: evaluate outgoing conditions once on entry, store the chosen flows in context.route. */
import type { ValidationIssue } from '../../contract';
import { issue } from '../../bpmn/issue';
import type { Ctx } from '../../exec/context';
import { raiseIncident, resolveValue } from '../../exec/ops';
import type { ModelElement, ProcessModel } from '../../types';
import { checkCondition } from '../behaviors/feel-check';

export interface Outgoing {
  flow: string;
  condition?: string;
}

export function outgoingOf(
  el: ModelElement,
  model: ProcessModel,
): { flows: Outgoing[]; defaultFlow?: string } {
  const defaultFlow: string | undefined = el.source.default?.id;
  const flows = el.outgoing
    .filter((f) => f !== defaultFlow)
    .map((f) => ({ flow: f, condition: model.flows.get(f)?.condition }));
  return { flows, defaultFlow };
}

/** Exclusive and inclusive splits: every non-default outgoing flow has a FEEL condition. */
export function validateConditions(el: ModelElement, model: ProcessModel): ValidationIssue[] {
  // A gateway is a decision, never an end: a token reaching one with no way out would be stuck silently.
  if (el.outgoing.length === 0) {
    return [
      issue(
        el.id,
        'gateway.no-outgoing',
        `网关 ${el.id} 没有出口顺序流`,
        `gateway ${el.id} has no outgoing flow`,
      ),
    ];
  }
  if (el.outgoing.length < 2) return [];
  const { flows } = outgoingOf(el, model);
  return flows.flatMap((f) =>
    f.condition
      ? checkCondition(f.flow, f.condition)
      : [
          issue(
            f.flow,
            'gateway.missing-condition',
            `网关 ${el.id} 的出口顺序流缺少条件（默认流除外）`,
            `outgoing flow of gateway ${el.id} lacks a condition (only the default flow may)`,
          ),
        ],
  );
}

/** Decide; no match and no default → incident (the gateway waits until incident.retry). */
export function decide(
  ctx: Ctx,
  el: string,
  flows: Outgoing[],
  defaultFlow: string | undefined,
  all: boolean,
): Ctx {
  const taken: string[] = [];
  for (const f of flows) {
    const r = f.condition ? resolveValue(ctx, f.condition) : { ok: true as const, value: true };
    if (!r.ok) return raiseIncident(ctx, el, 'condition', r.message, f.condition);
    // A condition that cannot be decided stops the token rather than routing it down the wrong flow.
    if (typeof r.value !== 'boolean') {
      return raiseIncident(
        ctx,
        el,
        'condition',
        `condition of ${f.flow} is not a boolean: ${JSON.stringify(r.value)}`,
        f.condition,
      );
    }
    if (r.value) {
      taken.push(f.flow);
      if (!all) break;
    }
  }
  if (!taken.length && defaultFlow) taken.push(defaultFlow);
  if (!taken.length)
    return raiseIncident(ctx, el, 'no-flow', 'no outgoing flow condition holds and there is no default flow');
  return { ...ctx, route: { ...ctx.route, [el]: taken } };
}
