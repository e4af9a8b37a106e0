/**
 * @module Inclusive gateway. A split evaluates all conditions on entry; it is a parallel state whose regions whose
 * flow was not taken finish at once, so the join waits exactly for the branches taken. Default flow only when none holds.
 */
import { esc } from '../../compile/keys';
import { elementState, leave } from '../behaviors/activity';
import { meta } from '../element-handler';
import type { ElementHandler, StateConfig } from '../element-handler';
import { outgoingOf, validateConditions } from './decide';

export const inclusiveGateway: ElementHandler<'inclusiveGateway'> = {
  kind: 'inclusiveGateway',
  validate: (el, model) => validateConditions(el, model),
  compile: (el, cc) => {
    const block = el.outgoing.length > 1 ? cc.block(el.id) : null;
    if (!block) return elementState(el, cc, { always: [leave(el.id, cc.next(el))] });
    const { flows, defaultFlow } = outgoingOf(el, cc.model);
    const regions: Record<string, StateConfig> = {};
    for (const [flow, region] of Object.entries(block.regions)) {
      const states = region.states as Record<string, StateConfig>;
      regions[flow] = {
        initial: '$guard',
        states: {
          ...states,
          // Waits here while the decision is an incident; the retry re-enters the gateway and decides again.
          $guard: {
            always: [
              {
                guard: { type: 'route.has', params: { el: el.id, flow } },
                target: esc(String(region.initial)),
              },
              { guard: { type: 'route.decided', params: { el: el.id } }, target: '$join' },
            ],
          },
        },
      };
    }
    return elementState(el, cc, {
      entry: [
        { type: 'gateway.decide', params: { el: el.id, flows, defaultFlow: defaultFlow ?? null, all: true } },
      ],
      extra: {
        meta: { bpmn: { ...meta(el).bpmn, block: true } },
        type: 'parallel',
        states: regions,
        onDone: leave(el.id, block.after),
      },
    });
  },
  guards: {
    'route.decided': (ctx, _e, p) => p.el in ctx.route,
  },
};
