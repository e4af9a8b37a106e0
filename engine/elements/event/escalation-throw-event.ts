/** @module Escalation intermediate throw event: raises the escalation and continues (caught or not, see behaviors/escalation.ts). */
import { issue } from '../../bpmn/issue';
import { elementState, leave } from '../behaviors/activity';
import { escalationActions, escalationCodeOf } from '../behaviors/escalation';
import type { ElementHandler } from '../element-handler';

export const escalationThrowEvent: ElementHandler<'escalationThrowEvent'> = {
  kind: 'escalationThrowEvent',
  validate: (el) =>
    escalationCodeOf(el)
      ? []
      : [
          issue(
            el.id,
            'escalation.missing-code',
            '升级抛出事件缺少升级码（escalationRef escalationCode）',
            'escalation throw event lacks an escalation code (escalationRef escalationCode)',
          ),
        ],
  compile: (el, cc) =>
    elementState(el, cc, {
      entry: [{ type: 'escalation.raise', params: { el: el.id, code: escalationCodeOf(el) } }],
      always: [leave(el.id, cc.next(el))],
    }),
  xstateActions: escalationActions,
};
