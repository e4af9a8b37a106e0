/** @module Exclusive gateway: the first outgoing flow whose FEEL condition holds, else the default; neither → incident. A merge just passes on. */
import { elementState, leave } from '../behaviors/activity';
import type { ElementHandler } from '../element-handler';
import { decide, outgoingOf, validateConditions } from './decide';

export const exclusiveGateway: ElementHandler<'exclusiveGateway'> = {
  kind: 'exclusiveGateway',
  validate: (el, model) => validateConditions(el, model),
  compile: (el, cc) => {
    if (el.outgoing.length < 2) return elementState(el, cc, { always: [leave(el.id, cc.next(el))] });
    const { flows, defaultFlow } = outgoingOf(el, cc.model);
    return elementState(el, cc, {
      entry: [
        {
          type: 'gateway.decide',
          params: { el: el.id, flows, defaultFlow: defaultFlow ?? null, all: false },
        },
      ],
      always: el.outgoing.map((f) =>
        leave(el.id, cc.target(f), [], { type: 'route.has', params: { el: el.id, flow: f } }),
      ),
    });
  },
  actions: {
    'gateway.decide': (ctx, _e, p) => decide(ctx, p.el, p.flows, p.defaultFlow ?? undefined, p.all),
  },
  guards: {
    'route.has': (ctx, _e, p) => ctx.route[p.el]?.includes(p.flow) ?? false,
  },
};
