/**
 * @module Parallel gateway. A split is a parallel state with one region per outgoing flow; its matching join (the
 * block's single exit) is where the parallel state's onDone leads. A join-only gateway passes on.
 */
import { elementState, leave } from '../behaviors/activity';
import { meta } from '../element-handler';
import type { ElementHandler } from '../element-handler';
import { tokenActions, tokenGuards, tokenXstateActions } from '../behaviors/tokens';

export const parallelGateway: ElementHandler<'parallelGateway'> = {
  kind: 'parallelGateway',
  compile: (el, cc) => {
    const block = el.outgoing.length > 1 ? cc.block(el.id) : null;
    if (!block) return elementState(el, cc, { always: [leave(el.id, cc.next(el))] });
    return elementState(el, cc, {
      extra: {
        meta: { bpmn: { ...meta(el).bpmn, block: true } },
        type: 'parallel',
        states: block.regions,
        onDone: leave(el.id, block.after),
      },
    });
  },
  // Outside blocks a parallel gateway counts tokens (compile/token-scope.ts): the token bookkeeping lives here.
  actions: tokenActions,
  guards: tokenGuards,
  xstateActions: tokenXstateActions,
};
