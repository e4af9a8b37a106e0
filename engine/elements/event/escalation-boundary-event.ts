/**
 * @module Escalation boundary event on a subprocess: catches an escalation raised inside it with its code (or any,
 * without one). Interrupting: the subprocess is left for the boundary's path. Non-interrupting: the subprocess goes
 * on and the boundary's path runs as a spawned side path, once per escalation.
 */
import { issue } from '../../bpmn/issue';
import { isNonInterrupting } from '../../bpmn/scope-graph';
import { history } from '../../exec/context';
import { leaveOn } from '../behaviors/activity';
import { escalationCodeOf } from '../behaviors/escalation';
import type { ElementHandler } from '../element-handler';

export const escalationBoundaryEvent: ElementHandler<'escalationBoundaryEvent'> = {
  kind: 'escalationBoundaryEvent',
  validate: (el, model) =>
    model.elements.get(el.attachedTo ?? '')?.kind === 'subProcess'
      ? []
      : [
          issue(
            el.id,
            'escalation-boundary.host',
            '升级边界事件只能附着在子流程上',
            'escalation boundary events attach to subprocesses only (a called process reports no escalations back)',
          ),
        ],
  compile: () => null,
  attach: (el, cc) => {
    const guard = { type: 'escalation.codeMatches', params: { code: escalationCodeOf(el) } };
    const fired = [
      { type: 'boundary.fired', params: { el: el.id } },
      { type: 'escalation.caught', params: { el: el.id } },
    ];
    if (isNonInterrupting(el))
      return {
        arm: { el: el.id },
        on: {
          'bpmn.escalation': [
            { guard, actions: [...fired, { type: 'side.spawn', params: { boundary: el.id } }] },
          ],
        },
      };
    const exit = leaveOn(el.attachedTo as string, cc.next(el), fired, guard, true);
    return { arm: { el: el.id }, on: { 'bpmn.escalation': [exit.on] } };
  },
  actions: {
    'escalation.caught': (ctx, e, p) => {
      history('escalation.caught', p.el, { escalationCode: e.code ?? null });
      return ctx;
    },
  },
  guards: {
    'escalation.codeMatches': (_ctx, e, p) => p.code === null || p.code === e.code,
  },
};
