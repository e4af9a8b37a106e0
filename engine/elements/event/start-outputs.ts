/**
 * @module Output mappings of start events (`zeebe:ioMapping` outputs, e.g. `= 0` → loopAmount): applied as the
 * instance leaves its start event, as Zeebe does. A mapping that fails is an incident on the start event.
 */
import { mergeVars, raiseIncident, applyMappings } from '../../exec/ops';
import type { ModelElement } from '../../types';
import { leave, okGuard, type StateParts } from '../behaviors/activity';
import { mappings } from '../behaviors/zeebe';
import type { ActionFn, CompileCtx } from '../element-handler';

/** The state parts of a start event that passes on, applying its output mappings first when it has any. */
export function startParts(el: ModelElement, cc: CompileCtx): StateParts {
  const outputs = mappings(el.source).outputs;
  if (!outputs.length) return { always: [leave(el.id, cc.next(el))] };
  return {
    entry: [{ type: 'start.outputs', params: { el: el.id, outputs } }],
    always: [leave(el.id, cc.next(el), [], okGuard(el.id))],
  };
}

export const startOutputs: ActionFn = (ctx, _e, p) => {
  const r = applyMappings({}, p.outputs, ctx, {});
  if (!r.ok) return raiseIncident(ctx, p.el, 'io-mapping', r.message, r.expression);
  return mergeVars(ctx, r.value);
};
